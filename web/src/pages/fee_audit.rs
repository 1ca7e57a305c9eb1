//! `GET /fee-audits/{id}`: a recruitment-fee audit's results — the summary, fees by
//! recruiter and by category (with a chart), and the per-worker table in pages
//! with each worker's repayment progress. `POST /fee-audits/{id}/repayments`
//! records a repayments CSV (the API's use case): refused rows are listed beside
//! the form and nothing is stored.

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    entities::{fee_audit, supplier},
    fee_audit::engine::{FeeAuditSummary, RowError},
    fee_audit::store::{self, FeeAuditView, Intent, WorkerView},
};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use crate::{
    charts,
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfUpload,
    pages::{finish_upload, see_other},
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
    /// The recruitment cost indicator (comparable to SDG 10.7.1); `None` for audits
    /// stored before it was computed.
    costs: Option<store::CostLines>,
    workers: Vec<WorkerView>,
    remaining: String,
    page: usize,
    pages: usize,
    base: String,
    /// The repayments form, for those who may record them.
    repay_action: Option<String>,
    /// Repayments were just recorded.
    repaid: bool,
    /// `missing`: no file chosen.
    problem: String,
    rows: Vec<RowError>,
}

/// `?page=`, and `?repaid=1` after a repayments upload.
#[derive(Deserialize)]
pub struct Query {
    #[serde(default)]
    page: Option<usize>,
    #[serde(default)]
    repaid: Option<String>,
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
    let (audit, supplier) = store::fee_audit_for(&state.db, &member.caller, *id, Intent::Read)
        .await
        .or_page(member.t())?;
    let mut shown = results_page(&state, &member, audit, supplier, query.page.unwrap_or(1)).await?;
    shown.repaid = query.repaid.is_some();
    member.render(&shown)
}

/// Records a repayments CSV (all or nothing), or lists every bad row.
#[post("/fee-audits/{id}/repayments")]
pub async fn repay(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfUpload,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (audit, supplier) = store::fee_audit_for(&state.db, &member.caller, *id, Intent::Repay)
        .await
        .or_page(t)?;
    let (problem, rows) = match form.file.filter(|(_, b)| !b.is_empty()) {
        None => ("missing", Vec::new()),
        Some((_, bytes)) => {
            let txn = state.db.begin_write().await.or_page(t)?;
            let today = domain::clock::now().date_naive();
            let result =
                store::record_repayments(&txn, &audit, &supplier, &member.caller, &bytes[..], today).await;
            match finish_upload(txn, result, t).await? {
                Ok(()) => {
                    tracing::info!(fee_audit_id = %audit.id, "repayments recorded from the portal");
                    let to = format!("{}?repaid=1", routes::fee_audit(audit.id));
                    return Ok(see_other(&to).finish());
                }
                Err(rows) => ("rows", rows),
            }
        }
    };
    let mut shown = results_page(&state, &member, audit, supplier, 1).await?;
    shown.problem = problem.into();
    shown.rows = rows;
    let mut response = member.render(&shown)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// The results page of an audit the caller may read, at `page` of its workers.
async fn results_page(
    state: &PortalState,
    member: &Member,
    audit: fee_audit::Model,
    supplier: supplier::Model,
    page: usize,
) -> Result<FeeAuditPage, PortalError> {
    let t = member.t();
    let may_repay = store::supplier_for(&state.db, &member.caller, supplier.id, Intent::Repay)
        .await
        .is_ok();
    let FeeAuditView {
        audit,
        workers,
        repayments,
    } = store::load_fee_audit_view(&state.db, audit).await.or_page(t)?;
    let s = &audit.summary;
    let costs = serde_json::from_value::<FeeAuditSummary>(s.clone())
        .ok()
        .and_then(|summary| store::cost_lines(&summary, t.locale));
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
    let page = page.clamp(1, pages);
    let shown = workers
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    Ok(FeeAuditPage {
        l: member.layout(),
        supplier_name: supplier.name,
        supplier_href: routes::supplier(supplier.id),
        created: audit.created_at.date_naive().to_string(),
        summary,
        recruiters,
        chart: charts::bars(&t.get("fee-by-category"), &bars),
        costs,
        categories,
        workers: shown,
        remaining: repayments.total_remaining_usd,
        page,
        pages,
        base: routes::fee_audit(audit.id),
        repay_action: may_repay.then(|| routes::fee_audit_repayments(audit.id)),
        repaid: false,
        problem: String::new(),
        rows: Vec::new(),
    })
}
