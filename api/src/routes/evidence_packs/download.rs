//! `GET /evidence-packs/{id}/pdf`, `/json` and `/zip`.

use actix_web::{HttpResponse, get, web};
use domain::evidence_packs::{self, Format, status};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    state::ApiState,
};

/// The stored file of a ready pack, audited; `409` before it is ready or after
/// it failed.
async fn file(state: &ApiState, caller: &Authenticated, id: Uuid, format: Format) -> ApiResult<HttpResponse> {
    let row = evidence_packs::readable_pack(&state.db, &caller.0, id).await?;
    let key = match (row.status.as_str(), format.key_of(&row)) {
        (status::READY, Some(key)) => key.to_string(),
        (status::FAILED, _) => {
            return Err(ApiError::Conflict(
                "the evidence pack could not be rendered".into(),
            ));
        }
        _ => return Err(ApiError::Conflict("the evidence pack is not ready yet".into())),
    };
    let bytes = state.files.get(&key).await.map_err(ApiError::Internal)?;
    evidence_packs::record_download(&state.db, &caller.0, &row, format).await?;
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"fairhire-evidence-pack-{}-{}.{}\"",
                row.regime,
                row.created_at.format("%Y-%m-%d"),
                format.extension()
            ),
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

/// The pack as PDF (the company's reviewers; `409` until ready).
#[utoipa::path(
    tag = "evidence-packs",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Evidence pack id")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = Problem), (status = 409, body = Problem))
)]
// `GET /api/v1/evidence-packs/{id}/pdf` (the path below is relative to its scope).
#[get("/pdf")]
pub async fn download_evidence_pack_pdf(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    file(&state, &caller, id.into_inner(), Format::Pdf).await
}

/// The pack's contents as JSON (the company's reviewers; `409` until ready).
#[utoipa::path(
    tag = "evidence-packs",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Evidence pack id")),
    responses((status = 200, content_type = "application/json", body = Object), (status = 404, body = Problem), (status = 409, body = Problem))
)]
// `GET /api/v1/evidence-packs/{id}/json` (the path below is relative to its scope).
#[get("/json")]
pub async fn download_evidence_pack_json(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    file(&state, &caller, id.into_inner(), Format::Json).await
}

/// The ZIP of the PDF, the JSON, every evidence file and `manifest.json`
/// (the company's reviewers; `409` until ready).
#[utoipa::path(
    tag = "evidence-packs",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Evidence pack id")),
    responses((status = 200, content_type = "application/zip", body = Vec<u8>), (status = 404, body = Problem), (status = 409, body = Problem))
)]
// `GET /api/v1/evidence-packs/{id}/zip` (the path below is relative to its scope).
#[get("/zip")]
pub async fn download_evidence_pack_zip(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    file(&state, &caller, id.into_inner(), Format::Zip).await
}
