//! `GET /evidence/{id}`: the file itself.

use actix_web::{HttpResponse, get, web};
use domain::entities::evidence_file;
use sea_orm::EntityTrait;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::assessments::readable,
    state::ApiState,
};

/// Downloads an evidence file (whoever may read its assessment; anyone else 404).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Evidence file id")),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = Problem))
)]
#[get("/evidence/{id}")]
pub async fn download_evidence(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let not_found = || ApiError::NotFound("evidence file".into());
    let row = evidence_file::Entity::find_by_id(id.into_inner())
        .one(&state.db)
        .await?
        .ok_or_else(not_found)?;
    let assessment_id = row.assessment_id.ok_or_else(not_found)?;
    readable(&state.db, &caller.0, assessment_id)
        .await
        .map_err(|_| not_found())?;
    let bytes = state
        .files
        .get(&row.storage_key)
        .await
        .map_err(ApiError::Internal)?;
    // Only safe characters in the header's filename; the rest become '_'.
    let safe: String = row
        .filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._- ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(HttpResponse::Ok()
        .content_type(row.content_type.as_str())
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{safe}\"")))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}
