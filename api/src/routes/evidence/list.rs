//! `GET /assessments/{aid}/evidence`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::{assessments::readable, evidence::EvidenceResponse},
    state::ApiState,
};

/// The evidence uploaded for an assessment, oldest first (whoever may read the
/// assessment; anyone else 404).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 200, body = Vec<EvidenceResponse>), (status = 404, body = Problem))
)]
#[get("/evidence")]
pub async fn list_evidence(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, _) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    let rows = domain::evidence::find::for_assessment(&state.db, found.id).await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(EvidenceResponse::from).collect::<Vec<_>>()))
}
