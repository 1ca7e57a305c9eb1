//! Adding a site to a supplier in the portal: `GET /suppliers/{sid}/sites/new`
//! shows the form, `POST /suppliers/{sid}/sites` stores it (errors next to each
//! field, nothing stored on error). Officers and admins.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{sites, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    routes,
    site_form::SiteForm,
    state::PortalState,
};

/// The new-site form.
#[derive(Template)]
#[template(path = "site_new.html")]
pub struct NewSitePage {
    l: Layout,
    supplier_name: String,
    back: String,
    action: String,
    form: SiteForm,
    errors: BTreeMap<String, String>,
}

/// The empty form.
#[get("/suppliers/{sid}/sites/new")]
pub async fn new_form(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let owner = sites::supplier_for_managing(&state.db, &member.caller, *sid)
        .await
        .or_page(t)?;
    member.render(&NewSitePage {
        l: member.layout(),
        back: routes::supplier(owner.id),
        action: format!("/suppliers/{}/sites", owner.id),
        supplier_name: owner.name,
        form: SiteForm::default(),
        errors: BTreeMap::new(),
    })
}

/// Stores the site and opens its page, or shows the form again with the errors.
#[post("/suppliers/{sid}/sites")]
pub async fn create(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    form: CsrfForm<SiteForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let owner = sites::supplier_for_managing(&state.db, &member.caller, *sid)
        .await
        .or_page(t)?;
    let form = form.0;
    let parsed = match form.parse(sites::SiteInput::parse_new) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let mut response = member.render(&NewSitePage {
                l: member.layout(),
                back: routes::supplier(owner.id),
                action: format!("/suppliers/{}/sites", owner.id),
                supplier_name: owner.name,
                form,
                errors,
            })?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let created = sites::create_site(&txn, &owner, member.caller.user_id, parsed)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("/sites/{}", created.id)).finish())
}
