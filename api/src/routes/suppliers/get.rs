//! `GET /suppliers/{sid}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::suppliers::{SupplierResponse, readable},
    state::ApiState,
};

/// One supplier (its company's members, or its own users).
#[utoipa::path(
    tag = "suppliers",
    security(("bearer" = [])),
    params(("sid" = Uuid, Path, description = "Supplier id")),
    responses((status = 200, body = SupplierResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_supplier(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _) = readable(&state.db, &caller.0, sid.into_inner()).await?;
    Ok(HttpResponse::Ok().json(SupplierResponse::load(&state.db, found).await?))
}
