//! Argon2id password hashing (the crate's defaults follow the OWASP
//! recommendation). These are CPU-heavy and synchronous: callers run them on a
//! blocking pool.

use std::sync::OnceLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};

use crate::{error::DomainError, values::NewPassword};

/// Hashes a new password into a PHC string.
pub fn hash(password: &NewPassword) -> Result<String, DomainError> {
    Argon2::default()
        .hash_password(password.expose().as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| DomainError::Internal(format!("argon2: {e}")))
}

/// A hash of a random password nobody knows, made once; verified against when the
/// email is unknown so that both answers take the same time.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let unknowable = crate::secret_token::generate();
        Argon2::default()
            .hash_password(unknowable.as_bytes())
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    })
}

/// Whether `password` matches `stored`. With `stored = None` (unknown email) it
/// checks against a dummy hash and answers `false`, taking the same time.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let phc = stored.unwrap_or_else(|| dummy_hash());
    let matches = PasswordHash::new(phc)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false);
    stored.is_some() && matches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_only_the_right_password() {
        let password = NewPassword::parse("correct horse battery").unwrap_or_else(|_| unreachable!());
        let stored = hash(&password).unwrap_or_default();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", Some(&stored)));
        assert!(!verify("wrong horse battery", Some(&stored)));
        assert!(!verify("correct horse battery", None));
    }
}
