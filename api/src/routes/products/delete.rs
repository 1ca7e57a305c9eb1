//! `DELETE /products/{id}`.

use actix_web::{HttpResponse, delete, web};
use domain::{products, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// Deletes a product with its sources and origins (the company's officers and
/// admins); the audit trail keeps it. The suppliers stay.
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product id")),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[delete("")]
pub async fn delete_product(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let product = products::product_for_managing(&state.db, &caller.0, id.into_inner()).await?;
    let txn = state.db.begin_write().await?;
    products::delete_product(&txn, product, caller.0.user_id).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
