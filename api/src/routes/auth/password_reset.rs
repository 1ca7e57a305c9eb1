//! `POST /auth/password-reset`: ask for a reset link by email. The answer is the
//! same `202` whether or not the address has an account, so it reveals nothing.

use actix_web::{HttpResponse, post, web};
use domain::{accounts, values::Email};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// Whose password to reset.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The address of the account.
    #[schema(format = Email, max_length = 254)]
    pub email: String,
}

/// Emails a reset link (valid one hour, usable once) if the address has an account.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "Accepted; an email is on its way if the address has an account"),
        (status = 422, body = Problem, description = "Not an email address"),
    )
)]
#[post("/password-reset")]
pub async fn request_password_reset(
    state: web::Data<ApiState>,
    body: JsonBody<PasswordResetRequest>,
) -> ApiResult<HttpResponse> {
    let email = Email::parse(&body.0.email).map_err(|m| ApiError::invalid_field("email", m))?;
    accounts::request_password_reset(&state.db, &email, &state.config.public_url).await?;
    Ok(HttpResponse::Accepted().finish())
}
