//! `GET /recruiters/{id}`.

use actix_web::{HttpResponse, get, web};
use domain::recruiters::recruiter_profile;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::recruiters::RecruiterResponse,
    state::ApiState,
};

/// One recruiter with its figures and each supplier's share, its sub-agent chain
/// both ways, the suppliers it works for, and the fee answers of the suppliers whose
/// latest SAQ names it (officers, admins, advisors of its company).
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Recruiter id")),
    responses((status = 200, body = RecruiterResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_recruiter(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let profile = recruiter_profile(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(RecruiterResponse::from(profile)))
}
