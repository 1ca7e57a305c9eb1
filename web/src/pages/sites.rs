//! A site's page in the portal: our record beside what Open Supply Hub knows of
//! its OS ID, the outcome of the last match (with the candidates to choose from
//! when there were several), and for officers and admins the edit form and the
//! delete button. `GET /sites/{id}`, `POST /sites/{id}` (edit, or link one
//! candidate), `POST /sites/{id}/delete`.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    access::{Caller, SupplierAccess},
    entities::{supplier, supplier_site},
    sites::{
        self,
        os_hub::{Facility, MatchOutcome, classify},
    },
    transaction::BeginWrite as _,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::{see_other, site_os_hub::outage},
    routes,
    site_form::SiteForm,
    state::PortalState,
};

/// What Open Supply Hub said, as the page shows it.
pub enum OsHubView {
    /// The site has no OS ID: nothing asked.
    NotLinked,
    /// Its record.
    Known(Facility),
    /// It has no location with this OS ID.
    Unknown,
    /// It could not answer: the i18n key of the reason.
    Failed(&'static str),
}

/// The site page.
#[derive(Template)]
#[template(path = "site.html")]
pub struct SitePage {
    l: Layout,
    site: supplier_site::Model,
    supplier: supplier::Model,
    country_name: String,
    /// Whether the reader may edit, match and delete.
    manage: bool,
    os_hub: OsHubView,
    /// The i18n key of the last match's outcome, if the page follows one.
    outcome: Option<&'static str>,
    /// Candidates to choose from after an ambiguous match.
    candidates: Vec<Facility>,
    form: SiteForm,
    errors: BTreeMap<String, String>,
}

/// `?os_hub=` after a match.
#[derive(Deserialize)]
pub struct AfterMatch {
    os_hub: Option<String>,
}

fn outcome_key(word: &str) -> Option<&'static str> {
    match word {
        "found" => Some("site-os-found"),
        "ambiguous" => Some("site-os-ambiguous"),
        "not_found" => Some("site-os-not-found"),
        "unavailable" => Some("site-os-unavailable"),
        "failed" => Some("site-os-failed"),
        _ => None,
    }
}

fn manages(caller: &Caller, owner: &supplier::Model) -> bool {
    matches!(caller.supplier_access(owner), Ok(SupplierAccess::Company(_)))
        && caller.company_manager(owner.company_id).is_ok()
}

async fn page(
    state: &PortalState,
    member: &Member,
    site: supplier_site::Model,
    owner: supplier::Model,
    after: Option<&str>,
    form: Option<(SiteForm, BTreeMap<String, String>)>,
) -> Result<SitePage, PortalError> {
    let hub = &state.config.os_hub;
    let os_hub = match &site.os_id {
        None => OsHubView::NotLinked,
        Some(os_id) => match hub.facility(os_id).await {
            Ok(Some(known)) => OsHubView::Known(known),
            Ok(None) => OsHubView::Unknown,
            Err(error) => OsHubView::Failed(outcome_key(outage(&error)).unwrap_or("site-os-failed")),
        },
    };
    let manage = manages(&member.caller, &owner);
    // The candidates are asked for again rather than carried through the
    // redirect: the page then shows what Open Supply Hub has now.
    let candidates = match (after, manage) {
        (Some("ambiguous"), true) => match hub.search(&site.name, &site.country).await {
            Ok(found) => match classify(&site.name, &site.country, found) {
                MatchOutcome::Ambiguous(candidates) => candidates,
                _ => Vec::new(),
            },
            Err(_) => Vec::new(),
        },
        _ => Vec::new(),
    };
    let (form, errors) = form.unwrap_or_else(|| (SiteForm::of(&site), BTreeMap::new()));
    Ok(SitePage {
        l: member.layout(),
        country_name: member.t().country(&site.country),
        manage,
        os_hub,
        outcome: after.and_then(outcome_key),
        candidates,
        form,
        errors,
        site,
        supplier: owner,
    })
}

/// The site (its company's members and its supplier's own users).
#[get("/sites/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    query: web::Query<AfterMatch>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (site, owner) = sites::site_for_reading(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let shown = page(&state, &member, site, owner, query.os_hub.as_deref(), None).await?;
    member.render(&shown)
}

/// Saves the changes (or links the chosen candidate), or shows the page again
/// with an error next to each field.
#[post("/sites/{id}")]
pub async fn update(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<SiteForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (site, owner) = sites::site_for_managing(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let form = form.0;
    let changes = match form.parse(sites::SiteInput::parse_changes) {
        Ok(changes) => changes,
        Err(errors) => {
            let shown = page(&state, &member, site, owner, None, Some((form, errors))).await?;
            let mut response = member.render(&shown)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let updated = sites::update_site(&txn, site, member.caller.user_id, changes)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("/sites/{}", updated.id)).finish())
}

/// Deletes the site and goes back to its supplier.
#[post("/sites/{id}/delete")]
pub async fn delete(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (site, owner) = sites::site_for_managing(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let txn = state.db.begin_write().await.or_page(t)?;
    sites::delete_site(&txn, site, member.caller.user_id)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&routes::supplier(owner.id)).finish())
}
