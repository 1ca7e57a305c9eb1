//! `GET /fee-audits/{id}`: a recruitment-fee audit's results — the summary, fees by
//! recruiter and by category (with a chart), and the per-worker table in pages.

use actix_web::{HttpResponse, get, web};
use askama::Template;
use domain::fee_audits::{self, FeeAuditView, Intent, WorkerView};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use crate::{
    charts,
    context::{Layout, Member},
    error::{OrPage, PortalError},
    routes,
    state::PortalState,
};

const PER_PAGE: usize = 100;

/// The page.
#[derive(Template)]
#[template(path = "fee_audit.html")]
pub struct FeeAuditPage {
    l: Layout,
    supplier_name: String,
    supplier_href: String,
    created: String,
    /// (message key, value).
    summary: Vec<(&'static str, String)>,
    /// (recruiter, country, workers, who paid, debt-bondage risks, fees USD).
    recruiters: Vec<[String; 6]>,
    categories: Vec<(String, String)>,
    chart: String,
    workers: Vec<WorkerView>,
    remaining: String,
    page: usize,
    pages: usize,
    base: String,
}

/// `?page=`.
#[derive(Deserialize)]
pub struct Query {
    #[serde(default)]
    page: Option<usize>,
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The results.
#[get("/fee-audits/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    query: web::Query<Query>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (audit, supplier) = fee_audits::fee_audit_for(&state.db, &member.caller, *id, Intent::Read)
        .await
        .or_page(t)?;
    let FeeAuditView {
        audit,
        workers,
        repayments,
    } = fee_audits::load_fee_audit_view(&state.db, audit)
        .await
        .or_page(t)?;
    let s = &audit.summary;
    let summary = [
        ("fee-workers", "workers"),
        ("fee-workers-who-paid", "workers_who_paid"),
        ("fee-total", "total_fees_usd"),
        ("fee-outstanding", "total_outstanding_usd"),
        ("fee-median-months", "median_months_of_wages"),
        ("fee-debt-bondage", "workers_with_debt_bondage_risk"),
    ]
    .into_iter()
    .map(|(key, field)| (key, text(&s[field])))
    .collect();
    let recruiters = s["by_recruiter"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            [
                text(&r["recruiter"]),
                text(&r["country"]),
                text(&r["workers"]),
                text(&r["workers_who_paid"]),
                text(&r["debt_bondage_risks"]),
                text(&r["fees_usd"]),
            ]
        })
        .collect();
    let categories: Vec<(String, String)> = s["by_category"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| (text(&c["category"]), text(&c["fees_usd"])))
        .collect();
    let bars: Vec<(String, u64)> = categories
        .iter()
        .map(|(c, fees)| {
            (
                c.clone(),
                fees.parse::<f64>().unwrap_or(0.0).round().max(0.0) as u64,
            )
        })
        .collect();
    let pages = workers.len().div_ceil(PER_PAGE).max(1);
    let page = query.page.unwrap_or(1).clamp(1, pages);
    let shown = workers
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    member.render(&FeeAuditPage {
        l: member.layout(),
        supplier_name: supplier.name,
        supplier_href: routes::supplier(supplier.id),
        created: audit.created_at.date_naive().to_string(),
        summary,
        recruiters,
        chart: charts::bars(&t.get("fee-by-category"), &bars),
        categories,
        workers: shown,
        remaining: repayments.total_remaining_usd,
        page,
        pages,
        base: format!("/fee-audits/{}", audit.id),
    })
}
