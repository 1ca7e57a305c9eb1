//! A recruiter of the company's registry in the portal (staff), reached from a
//! corridor: who it is and the suppliers whose workers paid it, from the latest fee
//! audit of each (`/recruiters/{id}`). Another company's recruiter is the 404 page.

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::{corridors::recruiter_suppliers, fee_audit::engine::format_number};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    routes,
    state::PortalState,
};

/// A supplier whose workers paid the recruiter, as shown.
pub struct SupplierRow {
    link: String,
    name: String,
    country: String,
    paid: u64,
    fees: String,
}

/// The recruiter page.
#[derive(Template)]
#[template(path = "recruiter.html")]
pub struct RecruiterPage {
    l: Layout,
    name: String,
    country: Option<String>,
    suppliers: Vec<SupplierRow>,
}

/// `GET /recruiters/{id}`.
#[get("/recruiters/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (recruiter, paying) = recruiter_suppliers(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let suppliers = paying
        .into_iter()
        .map(|p| SupplierRow {
            link: routes::supplier(p.supplier.id),
            country: t.country(&p.supplier.country),
            name: p.supplier.name,
            paid: p.share.workers_who_paid,
            fees: format_number(p.fees_usd, 2, t.locale),
        })
        .collect();
    member.render(&RecruiterPage {
        l: member.layout(),
        country: recruiter.country.as_deref().map(|c| t.country(c)),
        name: recruiter.name,
        suppliers,
    })
}
