//! Password hashing on the blocking pool (the hashing itself is in
//! `domain::accounts::password`).

use domain::{accounts::password, values::NewPassword};

use crate::error::ApiError;

/// Hashes a new password without blocking the async workers.
pub async fn hash(password: NewPassword) -> Result<String, ApiError> {
    actix_web::web::block(move || password::hash(&password))
        .await
        .map_err(|e| ApiError::Internal(format!("blocking pool: {e}")))?
        .map_err(ApiError::from)
}

/// Checks a password without blocking the async workers (see
/// `domain::accounts::password::verify` for the unknown-email case).
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    actix_web::web::block(move || password::verify(&password, stored.as_deref()))
        .await
        .map_err(|e| ApiError::Internal(format!("blocking pool: {e}")))
}
