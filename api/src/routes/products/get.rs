//! `GET /products/{id}`.

use actix_web::{HttpResponse, get, web};
use domain::products;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::products::ProductDetailResponse,
    state::ApiState,
};

/// One product with its chain: who makes it (tier 1), their suppliers tier by
/// tier, and its raw-material origins (the company's officers, admins and
/// advisors).
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Product id")),
    responses(
        (status = 200, body = ProductDetailResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
    )
)]
#[get("")]
pub async fn get_product(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let product = products::product_for_reading(&state.db, &caller.0, id.into_inner()).await?;
    let chain = products::product_chain(&state.db, &product).await?;
    Ok(HttpResponse::Ok().json(ProductDetailResponse::new(product, chain)))
}
