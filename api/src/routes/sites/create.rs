//! `POST /suppliers/{sid}/sites`.

use actix_web::{HttpResponse, post, web};
use domain::{sites, transaction::BeginWrite as _};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::sites::SiteResponse,
    state::ApiState,
};

/// A site to add.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSiteRequest {
    /// The site's name (one line, at most 200 characters).
    pub name: Option<String>,
    /// Its street address (one line, at most 500 characters).
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Degrees, −90 to 90 (with `longitude`, or neither).
    pub latitude: Option<f64>,
    /// Degrees, −180 to 180 (with `latitude`, or neither).
    pub longitude: Option<f64>,
    /// Workers at the site, 0 or more.
    pub headcount: Option<i64>,
    /// Its Open Supply Hub OS ID, if known (e.g. `IN2021079TDH72D`).
    pub os_id: Option<String>,
}

/// Adds a site to a supplier (the company's officers and admins).
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    request_body = CreateSiteRequest,
    params(("sid" = Uuid, Path, description = "Supplier id")),
    responses(
        (status = 201, body = SiteResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/sites")]
pub async fn create_site(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
    body: JsonBody<CreateSiteRequest>,
) -> ApiResult<HttpResponse> {
    let owner = sites::supplier_for_managing(&state.db, &caller.0, sid.into_inner()).await?;
    let body = body.0;
    let input = sites::SiteInput {
        name: body.name,
        address: body.address,
        country: body.country,
        latitude: body.latitude.map(Some),
        longitude: body.longitude.map(Some),
        headcount: body.headcount,
        os_id: body.os_id.map(Some),
    };
    let parsed = input.parse_new().map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let created = sites::create_site(&txn, &owner, caller.0.user_id, parsed).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(SiteResponse::from(created)))
}
