//! `GET /statements/{id}/versions`.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// One version of one section's text.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionResponse {
    /// The section.
    pub section_key: String,
    /// 1: Fairhire's draft; then one per edit.
    pub version: i32,
    /// The text of that version.
    pub text: String,
    /// Who wrote it (the user who drafted the statement for version 1).
    pub author_id: Uuid,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Every version of every section, oldest first (staff).
#[utoipa::path(
    tag = "statements",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Statement id")),
    responses((status = 200, body = Vec<VersionResponse>), (status = 404, body = Problem))
)]
#[get("/versions")]
pub async fn list_versions(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let rows = domain::statements::versions_of(&state.db, &caller.0, id.into_inner()).await?;
    let items: Vec<VersionResponse> = rows
        .into_iter()
        .map(|v| VersionResponse {
            section_key: v.section_key,
            version: v.version,
            text: v.text,
            author_id: v.author_id,
            created_at: v.created_at,
        })
        .collect();
    Ok(HttpResponse::Ok().json(items))
}
