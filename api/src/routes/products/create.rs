//! `POST /companies/{cid}/products`.

use actix_web::{HttpResponse, post, web};
use domain::{products, transaction::BeginWrite as _};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::products::ProductResponse,
    state::ApiState,
};

/// A product to add.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProductRequest {
    /// Its name (one line, at most 200 characters).
    pub name: Option<String>,
    /// The company's SKU for it (unique in the company, at most 64 characters).
    pub sku: Option<String>,
    /// Its HS code: 6 to 12 digits (dots and spaces are dropped).
    pub hs_code: Option<String>,
    /// What it is.
    pub description: Option<String>,
}

/// Adds a product (the company's officers and admins).
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    request_body = CreateProductRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = ProductResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/products")]
pub async fn create_product(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateProductRequest>,
) -> ApiResult<HttpResponse> {
    let company = products::company_for_managing(&caller.0, cid.into_inner())?;
    let body = body.0;
    let parsed = products::ProductInput {
        name: body.name,
        sku: body.sku,
        hs_code: body.hs_code.map(Some),
        description: body.description,
    }
    .parse_new()
    .map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let created = products::create_product(&txn, company, caller.0.user_id, parsed).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ProductResponse::from(created)))
}
