//! Registration, login, the caller's profile and invitation acceptance.

pub mod accept_invitation;
pub mod login;
pub mod me;
pub mod register;

use serde::Serialize;
use utoipa::ToSchema;

/// A freshly issued access token.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// The JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until it expires.
    pub expires_in: u64,
}

impl TokenResponse {
    /// Issues a token for `user_id`.
    pub fn issue(
        state: &crate::state::ApiState,
        user_id: uuid::Uuid,
    ) -> Result<Self, crate::error::ApiError> {
        let access_token = state
            .jwt
            .issue(user_id)
            .map_err(|e| crate::error::ApiError::Internal(format!("jwt: {e}")))?;
        Ok(Self {
            access_token,
            token_type: "Bearer",
            expires_in: state.jwt.ttl_seconds(),
        })
    }
}
