//! A fee audit's JSON body (`FeeAuditResponse`) written out page by page: the audit and
//! its summary, then the workers a page at a time as they are read, then the repayment
//! totals added up on the way. A 200,000-row audit lists ~94,000 workers (tens of MB
//! of JSON), which would otherwise be held whole in memory, several times over.

use actix_web::{HttpResponse, HttpResponseBuilder, web::Bytes};
use domain::{
    entities::fee_audit,
    fee_audits::{RepaymentTally, worker_page},
};
use futures_util::{StreamExt as _, stream};
use sea_orm::DatabaseConnection;

use super::{FeeAuditSummaryResponse, RepaymentTotalsResponse, WorkerResponse};
use crate::error::ApiError;

/// Where the body is: the next page starts after `after`; `None` once it is all sent.
struct Cursor {
    db: DatabaseConnection,
    audit_id: uuid::Uuid,
    after: Option<String>,
    tally: RepaymentTally,
}

/// Answers `builder` with the audit's body, read from `db` (after the transaction that
/// wrote the audit has committed). An error part-way ends the body short, so that the
/// client sees a broken response rather than a well-formed wrong one.
pub fn fee_audit_response(
    mut builder: HttpResponseBuilder,
    db: DatabaseConnection,
    audit: fee_audit::Model,
) -> Result<HttpResponse, ApiError> {
    let cursor = Cursor {
        db,
        audit_id: audit.id,
        after: None,
        tally: RepaymentTally::default(),
    };
    // The audit's own fields, with the object left open for `workers`.
    let mut head = to_json(&FeeAuditSummaryResponse::from(audit))?;
    head.pop();
    head.extend_from_slice(b",\"workers\":[");
    let pages = stream::unfold(Some(cursor), |cursor| async move {
        let mut cursor = cursor?;
        let page = match worker_page(
            &cursor.db,
            cursor.audit_id,
            cursor.after.as_deref(),
            &mut cursor.tally,
        )
        .await
        {
            Ok(page) => page,
            Err(error) => return Some((Err(ApiError::from(error)), None)),
        };
        let Some(last) = page.last() else {
            let totals = RepaymentTotalsResponse::from(cursor.tally.totals());
            let tail = to_json(&totals).map(|json| [&b"],\"repayments\":"[..], &json, b"}"].concat());
            return Some((tail.map(Bytes::from), None));
        };
        let first = cursor.after.is_none();
        cursor.after = Some(last.worker_ref.clone());
        Some((page_json(page, first).map(Bytes::from), Some(cursor)))
    });
    let body = stream::iter([Ok::<_, ApiError>(Bytes::from(head))]).chain(pages);
    Ok(builder.content_type("application/json").streaming(body))
}

/// One page of workers, comma-separated (and after a comma unless it is the first).
fn page_json(page: Vec<domain::fee_audits::WorkerView>, first: bool) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::with_capacity(page.len() * 512);
    for (i, worker) in page.into_iter().enumerate() {
        if i > 0 || !first {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, &WorkerResponse::from(worker))
            .map_err(|e| ApiError::Internal(format!("json: {e}")))?;
    }
    Ok(out)
}

fn to_json(value: &impl serde::Serialize) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| ApiError::Internal(format!("json: {e}")))
}
