//! `GET /sites/{id}/os-hub`: what Open Supply Hub knows of a linked site.

use actix_web::{HttpResponse, get, web};
use domain::sites;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::sites::{OsHubFacilityResponse, SiteResponse},
    state::ApiState,
};

/// Our site beside Open Supply Hub's record of it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteWithOsHubResponse {
    /// The site as we have it.
    pub site: SiteResponse,
    /// Open Supply Hub's record for the site's OS ID; `null` when it has none.
    pub os_hub: Option<OsHubFacilityResponse>,
}

/// Reads Open Supply Hub's record of a site's OS ID: name, address, claim,
/// affiliations and certifications, sectors, workers (anyone who may read the
/// site). No OS ID linked yet, or Open Supply Hub not configured here → 409.
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Site id")),
    responses(
        (status = 200, body = SiteWithOsHubResponse),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 502, body = Problem),
        (status = 503, body = Problem),
    )
)]
#[get("/os-hub")]
pub async fn get_site_os_hub(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (site, _) = sites::site_for_reading(&state.db, &caller.0, id.into_inner()).await?;
    let os_id = site.os_id.clone().ok_or_else(|| {
        ApiError::Conflict(
            "this site has no OS ID yet: match it first (POST /sites/{id}/os-hub/match)".into(),
        )
    })?;
    let facility = state.config.os_hub.facility(&os_id).await?;
    Ok(HttpResponse::Ok().json(SiteWithOsHubResponse {
        site: site.into(),
        os_hub: facility.map(Into::into),
    }))
}
