//! `GET /statements/{id}/pdf` and `GET /statements/{id}/docx`.

use actix_web::{HttpResponse, get, web};
use domain::entities::statement;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    state::ApiState,
};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The stored file of the statement's latest revision, or `409` while the worker
/// has not rendered that revision yet (an older file is never served as current).
async fn file(state: &ApiState, caller: &Authenticated, id: Uuid, pdf: bool) -> ApiResult<HttpResponse> {
    let row: statement::Model = domain::statements::readable_statement(&state.db, &caller.0, id).await?;
    let key = if pdf { &row.pdf_key } else { &row.docx_key };
    let (Some(key), true) = (key, row.rendered_revision == Some(row.revision)) else {
        return Err(ApiError::Conflict(
            "the statement's latest revision is being rendered; try again shortly".into(),
        ));
    };
    let bytes = state.files.get(key).await.map_err(ApiError::Internal)?;
    let (content_type, extension) = if pdf {
        ("application/pdf", "pdf")
    } else {
        (DOCX, "docx")
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"fairhire-statement-{}-{}-r{}.{extension}\"",
                row.regime, row.period_end, row.revision
            ),
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

/// The statement as PDF (staff; `409` until the latest revision is rendered).
#[utoipa::path(
    tag = "statements",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Statement id")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = Problem), (status = 409, body = Problem))
)]
// `GET /api/v1/statements/{id}/pdf` (the path below is relative to its scope).
#[get("/pdf")]
pub async fn download_pdf(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    file(&state, &caller, id.into_inner(), true).await
}

/// The statement as DOCX (staff; `409` until the latest revision is rendered).
#[utoipa::path(
    tag = "statements",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Statement id")),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 404, body = Problem), (status = 409, body = Problem))
)]
// `GET /api/v1/statements/{id}/docx` (the path below is relative to its scope).
#[get("/docx")]
pub async fn download_docx(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    file(&state, &caller, id.into_inner(), false).await
}
