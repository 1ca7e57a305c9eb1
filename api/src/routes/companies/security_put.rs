//! `PUT /companies/{cid}/security`: set the company's sign-in policy (admins).

use actix_web::{HttpResponse, put, web};
use domain::second_factor::{self, SecurityPolicy};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::companies::security_get::SecurityPolicyBody,
    state::ApiState,
};

/// Sets whether the company's staff must have a second factor (audited).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    request_body = SecurityPolicyBody,
    responses(
        (status = 200, body = SecurityPolicyBody),
        (status = 401, body = Problem),
        (status = 403, body = Problem, description = "Not an admin of the company"),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[put("/security")]
pub async fn put_security(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<SecurityPolicyBody>,
) -> ApiResult<HttpResponse> {
    let wanted = SecurityPolicy {
        mfa_required: body.0.mfa_required,
    };
    let saved = second_factor::set_policy(&state.db, &caller.0, cid.into_inner(), wanted).await?;
    Ok(HttpResponse::Ok().json(SecurityPolicyBody {
        mfa_required: saved.mfa_required,
    }))
}
