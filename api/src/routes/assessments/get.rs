//! `GET /assessments/{aid}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::assessments::{AssessmentResponse, readable, responses},
    state::ApiState,
};

/// One assessment with its answers.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 200, body = AssessmentResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_assessment(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, _) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    let one = responses(&state.db, vec![found])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("assessment vanished".into()))?;
    Ok(HttpResponse::Ok().json(one))
}
