//! `POST /me/mfa/totp`: start enrolling a TOTP second factor.

use actix_web::{HttpResponse, post, web};
use domain::second_factor;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// A new factor to add to an authenticator app, then confirm.
#[derive(Debug, Serialize, ToSchema)]
pub struct TotpEnrolment {
    /// The shared secret, Base32 (RFC 6238: SHA-1, 6 digits, 30 s), for manual entry.
    pub secret: String,
    /// The `otpauth://totp/…` URI, as a QR code shows it.
    pub otpauth_url: String,
}

/// Starts (or restarts) enrolment; the factor is on only after confirmation.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, body = TotpEnrolment),
        (status = 401, body = Problem),
        (status = 403, body = Problem, description = "An API key has no second factor"),
        (status = 409, body = Problem, description = "A second factor is already on"),
    )
)]
#[post("/mfa/totp")]
pub async fn enrol_totp(state: web::Data<ApiState>, caller: Authenticated) -> ApiResult<HttpResponse> {
    let enrolment = second_factor::enrol(&state.db, &caller.0).await?;
    Ok(HttpResponse::Ok().json(TotpEnrolment {
        secret: enrolment.secret,
        otpauth_url: enrolment.otpauth_url,
    }))
}
