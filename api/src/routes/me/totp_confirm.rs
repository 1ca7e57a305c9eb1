//! `POST /me/mfa/totp/confirm`: turn the factor on with a code from the app.

use actix_web::{HttpResponse, post, web};
use domain::second_factor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// A code proving possession of the factor.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FactorCode {
    /// The authenticator app's current 6-digit code (or, where the route says
    /// so, one of the recovery codes).
    #[schema(min_length = 1, max_length = 64)]
    pub code: String,
}

/// The recovery codes, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecoveryCodes {
    /// Ten single-use codes, each accepted once in place of a TOTP code.
    pub recovery_codes: Vec<String>,
}

/// Confirms the pending enrolment; the second factor is on from now.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = FactorCode,
    responses(
        (status = 200, body = RecoveryCodes),
        (status = 401, body = Problem),
        (status = 409, body = Problem, description = "No enrolment pending, or already on"),
        (status = 422, body = Problem, description = "Not the current code"),
    )
)]
#[post("/mfa/totp/confirm")]
pub async fn confirm_totp(
    state: web::Data<ApiState>,
    caller: Authenticated,
    body: JsonBody<FactorCode>,
) -> ApiResult<HttpResponse> {
    let recovery_codes = second_factor::confirm(&state.db, &caller.0, &body.0.code).await?;
    Ok(HttpResponse::Ok().json(RecoveryCodes { recovery_codes }))
}
