//! Registration, login, the caller's profile and invitation acceptance.

pub mod accept_invitation;
pub mod login;
pub mod me;
pub mod password_reset;
pub mod password_reset_complete;
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
    /// Opens a sign-in session for `user_id` (whose password or invitation was
    /// checked) with the optional second-factor `code`, and issues its token.
    pub async fn sign_in(
        state: &crate::state::ApiState,
        req: &actix_web::HttpRequest,
        user_id: uuid::Uuid,
        code: Option<&str>,
    ) -> Result<Self, crate::error::ApiError> {
        use domain::sessions::{self, Client, SignIn};
        let user_agent = req
            .headers()
            .get(actix_web::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok());
        let client = Client::new(user_agent, req.peer_addr().map(|a| a.ip()));
        match sessions::sign_in(&state.db, user_id, code, client).await? {
            SignIn::Started { session_id } => Self::issue(state, user_id, session_id),
            SignIn::FactorRequired => Err(crate::error::ApiError::MfaRequired(
                "this account has a second factor: send the login again with `totp` (a code from the app, or a recovery code)",
            )),
            SignIn::FactorRefused => Err(crate::error::ApiError::MfaRequired(
                "wrong email, password or code, or a code already used",
            )),
        }
    }

    /// Issues a token for `user_id` in session `session_id`.
    fn issue(
        state: &crate::state::ApiState,
        user_id: uuid::Uuid,
        session_id: uuid::Uuid,
    ) -> Result<Self, crate::error::ApiError> {
        let access_token = state
            .jwt
            .issue(user_id, session_id)
            .map_err(|e| crate::error::ApiError::Internal(format!("jwt: {e}")))?;
        Ok(Self {
            access_token,
            token_type: "Bearer",
            expires_in: state.jwt.ttl_seconds(),
        })
    }
}
