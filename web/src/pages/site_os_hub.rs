//! `POST /sites/{id}/os-hub/match` in the portal: asks Open Supply Hub, links a
//! confident match, and goes back to the site page, which says what happened
//! (and lists the candidates when there are several). Officers and admins.

use actix_web::{HttpResponse, post, web};
use domain::{
    sites::{
        self, OsId, SiteChanges,
        os_hub::{MatchOutcome, OsHubError, classify},
    },
    transaction::BeginWrite as _,
};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    state::PortalState,
};

/// The outcome word the site page reads back from `?os_hub=`.
pub fn outage(error: &OsHubError) -> &'static str {
    if error.is_unavailable() {
        "unavailable"
    } else {
        "failed"
    }
}

/// Matches the site; Open Supply Hub failing changes nothing and is said on
/// the page.
#[post("/sites/{id}/os-hub/match")]
pub async fn match_site(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (site, _) = sites::site_for_managing(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let back = |outcome: &str| Ok(see_other(&format!("/sites/{}?os_hub={outcome}", site.id)).finish());
    let candidates = match state.config.os_hub.search(&site.name, &site.country).await {
        Ok(candidates) => candidates,
        Err(error) => return back(outage(&error)),
    };
    match classify(&site.name, &site.country, candidates) {
        MatchOutcome::Found(facility) => {
            let Ok(os_id) = OsId::parse(&facility.os_id) else {
                return back("failed");
            };
            let txn = state.db.begin_write().await.or_page(t)?;
            let changes = SiteChanges {
                os_id: Some(Some(os_id)),
                ..SiteChanges::default()
            };
            sites::update_site(&txn, site.clone(), member.caller.user_id, changes)
                .await
                .or_page(t)?;
            txn.commit().await.or_page(t)?;
            back("found")
        }
        MatchOutcome::Ambiguous(_) => back("ambiguous"),
        MatchOutcome::NotFound => back("not_found"),
    }
}
