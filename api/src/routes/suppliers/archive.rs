//! `POST /suppliers/{sid}/archive`.

use actix_web::{HttpResponse, post, web};
use domain::suppliers;
use domain::transaction::BeginWrite as _;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::suppliers::{SupplierResponse, manageable},
    state::ApiState,
};

/// Archives a supplier: hidden from lists, its history kept (officers and admins).
#[utoipa::path(
    tag = "suppliers",
    security(("bearer" = [])),
    params(("sid" = Uuid, Path, description = "Supplier id")),
    responses((status = 200, body = SupplierResponse), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[post("/archive")]
pub async fn archive_supplier(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let current = manageable(&state.db, &caller.0, sid.into_inner()).await?;
    let txn = state.db.begin_write().await?;
    let archived = suppliers::archive_supplier(&txn, current, caller.0.user_id).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(SupplierResponse::load(&state.db, archived).await?))
}
