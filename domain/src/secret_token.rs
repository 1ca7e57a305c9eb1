//! Random single-use tokens (invitations) and their stored form. Only the SHA-256
//! hash is kept in the database, so a database leak does not leak usable tokens.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh random token: 32 bytes (256 bits) from the OS generator, hex-encoded.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The form a token is stored and looked up in.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_unique_and_hash_stably() {
        let a = generate();
        let b = generate();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(hash(&a), hash(&a));
        assert_ne!(hash(&a), hash(&b));
    }
}
