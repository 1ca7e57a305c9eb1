//! `DELETE /me/mfa/totp`: turn the second factor off, with a current code.

use actix_web::{HttpResponse, delete, web};
use domain::second_factor;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::me::totp_confirm::FactorCode,
    state::ApiState,
};

/// Turns the factor off (a TOTP code or a recovery code proves it is you); the
/// recovery codes stop working. A company policy may then require a new one.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = FactorCode,
    responses(
        (status = 204),
        (status = 401, body = Problem),
        (status = 404, body = Problem, description = "No second factor is on"),
        (status = 422, body = Problem, description = "Not a current or recovery code"),
    )
)]
#[delete("/mfa/totp")]
pub async fn remove_totp(
    state: web::Data<ApiState>,
    caller: Authenticated,
    body: JsonBody<FactorCode>,
) -> ApiResult<HttpResponse> {
    second_factor::remove(&state.db, &caller.0, &body.0.code).await?;
    Ok(HttpResponse::NoContent().finish())
}
