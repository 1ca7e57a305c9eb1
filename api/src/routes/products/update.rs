//! `PATCH /products/{id}`.

use actix_web::{HttpResponse, patch, web};
use domain::{products, transaction::BeginWrite as _};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::{products::ProductResponse, suppliers::profile::present},
    state::ApiState,
};

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProductRequest {
    /// A new name.
    pub name: Option<String>,
    /// A new SKU (unique in the company).
    pub sku: Option<String>,
    /// A new HS code (`null` or empty clears it).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub hs_code: Option<Option<String>>,
    /// A new description.
    pub description: Option<String>,
}

/// Edits a product (the company's officers and admins).
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    request_body = UpdateProductRequest,
    params(("id" = Uuid, Path, description = "Product id")),
    responses(
        (status = 200, body = ProductResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[patch("")]
pub async fn update_product(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateProductRequest>,
) -> ApiResult<HttpResponse> {
    let product = products::product_for_managing(&state.db, &caller.0, id.into_inner()).await?;
    let body = body.0;
    let changes = products::ProductInput {
        name: body.name,
        sku: body.sku,
        hs_code: body.hs_code,
        description: body.description,
    }
    .parse_changes()
    .map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let updated = products::update_product(&txn, product, caller.0.user_id, changes).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(ProductResponse::from(updated)))
}
