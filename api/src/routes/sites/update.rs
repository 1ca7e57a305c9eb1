//! `PATCH /sites/{id}`.

use actix_web::{HttpResponse, patch, web};
use domain::{sites, transaction::BeginWrite as _};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::{sites::SiteResponse, suppliers::profile::present},
    state::ApiState,
};

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSiteRequest {
    /// A new name.
    pub name: Option<String>,
    /// A new address.
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Degrees, −90 to 90; send with `longitude` (`null` with `null` clears both).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<f64>)]
    pub latitude: Option<Option<f64>>,
    /// Degrees, −180 to 180; send with `latitude`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<f64>)]
    pub longitude: Option<Option<f64>>,
    /// Workers at the site, 0 or more.
    pub headcount: Option<i64>,
    /// The OS ID to link, e.g. one chosen among a match's candidates (`null`
    /// unlinks).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub os_id: Option<Option<String>>,
}

/// Edits a site, or links it to an OS ID (the company's officers and admins).
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    request_body = UpdateSiteRequest,
    params(("id" = Uuid, Path, description = "Site id")),
    responses(
        (status = 200, body = SiteResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[patch("")]
pub async fn update_site(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateSiteRequest>,
) -> ApiResult<HttpResponse> {
    let (site, _) = sites::site_for_managing(&state.db, &caller.0, id.into_inner()).await?;
    let body = body.0;
    let changes = sites::SiteInput {
        name: body.name,
        address: body.address,
        country: body.country,
        latitude: body.latitude,
        longitude: body.longitude,
        headcount: body.headcount,
        os_id: body.os_id,
    }
    .parse_changes()
    .map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let updated = sites::update_site(&txn, site, caller.0.user_id, changes).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(SiteResponse::from(updated)))
}
