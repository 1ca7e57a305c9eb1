//! `POST /auth/password-reset/{token}`: choose the new password with the
//! emailed token (once, within the hour). Every session of the account ends.

use actix_web::{HttpResponse, post, web};
use domain::{accounts, values::NewPassword};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// The new password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPasswordRequest {
    /// At least 10 characters.
    #[schema(min_length = 10, max_length = 1024)]
    pub password: String,
}

/// Sets a new password with a reset token.
#[utoipa::path(
    tag = "auth",
    request_body = NewPasswordRequest,
    params(("token" = String, Path, description = "The token from the reset email")),
    responses(
        (status = 200, description = "The password is changed; every session of the account has ended"),
        (status = 404, body = Problem, description = "Unknown token"),
        (status = 410, body = Problem, description = "Used or expired token"),
        (status = 422, body = Problem),
    )
)]
#[post("/password-reset/{token}")]
pub async fn complete_password_reset(
    state: web::Data<ApiState>,
    token: web::Path<String>,
    body: JsonBody<NewPasswordRequest>,
) -> ApiResult<HttpResponse> {
    let password =
        NewPassword::parse(&body.0.password).map_err(|m| ApiError::invalid_field("password", m))?;
    // Checked before hashing, so a dead link costs no Argon2 run.
    accounts::usable_reset(&state.db, &token).await?;
    let hash = crate::auth::password::hash(password).await?;
    accounts::complete_password_reset(&state.db, &token, hash).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"status": "password_changed"})))
}
