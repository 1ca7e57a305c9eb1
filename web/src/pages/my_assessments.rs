//! `GET /suppliers/{sid}/assessments`: a supplier's own assessments with due
//! dates and status (company members are sent to the supplier page).

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::{access::SupplierAccess, assessments::status, questionnaire::LocalizedText};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// One row.
pub struct Row {
    href: String,
    title: String,
    due: String,
    status: String,
    overdue: bool,
    score: Option<String>,
}

/// The page.
#[derive(Template)]
#[template(path = "my_assessments.html")]
pub struct MyAssessmentsPage {
    l: Layout,
    supplier_name: String,
    rows: Vec<Row>,
    submitted: bool,
    /// The supplier's own fee audits (read-only), newest first.
    fee_audits: Vec<domain::entities::fee_audit::Model>,
}

/// `?submitted=1` after submitting.
#[derive(Deserialize)]
pub struct Query {
    #[serde(default)]
    submitted: Option<u8>,
}

/// The list.
#[get("/suppliers/{sid}/assessments")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    query: web::Query<Query>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (supplier, access) = load::supplier(&state.db, &member.caller, *sid, t).await?;
    if access != SupplierAccess::OwnSupplier {
        return Ok(see_other(&routes::supplier(supplier.id)).finish());
    }
    let today = chrono::Utc::now().date_naive();
    let work = domain::assessments::own_work(&state.db, supplier.id)
        .await
        .or_page(t)?;
    let rows = work
        .assessments
        .into_iter()
        .map(|(a, title)| {
            let title: LocalizedText = serde_json::from_value(title).unwrap_or_default();
            Row {
                href: routes::assessment(a.id),
                title: title.get(t.locale.code(), "en").to_string(),
                due: a.due_date.to_string(),
                overdue: status::editable(&a.status) && a.due_date < today,
                score: a.score.map(|s| format!("{s:.1}")),
                status: a.status,
            }
        })
        .collect();
    let fee_audits = work.fee_audits;
    member.render(&MyAssessmentsPage {
        l: member.layout(),
        supplier_name: supplier.name,
        rows,
        submitted: query.submitted.is_some(),
        fee_audits,
    })
}
