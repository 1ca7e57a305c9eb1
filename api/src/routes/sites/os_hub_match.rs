//! `POST /sites/{id}/os-hub/match`: asks Open Supply Hub for the site, links a
//! confident match, offers the candidates otherwise.

use actix_web::{HttpResponse, post, web};
use domain::{
    sites::{
        self, SiteChanges,
        os_hub::{MatchOutcome, classify},
    },
    transaction::BeginWrite as _,
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::sites::{OsHubFacilityResponse, SiteResponse},
    state::ApiState,
};

/// What the search found.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchResponse {
    /// `found` (one confident match, now linked), `ambiguous` (candidates to
    /// choose from with `PATCH /sites/{id}` `{"os_id"}`; nothing linked) or
    /// `not_found`.
    pub outcome: &'static str,
    /// The site, as it is now.
    pub site: SiteResponse,
    /// The match (`found`) or the candidates (`ambiguous`).
    pub candidates: Vec<OsHubFacilityResponse>,
}

/// Matches a site against Open Supply Hub by name and country (the company's
/// officers and admins). Open Supply Hub down, slow, failing or refusing our
/// token → 503/502 naming it, and nothing changes; not configured on this
/// installation (no `FAIRHIRE_OS_HUB_TOKEN`) → 409.
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Site id")),
    responses(
        (status = 200, body = MatchResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 502, body = Problem),
        (status = 503, body = Problem),
    )
)]
#[post("/os-hub/match")]
pub async fn match_site(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (site, _) = sites::site_for_managing(&state.db, &caller.0, id.into_inner()).await?;
    let candidates = state.config.os_hub.search(&site.name, &site.country).await?;
    let (outcome, site, shown) = match classify(&site.name, &site.country, candidates) {
        MatchOutcome::Found(facility) => {
            let os_id = sites::OsId::parse(&facility.os_id)
                .map_err(|_| domain::sites::os_hub::OsHubError::Malformed)?;
            let linked = if site.os_id.as_deref() == Some(os_id.as_str()) {
                site
            } else {
                let txn = state.db.begin_write().await?;
                let changes = SiteChanges {
                    os_id: Some(Some(os_id)),
                    ..SiteChanges::default()
                };
                let linked = sites::update_site(&txn, site, caller.0.user_id, changes).await?;
                txn.commit().await?;
                linked
            };
            ("found", linked, vec![facility])
        }
        MatchOutcome::Ambiguous(candidates) => ("ambiguous", site, candidates),
        MatchOutcome::NotFound => ("not_found", site, Vec::new()),
    };
    Ok(HttpResponse::Ok().json(MatchResponse {
        outcome,
        site: site.into(),
        candidates: shown.into_iter().map(Into::into).collect(),
    }))
}
