//! A fee audit's JSON body (`FeeAuditResponse`) written out page by page: the audit and
//! its summary, then the workers a page at a time, then the repayment totals added up
//! on the way. A 200,000-row audit lists ~94,000 workers (tens of MB of JSON), which
//! would otherwise be held whole in memory, several times over.
//!
//! The workers come from the database for a stored audit, or straight from the
//! upload's results for the `201` of a new one: reading back 94,000 rows just written
//! would cost more than the upload's own computation.

use actix_web::{HttpResponse, HttpResponseBuilder, web::Bytes};
use domain::database::Database;
use domain::{
    entities::fee_audit,
    fee_audit::engine::WorkerResult,
    fee_audit::store::{RepaymentTally, StoredFeeAudit, WorkerView, fresh_worker_page, worker_page},
};
use futures_util::{StreamExt as _, stream};

use super::{FeeAuditSummaryResponse, RepaymentTotalsResponse, WorkerResponse};
use crate::error::ApiError;

/// Where the workers come from.
enum Workers {
    /// A stored audit's rows; the next page starts after `after`.
    Stored {
        db: Database,
        audit_id: uuid::Uuid,
        after: Option<String>,
    },
    /// The results of the upload that has just been stored.
    Fresh(std::vec::IntoIter<WorkerResult>),
}

/// Where the body is; `None` once it is all sent.
struct Cursor {
    workers: Workers,
    first: bool,
    tally: RepaymentTally,
}

impl Workers {
    async fn next_page(&mut self, tally: &mut RepaymentTally) -> Result<Vec<WorkerView>, ApiError> {
        match self {
            Self::Stored { db, audit_id, after } => {
                let page = worker_page(&*db, *audit_id, after.as_deref(), tally).await?;
                if let Some(last) = page.last() {
                    *after = Some(last.worker_ref.clone());
                }
                Ok(page)
            }
            Self::Fresh(results) => Ok(fresh_worker_page(results, tally)),
        }
    }
}

/// Answers `builder` with a stored audit's body, read from `db` (after the transaction
/// that wrote the audit has committed). An error part-way ends the body short, so that
/// the client sees a broken response rather than a well-formed wrong one.
pub fn fee_audit_response(
    builder: HttpResponseBuilder,
    db: Database,
    audit: fee_audit::Model,
) -> Result<HttpResponse, ApiError> {
    let workers = Workers::Stored {
        db,
        audit_id: audit.id,
        after: None,
    };
    respond(builder, audit, workers)
}

/// Answers `builder` with the body of an audit just stored (after its transaction has
/// committed), the workers taken from the upload's results.
pub fn new_fee_audit_response(
    builder: HttpResponseBuilder,
    stored: StoredFeeAudit,
) -> Result<HttpResponse, ApiError> {
    respond(builder, stored.audit, Workers::Fresh(stored.workers.into_iter()))
}

fn respond(
    mut builder: HttpResponseBuilder,
    audit: fee_audit::Model,
    workers: Workers,
) -> Result<HttpResponse, ApiError> {
    let cursor = Cursor {
        workers,
        first: true,
        tally: RepaymentTally::default(),
    };
    // The audit's own fields, with the object left open for `workers`.
    let mut head = to_json(&FeeAuditSummaryResponse::from(audit))?;
    head.pop();
    head.extend_from_slice(b",\"workers\":[");
    let pages = stream::unfold(Some(cursor), |cursor| async move {
        let mut cursor = cursor?;
        let page = match cursor.workers.next_page(&mut cursor.tally).await {
            Ok(page) => page,
            Err(error) => return Some((Err(error), None)),
        };
        if page.is_empty() {
            let totals = RepaymentTotalsResponse::from(cursor.tally.totals());
            let tail = to_json(&totals).map(|json| [&b"],\"repayments\":"[..], &json, b"}"].concat());
            return Some((tail.map(Bytes::from), None));
        }
        let first = std::mem::replace(&mut cursor.first, false);
        Some((page_json(page, first).map(Bytes::from), Some(cursor)))
    });
    let body = stream::iter([Ok::<_, ApiError>(Bytes::from(head))]).chain(pages);
    Ok(builder.content_type("application/json").streaming(body))
}

/// One page of workers, comma-separated (and after a comma unless it is the first).
fn page_json(page: Vec<WorkerView>, first: bool) -> Result<Vec<u8>, ApiError> {
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
