//! `GET /fee-audits/{id}/export.csv`.

use actix_web::{HttpResponse, get, web};
use domain::fee_audit::{store, store::Intent};
use futures_util::stream;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::{
        exports::{csv_response, record},
        fee_audits::FeeAuditResponse,
    },
    state::ApiState,
};

/// The per-worker columns, named as in `GET /fee-audits/{id}`.
const HEADER: &[&str] = &[
    "worker_ref",
    "nationality",
    "hire_date",
    "monthly_wage",
    "wage_currency",
    "monthly_wage_usd",
    "fees_usd",
    "reimbursed_usd",
    "outstanding_usd",
    "months_of_wages",
    "paid",
    "loan",
    "debt_bondage_risk",
    "recruiters",
    "repaid_usd",
    "remaining_usd",
    "over_repaid_usd",
];

/// The audit's per-worker results as CSV (whoever may read the fee audit).
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Fee audit id")),
    responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = Problem))
)]
#[get("/export.csv")]
pub async fn export_fee_audit(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (audit, _) = store::fee_audit_for(&state.db, &caller.0, id.into_inner(), Intent::Read).await?;
    let filename = format!("fee-audit-{}.csv", audit.id);
    let view = FeeAuditResponse::from(store::load_fee_audit_view(&state.db, audit).await?);
    // The same figures the API shows: each worker's JSON, column by column.
    let mut lines = vec![record(HEADER)];
    for worker in &view.workers {
        let value = serde_json::to_value(worker).map_err(|e| ApiError::Internal(format!("json: {e}")))?;
        let cells: Vec<String> = HEADER.iter().map(|key| text(&value[*key])).collect();
        lines.push(record(&cells));
    }
    let chunks = lines
        .into_iter()
        .map(|line| line.map(actix_web::web::Bytes::from));
    Ok(csv_response(&filename, stream::iter(chunks)))
}

/// A JSON value as a cell: strings bare, lists joined with `; `, null empty.
fn text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}
