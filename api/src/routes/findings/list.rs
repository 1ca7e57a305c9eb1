//! `GET /assessments/{aid}/findings`.

use actix_web::{HttpResponse, get, web};
use domain::entities::finding;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
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
#[get("/assessments/{aid}/findings")]
pub async fn list_findings(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, _) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    let mut rows = finding::Entity::find()
        .filter(finding::Column::AssessmentId.eq(found.id))
        .order_by_asc(finding::Column::CreatedAt)
        .all(&state.db)
        .await?;
    let rank = |s: &str| match s {
        "priority" => 0,
        "major" => 1,
        _ => 2,
    };
    rows.sort_by_key(|f| (rank(&f.severity), !f.zero_tolerance));
    Ok(HttpResponse::Ok().json(rows.into_iter().map(FindingResponse::from).collect::<Vec<_>>()))
}
