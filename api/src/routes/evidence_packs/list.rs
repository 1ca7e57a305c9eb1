//! `GET /suppliers/{sid}/evidence-packs`.

use actix_web::{HttpResponse, get, web};
use domain::listing::Window;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::evidence_packs::EvidencePackResponse,
    state::ApiState,
};

/// A supplier's evidence packs, newest first (the company's reviewers).
#[utoipa::path(
    tag = "evidence-packs",
    security(("bearer" = [])),
    params(("sid" = Uuid, Path, description = "Supplier id"), PageQuery),
    responses((status = 200, body = Paginated<EvidencePackResponse>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/evidence-packs")]
pub async fn list_evidence_packs(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let request = page.into_inner().checked()?;
    let (rows, total) = domain::evidence_packs::list_packs(
        &state.db,
        &caller.0,
        sid.into_inner(),
        Window::page(request.offset(), request.per_page),
    )
    .await?;
    let items = rows.into_iter().map(EvidencePackResponse::from).collect();
    Ok(HttpResponse::Ok().json(Paginated::new(items, total, request)))
}
