//! `POST /companies/{cid}/api-keys`.

use actix_web::{HttpResponse, post, web};
use domain::api_keys::{self, KeyRole};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::api_keys::require_admin,
    state::ApiState,
};

/// A key to create.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateApiKeyRequest {
    /// A label, e.g. `ERP sync`.
    pub name: String,
    /// `officer` (read and change) or `read_only`.
    pub role: String,
}

/// The new key; `key` is shown this once and stored only as a hash.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKeyResponse {
    /// The key's id, for revoking it (`DELETE /api-keys/{id}`).
    pub id: Uuid,
    /// The label.
    pub name: String,
    /// `officer` or `read_only`.
    pub role: String,
    /// `fh_…`: send as `Authorization: Bearer fh_…`.
    pub key: String,
}

/// Creates an API key acting in this company with `role` (admins only).
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    request_body = CreateApiKeyRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 201, body = CreatedApiKeyResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateApiKeyRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    require_admin(&caller.0, cid)?;
    let body = body.0;
    let role = KeyRole::parse(&body.role)
        .ok_or_else(|| ApiError::invalid_field("role", "must be officer or read_only"))?;
    let created = api_keys::create_key(&state.db, &caller.0, cid, &body.name, role).await?;
    Ok(HttpResponse::Created().json(CreatedApiKeyResponse {
        id: created.row.id,
        name: created.row.name,
        role: created.row.role,
        key: created.key,
    }))
}
