//! `GET /companies/{cid}/assessment-schedules`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::schedules::ScheduleResponse,
    state::ApiState,
};

/// The company's recurring assessments, next first.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 200, body = Vec<ScheduleResponse>), (status = 404, body = Problem))
)]
#[get("/assessment-schedules")]
pub async fn list_schedules(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let rows = domain::assessments::schedules_of(&state.db, &caller.0, cid.into_inner()).await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(ScheduleResponse::from).collect::<Vec<_>>()))
}
