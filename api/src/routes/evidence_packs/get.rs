//! `GET /evidence-packs/{id}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::evidence_packs::EvidencePackResponse,
    state::ApiState,
};

/// A pack's state, and its files once ready (the company's reviewers).
#[utoipa::path(
    tag = "evidence-packs",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Evidence pack id")),
    responses((status = 200, body = EvidencePackResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_evidence_pack(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = domain::evidence_packs::readable_pack(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(EvidencePackResponse::from(row)))
}
