//! `PATCH /statements/{id}/sections/{key}`.

use actix_web::{HttpResponse, patch, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::statements::StatementResponse,
    state::ApiState,
};

/// The new text.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditSectionRequest {
    /// The section's text (1 to 20,000 characters); the previous version is kept.
    #[serde(default)]
    #[schema(value_type = String, min_length = 1, max_length = 20000)]
    pub text: Option<String>,
}

/// Replaces a section's text with a new version (officers, admins; advisors
/// `403`); the statement's PDF and DOCX are rendered anew.
#[utoipa::path(
    tag = "statements",
    security(("bearer" = [])),
    request_body = EditSectionRequest,
    params(("id" = Uuid, Path, description = "Statement id"), ("key" = String, Path, description = "Section key")),
    responses((status = 200, body = StatementResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[patch("/sections/{key}")]
pub async fn edit_section(
    state: web::Data<ApiState>,
    caller: Authenticated,
    path: web::Path<(Uuid, String)>,
    body: JsonBody<EditSectionRequest>,
) -> ApiResult<HttpResponse> {
    let (id, key) = path.into_inner();
    let text = body.0.text.unwrap_or_default();
    let view = domain::statements::edit_section(&state.db, &caller.0, id, &key, &text).await?;
    Ok(HttpResponse::Ok().json(StatementResponse::from(view)))
}
