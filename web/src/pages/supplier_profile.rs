//! A supplier's declared profile in the portal (issue #19): shown on the supplier
//! page with country names, edited by officers and admins at
//! `GET/POST /suppliers/{sid}/profile` (errors next to each field, nothing stored
//! on error).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    suppliers::profile::{self, ProfileChanges, SupplierProfile},
    transaction::BeginWrite as _,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::state::PortalState;
use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    i18n::Tr,
    load,
    pages::see_other,
    routes,
};

/// The profile as the supplier page shows it: figures as text, countries by name.
pub struct ProfileView {
    /// Workers, or empty when not declared.
    pub workforce_size: Option<i64>,
    /// Migrant share as a percentage ("35%").
    pub migrant_share: Option<String>,
    /// (country name, percentage) in the declared order.
    pub origins: Vec<(String, String)>,
}

impl ProfileView {
    /// The view of `declared` in the reader's locale.
    pub fn new(declared: &SupplierProfile, t: Tr) -> Self {
        Self {
            workforce_size: declared.workforce_size,
            migrant_share: declared.migrant_worker_share.map(profile::as_percent),
            origins: declared
                .worker_origins
                .iter()
                .map(|o| {
                    let name = domain::reference::country_name(&o.country, t.locale).unwrap_or(&o.country);
                    (name.to_string(), profile::as_percent(o.share))
                })
                .collect(),
        }
    }

    /// Whether nothing is declared.
    pub fn is_empty(&self) -> bool {
        self.workforce_size.is_none() && self.migrant_share.is_none() && self.origins.is_empty()
    }
}

/// The form as typed.
#[derive(Debug, Default, Deserialize)]
pub struct ProfileForm {
    workforce_size: String,
    migrant_worker_share: String,
    worker_origins: String,
}

impl ProfileForm {
    fn of(declared: &SupplierProfile) -> Self {
        Self {
            workforce_size: declared.workforce_size.map(|n| n.to_string()).unwrap_or_default(),
            migrant_worker_share: declared
                .migrant_worker_share
                .map(|s| s.to_string())
                .unwrap_or_default(),
            worker_origins: profile::origins_text(&declared.worker_origins),
        }
    }

    /// Every field replaces the stored figure; an empty field clears it. Errors
    /// are keyed by field name, with the domain's explanation.
    fn parse(&self) -> Result<ProfileChanges, BTreeMap<String, String>> {
        let mut errors = BTreeMap::new();
        let workforce_size = profile::parse_workforce_text(&self.workforce_size)
            .map_err(|m| errors.insert("workforce_size".to_string(), m))
            .ok();
        let migrant_worker_share = profile::parse_share_text(&self.migrant_worker_share)
            .map_err(|m| errors.insert("migrant_worker_share".to_string(), m))
            .ok();
        let worker_origins = profile::parse_origins_text("worker_origins", &self.worker_origins)
            .map_err(|problems| {
                let message = problems
                    .into_iter()
                    .map(|p| format!("{}: {}", p.field, p.message))
                    .collect::<Vec<_>>()
                    .join("; ");
                errors.insert("worker_origins".to_string(), message)
            })
            .ok();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ProfileChanges {
            workforce_size,
            migrant_worker_share,
            worker_origins,
        })
    }
}

/// The edit form.
#[derive(Template)]
#[template(path = "supplier_profile.html")]
pub struct ProfilePage {
    l: Layout,
    supplier_name: String,
    back: String,
    action: String,
    form: ProfileForm,
    errors: BTreeMap<String, String>,
}

/// The edit form, filled with the declared profile (officers, admins).
#[get("/suppliers/{sid}/profile")]
pub async fn edit_form(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, access) = load::supplier(&state.db, &member.caller, *sid, t).await?;
    member.caller.supplier_manager(access).or_page(t)?;
    let declared = profile::profile_of(&state.db, found.id).await.or_page(t)?;
    member.render(&ProfilePage {
        l: member.layout(),
        back: routes::supplier(found.id),
        action: format!("/suppliers/{}/profile", found.id),
        supplier_name: found.name,
        form: ProfileForm::of(&declared),
        errors: BTreeMap::new(),
    })
}

/// Saves the profile, or shows the form again with an error next to each field.
#[post("/suppliers/{sid}/profile")]
pub async fn save(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    form: CsrfForm<ProfileForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, access) = load::supplier(&state.db, &member.caller, *sid, t).await?;
    member.caller.supplier_manager(access).or_page(t)?;
    let form = form.0;
    let changes = match form.parse() {
        Ok(changes) => changes,
        Err(errors) => {
            let mut response = member.render(&ProfilePage {
                l: member.layout(),
                back: routes::supplier(found.id),
                action: format!("/suppliers/{}/profile", found.id),
                supplier_name: found.name,
                form,
                errors,
            })?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    profile::update_profile(&txn, &found, member.caller.user_id, changes)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&routes::supplier(found.id)).finish())
}
