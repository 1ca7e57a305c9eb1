//! `POST /assessments/{aid}/evidence` (multipart/form-data: `file`, optional
//! `question_key`).

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, http::header::CONTENT_LENGTH, post, web};
use domain::evidence::upload::{may_upload, store_upload};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::{
        assessments::{definition_for, readable},
        evidence::{
            EvidenceResponse, EvidenceUploadForm,
            form::{FRAMING_ALLOWANCE, read_upload},
        },
    },
    state::ApiState,
};

/// Uploads evidence for an assessment (the supplier's own users, while it can
/// still be answered). The type is detected from the content, never the name:
/// PDF, PNG, JPEG, WebP, text/CSV, Excel/Word; anything else, or an empty file,
/// is 422. A `question_key`, if given, must name a `file` question (else 422).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    request_body(content = EvidenceUploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = EvidenceResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 413, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/evidence")]
pub async fn upload_evidence(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
    req: HttpRequest,
    multipart: Multipart,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    // Who and when are decided before a byte of the body is read.
    may_upload(access, &found)?;
    let limit = state.config.file_limit;
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit.saturating_add(FRAMING_ALLOWANCE)) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    let upload = read_upload(multipart, limit).await?;
    let definition = definition_for(&state.db, &found).await?;
    let stored = store_upload(
        &state.db,
        &state.files,
        &found,
        &definition,
        access,
        upload,
        caller.0.user_id,
    )
    .await?;
    tracing::info!(file_id = %stored.id, assessment_id = %found.id, size = stored.size_bytes, "evidence uploaded");
    Ok(HttpResponse::Created().json(EvidenceResponse::from(stored)))
}
