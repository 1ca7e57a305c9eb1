//! `POST /products/{id}/links`.

use actix_web::{HttpResponse, post, web};
use domain::{products, transaction::BeginWrite as _};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::products::SourceResponse,
    state::ApiState,
};

/// A supplier that makes the product.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddSourceRequest {
    /// A supplier of the company.
    pub supplier_id: Option<String>,
    /// One of that supplier's sites, when known.
    pub site_id: Option<String>,
    /// `assembly`, `component`, `processing` or `raw_material`.
    pub role: Option<String>,
}

/// Links a supplier (and optionally one of its sites) to a product in a role
/// (the company's officers and admins).
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    request_body = AddSourceRequest,
    params(("id" = Uuid, Path, description = "Product id")),
    responses(
        (status = 201, body = SourceResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/links")]
pub async fn add_source(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<AddSourceRequest>,
) -> ApiResult<HttpResponse> {
    let product = products::product_for_managing(&state.db, &caller.0, id.into_inner()).await?;
    let body = body.0;
    let parsed = products::SourceInput {
        supplier_id: body.supplier_id,
        site_id: body.site_id,
        role: body.role,
    }
    .parse()
    .map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let created = products::add_source(&txn, &product, caller.0.user_id, parsed).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(SourceResponse::from(created)))
}
