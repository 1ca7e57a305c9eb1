//! `GET /assessments/{aid}/reports`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::{assessments::readable, reports::ReportResponse},
    state::ApiState,
};

/// An assessment's reports, newest first (company members).
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 200, body = Vec<ReportResponse>), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[get("/reports")]
pub async fn list_reports(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    caller.0.company_reader(access)?;
    let rows = domain::reports::list_reports(&state.db, found.id).await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(ReportResponse::from).collect::<Vec<_>>()))
}
