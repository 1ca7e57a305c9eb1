//! `POST /suppliers/{sid}/sub-suppliers`.

use actix_web::{HttpResponse, post, web};
use domain::{products, sites, transaction::BeginWrite as _};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::products::SubSupplierResponse,
    state::ApiState,
};

/// A supplier this supplier buys from.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddSubSupplierRequest {
    /// Another supplier of the same company.
    pub supplier_id: Option<String>,
    /// This supplier's site the supplies go to, when known.
    pub site_id: Option<String>,
    /// What is supplied (yarn, cotton, cells…), when said.
    pub material: Option<String>,
}

/// Records a supplier's own supplier (tier 2 and beyond; the company's officers
/// and admins). A link to itself, a repeated link or one that would close a
/// loop is refused with 422 on `supplier_id`.
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    request_body = AddSubSupplierRequest,
    params(("sid" = Uuid, Path, description = "Supplier id (the buyer)")),
    responses(
        (status = 201, body = SubSupplierResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/sub-suppliers")]
pub async fn add_sub_supplier(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
    body: JsonBody<AddSubSupplierRequest>,
) -> ApiResult<HttpResponse> {
    let buyer = sites::supplier_for_managing(&state.db, &caller.0, sid.into_inner()).await?;
    let body = body.0;
    let parsed = products::SubSupplierInput {
        supplier_id: body.supplier_id,
        site_id: body.site_id,
        material: body.material,
    }
    .parse()
    .map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let created = products::add_sub_supplier(&txn, &buyer, caller.0.user_id, parsed).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(SubSupplierResponse::from(created)))
}
