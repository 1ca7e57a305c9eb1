//! Sealing a report's words at rest: XChaCha20-Poly1305 with a random 192-bit
//! nonce per message and the row's id as associated data (a sealed value moved to
//! another row does not open). The key comes from `FAIRHIRE_VOICE_KEY`, or is
//! generated once into the data directory; it is never logged (`Debug` hides it).

use base64::{Engine, engine::general_purpose::STANDARD};
use chacha20poly1305::{
    KeyInit, XChaCha20Poly1305, XNonce,
    aead::{Aead, Payload},
};
use rand::RngCore;
use uuid::Uuid;

use crate::error::DomainError;

/// The 256-bit key that seals worker-voice text.
#[derive(Clone)]
pub struct VoiceKey([u8; 32]);

impl std::fmt::Debug for VoiceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VoiceKey(…)")
    }
}

impl VoiceKey {
    /// Parses 64 hex digits.
    pub fn from_hex(hex_key: &str) -> Result<Self, String> {
        let bytes = hex::decode(hex_key.trim()).map_err(|_| "must be 64 hex digits".to_string())?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "must be 64 hex digits (32 bytes)".to_string())?;
        Ok(Self(key))
    }

    /// A fresh random key, as 64 hex digits.
    pub fn generate_hex() -> String {
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        hex::encode(key)
    }

    /// A keyed hash of `value` for `purpose` (hex HMAC-SHA256 under a subkey
    /// derived from this key and the purpose): a stable lookup handle for a value
    /// that must not be stored, such as a worker's phone number. Without the key
    /// the hash cannot be recomputed from a guessed number.
    pub fn keyed_hash(&self, purpose: &str, value: &str) -> String {
        use hmac::{Hmac, KeyInit, Mac};
        type HmacSha256 = Hmac<sha2_hmac::Sha256>;
        let mut derive = <HmacSha256 as KeyInit>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
        derive.update(b"fairhire-voice-keyed-hash:");
        derive.update(purpose.as_bytes());
        let subkey = derive.finalize().into_bytes();
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&subkey)
            .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.0.into())
    }

    /// Seals `plain` for the row `row`: base64 of nonce ‖ ciphertext ‖ tag.
    pub fn seal(&self, row: Uuid, plain: &str) -> Result<String, DomainError> {
        let mut nonce = [0u8; 24];
        rand::rng().fill_bytes(&mut nonce);
        let sealed = self
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: row.as_bytes(),
                },
            )
            .map_err(|_| DomainError::Internal("sealing failed".into()))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(STANDARD.encode(out))
    }

    /// Opens what [`VoiceKey::seal`] sealed for `row`; fails on a wrong key, a
    /// tampered value or another row's value.
    pub fn open(&self, row: Uuid, sealed: &str) -> Result<String, DomainError> {
        let bytes = STANDARD
            .decode(sealed)
            .map_err(|_| DomainError::Internal("a sealed value is not base64".into()))?;
        if bytes.len() < 24 + 16 {
            return Err(DomainError::Internal("a sealed value is too short".into()));
        }
        let (nonce, body) = bytes.split_at(24);
        let nonce: [u8; 24] = nonce
            .try_into()
            .map_err(|_| DomainError::Internal("a sealed value is too short".into()))?;
        let plain = self
            .cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: body,
                    aad: row.as_bytes(),
                },
            )
            .map_err(|_| {
                DomainError::Internal("a sealed value does not open with FAIRHIRE_VOICE_KEY".into())
            })?;
        String::from_utf8(plain).map_err(|_| DomainError::Internal("a sealed value is not UTF-8".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_and_opens_only_for_its_row_and_key() -> Result<(), DomainError> {
        let key = VoiceKey::from_hex(&VoiceKey::generate_hex()).map_err(DomainError::Internal)?;
        let row = Uuid::now_v7();
        let sealed = key.seal(row, "my passport was taken")?;
        assert!(!sealed.contains("passport"));
        assert_eq!(key.open(row, &sealed)?, "my passport was taken");
        assert!(key.open(Uuid::now_v7(), &sealed).is_err());
        let other = VoiceKey::from_hex(&VoiceKey::generate_hex()).map_err(DomainError::Internal)?;
        assert!(other.open(row, &sealed).is_err());
        assert_ne!(key.seal(row, "same")?, key.seal(row, "same")?);
        assert!(VoiceKey::from_hex("abc").is_err());
        assert_eq!(format!("{key:?}"), "VoiceKey(…)");
        let hash = key.keyed_hash("phone", "+8801712345678");
        assert_eq!(hash, key.keyed_hash("phone", "+8801712345678"));
        assert_ne!(hash, key.keyed_hash("other", "+8801712345678"));
        assert_ne!(hash, other.keyed_hash("phone", "+8801712345678"));
        assert!(!hash.contains("8801712345678"));
        Ok(())
    }
}
