//! `DELETE /api-keys/{id}`.

use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::api_keys::ApiKeyResponse,
    state::ApiState,
};

/// Revokes the key at once (admins only); it stays listed, marked revoked.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "API key id")),
    responses((status = 200, body = ApiKeyResponse), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[delete("/{id}")]
pub async fn revoke_api_key(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let revoked = domain::api_keys::revoke_key(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ApiKeyResponse::from(revoked)))
}
