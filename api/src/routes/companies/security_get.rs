//! `GET /companies/{cid}/security`: the company's sign-in policy.

use actix_web::{HttpResponse, get, web};
use domain::second_factor;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// A company's sign-in policy.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityPolicyBody {
    /// Whether its admins, officers and advisors must have a second factor;
    /// until they enrol one, every other route answers `403`
    /// (`…/problems/mfa-enrolment-required`).
    pub mfa_required: bool,
}

/// The company's sign-in policy (its staff may read it).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 200, body = SecurityPolicyBody),
        (status = 401, body = Problem),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
    )
)]
#[get("/security")]
pub async fn get_security(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let policy = second_factor::policy(&state.db, &caller.0, cid.into_inner()).await?;
    Ok(HttpResponse::Ok().json(SecurityPolicyBody {
        mfa_required: policy.mfa_required,
    }))
}
