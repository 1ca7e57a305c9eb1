//! `GET /companies/{cid}/api-keys`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::api_keys::{ApiKeyResponse, require_admin},
    state::ApiState,
};

/// The company's API keys, revoked ones included, newest first (admins only).
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), PageQuery),
    responses((status = 200, body = Paginated<ApiKeyResponse>), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    require_admin(&caller.0, cid)?;
    let page = page.into_inner().checked()?;
    let (rows, total) =
        domain::api_keys::keys_of(&state.db, &caller.0, cid, page.offset(), page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        rows.into_iter().map(ApiKeyResponse::from).collect(),
        total,
        page,
    )))
}
