//! `DELETE /assessment-schedules/{id}`: stops a recurring assessment.

use actix_web::{HttpResponse, delete, web};
use domain::entities::assessment_schedule;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
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
#[delete("/assessment-schedules/{id}")]
pub async fn delete_schedule(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = assessment_schedule::Entity::find_by_id(id.into_inner())
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::NotFound("schedule".into()))?;
    caller
        .0
        .company_role(row.company_id)
        .map_err(|_| ApiError::NotFound("schedule".into()))?;
    caller.0.company_manager(row.company_id)?;
    let mut active = row.into_active_model();
    active.active = Set(false);
    let stopped = active.update(&state.db).await?;
    Ok(HttpResponse::Ok().json(ScheduleResponse::from(stopped)))
}
