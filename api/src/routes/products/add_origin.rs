//! `POST /products/{id}/origins`.

use actix_web::{HttpResponse, post, web};
use domain::{products, transaction::BeginWrite as _};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::products::OriginResponse,
    state::ApiState,
};

/// Where one raw material of the product comes from.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddOriginRequest {
    /// The material (cotton, cobalt, polysilicon…).
    pub material: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Share of the material from that country: above 0, at most 1.
    pub share: Option<f64>,
}

/// Records a raw-material origin of a product (the company's officers and
/// admins).
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    request_body = AddOriginRequest,
    params(("id" = Uuid, Path, description = "Product id")),
    responses(
        (status = 201, body = OriginResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/origins")]
pub async fn add_origin(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<AddOriginRequest>,
) -> ApiResult<HttpResponse> {
    let product = products::product_for_managing(&state.db, &caller.0, id.into_inner()).await?;
    let body = body.0;
    let parsed = products::OriginInput {
        material: body.material,
        country: body.country,
        share: body.share,
    }
    .parse()
    .map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let created = products::add_origin(&txn, &product, caller.0.user_id, parsed).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(OriginResponse::from(created)))
}
