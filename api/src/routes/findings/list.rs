//! `GET /assessments/{aid}/findings`.

use actix_web::{HttpResponse, get, web};
use domain::findings::read;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::{assessments::readable, findings::FindingResponse},
    state::ApiState,
};

/// The findings of an assessment, most severe first.
#[utoipa::path(
    tag = "findings",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 200, body = Vec<FindingResponse>), (status = 404, body = Problem))
)]
#[get("/findings")]
pub async fn list_findings(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, _) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    let mut rows = read::of_assessment(&state.db, found.id).await?;
    read::most_severe_first(&mut rows);
    Ok(HttpResponse::Ok().json(rows.into_iter().map(FindingResponse::from).collect::<Vec<_>>()))
}
