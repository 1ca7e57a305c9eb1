//! `DELETE /api-keys/{id}`.

use actix_web::{HttpResponse, delete, web};
use domain::entities::api_key;
use domain::transaction::BeginWrite as _;
use sea_orm::EntityTrait;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::api_keys::{ApiKeyResponse, require_admin},
    state::ApiState,
};

/// Revokes the key at once (admins only); it stays listed, marked revoked.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "API key id")),
    responses((status = 200, body = ApiKeyResponse), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = api_key::Entity::find_by_id(id.into_inner())
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::NotFound("API key".into()))?;
    caller
        .0
        .company_role(row.company_id)
        .map_err(|_| ApiError::NotFound("API key".into()))?;
    require_admin(&caller.0, row.company_id)?;
    let txn = state.db.begin_write().await?;
    let revoked = domain::api_keys::revoke(&txn, row, caller.0.user_id).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(ApiKeyResponse::from(revoked)))
}
