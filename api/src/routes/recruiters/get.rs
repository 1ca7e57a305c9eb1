//! `GET /recruiters/{id}`.

use actix_web::{HttpResponse, get, web};
use domain::fee_audit::store;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::recruiters::RecruiterResponse,
    state::ApiState,
};

/// One recruiter with its figures and each supplier's share (officers, admins,
/// advisors of its company).
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Recruiter id")),
    responses((status = 200, body = RecruiterResponse), (status = 404, body = Problem))
)]
#[get("/recruiters/{id}")]
pub async fn get_recruiter(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let found = store::load_recruiter(&state.db, &caller.0, id.into_inner(), false).await?;
    let summary = store::recruiter_summary(&state.db, found).await?;
    Ok(HttpResponse::Ok().json(RecruiterResponse::new(summary, true)))
}
