//! `POST /me/mfa/recovery-codes`: ten new recovery codes (the old stop working).

use actix_web::{HttpResponse, post, web};
use domain::second_factor;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::me::totp_confirm::{FactorCode, RecoveryCodes},
    state::ApiState,
};

/// Replaces the recovery codes, with a current code (TOTP or recovery).
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = FactorCode,
    responses(
        (status = 200, body = RecoveryCodes),
        (status = 401, body = Problem),
        (status = 404, body = Problem, description = "No second factor is on"),
        (status = 422, body = Problem, description = "Not a current or recovery code"),
    )
)]
#[post("/mfa/recovery-codes")]
pub async fn regenerate_recovery_codes(
    state: web::Data<ApiState>,
    caller: Authenticated,
    body: JsonBody<FactorCode>,
) -> ApiResult<HttpResponse> {
    let recovery_codes = second_factor::regenerate_recovery_codes(&state.db, &caller.0, &body.0.code).await?;
    Ok(HttpResponse::Ok().json(RecoveryCodes { recovery_codes }))
}
