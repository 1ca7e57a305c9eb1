//! The random strings of worker voice: the channel token in the public link, the
//! case code a reporter quotes and the secret that proves they reported it. All
//! from the OS generator, in Crockford base32 (no I, L, O, U: easy to copy from a
//! phone screen or a poster).

use rand::Rng;
use sha2::{Digest, Sha256};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(ALPHABET[rng.random_range(0..32)]))
        .collect()
}

fn grouped(raw: &str) -> String {
    raw.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A channel token: 16 characters, 80 bits, lower case for the link.
pub fn channel_token() -> String {
    random(16).to_ascii_lowercase()
}

/// A case code such as `K3QZ-8H2M` (40 bits; unique in the table).
pub fn case_code() -> String {
    grouped(&random(8))
}

/// A reporter secret such as `ABCD-EFGH-JKMN-PQRS-TVWX` (100 bits).
pub fn secret() -> String {
    grouped(&random(20))
}

/// What a person typed, in canonical form: upper case, no separators, and the
/// letters people confuse with digits read as those digits.
pub fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// A typed case code in its stored form (`XXXX-XXXX`).
pub fn canonical_code(typed: &str) -> String {
    grouped(&normalize(typed))
}

/// The stored form of a secret: SHA-256 of its canonical form. The secret has
/// 100 random bits, so a fast hash is enough (nothing to brute-force).
pub fn secret_hash(typed: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"fairhire-voice-secret:");
    hasher.update(normalize(typed).as_bytes());
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_however_they_are_typed() {
        let code = case_code();
        assert_eq!(code.len(), 9);
        assert_eq!(canonical_code(&code.to_lowercase().replace('-', " ")), code);
        let secret = secret();
        assert_eq!(
            secret_hash(&secret),
            secret_hash(&secret.to_lowercase().replace('-', ""))
        );
        assert_ne!(secret_hash(&secret), secret_hash(&super::secret()));
        assert_eq!(channel_token().len(), 16);
    }
}
