//! `POST /companies/{cid}/suppliers`.

use actix_web::{HttpResponse, post, web};
use domain::transaction::BeginWrite as _;
use domain::{entities::organization, suppliers};
use sea_orm::EntityTrait;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::suppliers::SupplierResponse,
    state::ApiState,
};

/// A supplier to add.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateSupplierRequest {
    /// Name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// A key from `GET /reference/sectors`.
    pub sector: String,
    /// The contact; an invitation email goes there.
    pub contact_email: String,
    /// The contact's name.
    pub contact_name: Option<String>,
}

/// Adds a supplier and invites its contact (officers and admins).
#[utoipa::path(
    tag = "suppliers",
    security(("bearer" = [])),
    request_body = CreateSupplierRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = SupplierResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/companies/{cid}/suppliers")]
pub async fn create_supplier(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateSupplierRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let body = body.0;
    let input = suppliers::SupplierFields {
        name: body.name,
        country: body.country,
        sector: body.sector,
        contact_email: body.contact_email,
        contact_name: body.contact_name,
    }
    .parse()
    .map_err(domain::DomainError::Invalid)?;
    let company = organization::Entity::find_by_id(cid)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::NotFound("company".into()))?;
    let txn = state.db.begin_write().await?;
    let created =
        suppliers::create_supplier(&txn, &company, caller.0.user_id, input, &state.config.public_url).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(SupplierResponse::from(created)))
}
