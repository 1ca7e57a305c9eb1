//! `GET /assessments/{aid}/evidence`.

use actix_web::{HttpResponse, get, web};
use domain::entities::evidence_file;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::{assessments::readable, evidence::EvidenceResponse},
    state::ApiState,
};

/// The evidence uploaded for an assessment (whoever may read it).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 200, body = Vec<EvidenceResponse>), (status = 404, body = Problem))
)]
#[get("/assessments/{aid}/evidence")]
pub async fn list_evidence(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, _) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    let rows = evidence_file::Entity::find()
        .filter(evidence_file::Column::AssessmentId.eq(found.id))
        .order_by_asc(evidence_file::Column::CreatedAt)
        .all(&state.db)
        .await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(EvidenceResponse::from).collect::<Vec<_>>()))
}
