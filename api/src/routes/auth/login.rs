//! `POST /auth/login`: email and password (and the second factor, when the
//! account has one) for an access token of a new session. The answer to a wrong
//! password and to an unknown email is the same; both run Argon2, and a refused
//! password of a real account adds only its audit-trail write (milliseconds
//! against Argon2's cost).

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::{accounts, values::Email};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::auth::TokenResponse,
    state::ApiState,
};

/// Login credentials.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    /// The address the user registered or was invited with (case does not matter).
    pub email: String,
    /// Password.
    pub password: String,
    /// The second factor, when the account has one: the current 6-digit code
    /// of the authenticator app, or one of the recovery codes (each works once).
    #[serde(default)]
    pub totp: Option<String>,
}

/// Said when a company's "SSO required" refuses the password (see domain::sso::required).
const SSO_REQUIRED: &str = "your company requires single sign-on: sign in through its identity provider from the portal's login page";

const WRONG: ApiError = ApiError::Unauthorized("wrong email or password");

/// Logs in.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, body = Problem, description = "Wrong email or password; or `mfa_required: true`: the account's second factor is missing or wrong"),
        (status = 403, body = Problem, description = "The company requires single sign-on"),
        (status = 429, body = Problem, description = "Too many attempts"),
    )
)]
#[post("/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<ApiState>,
    body: JsonBody<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let address = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    let normalized = body.email.trim().to_lowercase();
    if let Some(wait) = state.login_throttle.attempt(&address, &normalized) {
        return Err(ApiError::TooManyRequests(wait));
    }
    let user = match Email::parse(&body.email) {
        Ok(email) => accounts::find_user_by_email(&state.db, &email).await?,
        Err(_) => None,
    };
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let valid = crate::auth::password::verify(body.password, stored).await?;
    match user {
        Some(user) if valid => {
            // After the password check, so only its owner learns SSO is required.
            if domain::sso::password_login_refused(&state.db, user.id)
                .await?
                .is_some()
            {
                return Err(ApiError::Forbidden(SSO_REQUIRED.into()));
            }
            let signed = TokenResponse::sign_in(&state, &req, user.id, body.totp.as_deref()).await;
            match &signed {
                Ok(_) => tracing::info!(user_id = %user.id, "login"),
                // A wrong second factor counts like a wrong password.
                Err(ApiError::MfaRequired(_)) if body.totp.is_some() => {
                    state.login_throttle.failed(&normalized)
                }
                Err(_) => {}
            }
            Ok(HttpResponse::Ok().json(signed?))
        }
        Some(user) => {
            state.login_throttle.failed(&normalized);
            domain::sessions::password_refused(&state.db, user.id).await?;
            Err(WRONG)
        }
        None => {
            state.login_throttle.failed(&normalized);
            Err(WRONG)
        }
    }
}
