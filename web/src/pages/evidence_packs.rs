//! A supplier's evidence packs in the portal, through the same use cases as the
//! API: the list with each pack's state (queued, being rendered, ready with its
//! PDF, JSON and ZIP, or failed with the reason) and the form to request one
//! (`GET|POST /suppliers/{sid}/evidence-packs`; a bad choice is answered beside
//! its field and nothing is stored). The company's reviewers (admins, officers,
//! advisors); anyone else gets 404.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    entities::{evidence_pack, supplier},
    evidence_packs::{self, NewEvidencePack},
    listing::Window,
    sites,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::{CsrfForm, messages_beside_fields},
    pages::see_other,
    routes,
    state::PortalState,
};

/// The packs a page lists at most, newest first (the API pages through them all).
const LISTED: u64 = 100;

/// The regimes offered, as the domain names them.
const REGIMES: [&str; 2] = ["uflpa", "eu_flr"];

/// The request form as typed.
#[derive(Debug, Default, Deserialize)]
pub struct PackForm {
    #[serde(default)]
    regime: String,
    #[serde(default)]
    locale: String,
}

/// The list and the form.
#[derive(Template)]
#[template(path = "evidence_packs.html")]
pub struct EvidencePacksPage {
    l: Layout,
    supplier: supplier::Model,
    action: String,
    packs: Vec<evidence_pack::Model>,
    regimes: [&'static str; 2],
    form: PackForm,
    /// Field → message, beside the field.
    errors: BTreeMap<String, String>,
    /// Whether a pack was just requested (the page says the worker has it).
    requested: bool,
}

async fn page(
    state: &PortalState,
    member: &Member,
    sid: Uuid,
    form: PackForm,
    errors: BTreeMap<String, String>,
    requested: bool,
) -> Result<EvidencePacksPage, PortalError> {
    let t = member.t();
    // The list decides who may see it; the supplier only names the page.
    let (packs, _) = evidence_packs::list_packs(&state.db, &member.caller, sid, Window::first(LISTED))
        .await
        .or_page(t)?;
    let supplier = sites::supplier_for_reading(&state.db, &member.caller, sid)
        .await
        .or_page(t)?;
    Ok(EvidencePacksPage {
        l: member.layout(),
        action: routes::evidence_packs(sid),
        supplier,
        packs,
        regimes: REGIMES,
        form,
        errors,
        requested,
    })
}

/// Whether the page was reached right after a request.
#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    requested: Option<String>,
}

/// The supplier's packs and the request form.
#[get("/suppliers/{sid}/evidence-packs")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    shown: web::Query<Shown>,
) -> Result<HttpResponse, PortalError> {
    let requested = shown.requested.is_some();
    let shown = page(
        &state,
        &member,
        *sid,
        PackForm::default(),
        BTreeMap::new(),
        requested,
    )
    .await?;
    member.render(&shown)
}

/// Queues a pack and goes back to the list, or shows the form again with the
/// errors beside the fields.
#[post("/suppliers/{sid}/evidence-packs")]
pub async fn request(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    form: CsrfForm<PackForm>,
) -> Result<HttpResponse, PortalError> {
    let form = form.0;
    let input = NewEvidencePack {
        regime: form.regime.clone(),
        locale: Some(form.locale.clone()),
    };
    match evidence_packs::request_pack(&state.db, &member.caller, *sid, &input).await {
        Ok(_) => Ok(see_other(&format!("{}?requested=1", routes::evidence_packs(*sid))).finish()),
        Err(error) => {
            let errors = messages_beside_fields(member.t(), "packs", error)?;
            let shown = page(&state, &member, *sid, form, errors, false).await?;
            let mut response = member.render(&shown)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}
