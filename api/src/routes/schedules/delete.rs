//! `DELETE /assessment-schedules/{id}`: stops a recurring assessment.

use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::schedules::ScheduleResponse,
    state::ApiState,
};

/// Stops the schedule (officers and admins); sent assessments stay.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Schedule id")),
    responses((status = 200, body = ScheduleResponse), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[delete("/{id}")]
pub async fn delete_schedule(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let stopped = domain::assessments::stop_schedule(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ScheduleResponse::from(stopped)))
}
