//! Reading a stored audit back: the summary, each worker's results with repayment
//! progress, and the repayment totals (fee-audit.md, "What it leads to").

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};
use uuid::Uuid;

use super::{
    worker_chunks,
    worker_pages::{RepaymentTally, worker_page},
    worker_rows::stored_result,
};
use crate::{
    entities::{fee_audit, fee_audit_worker},
    error::DomainError,
    fee_audit::engine::{RepaymentLedger, RepaymentProgress, WorkerResult, round_money},
    listing::{KeysetPage, Start, time_key},
};

/// One worker's results and repayment progress, money as shown (`"1234.50"`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct WorkerView {
    /// The pseudonymous reference.
    pub worker_ref: String,
    /// ISO 3166-1 alpha-2.
    pub nationality: String,
    /// Hire date.
    pub hire_date: NaiveDate,
    /// Contracted monthly wage, in `wage_currency`.
    pub monthly_wage: String,
    /// ISO 4217.
    pub wage_currency: String,
    /// The wage in USD.
    pub monthly_wage_usd: String,
    /// Everything the worker paid, USD.
    pub fees_usd: String,
    /// Reimbursed before the audit, USD.
    pub reimbursed_usd: String,
    /// Owed at the audit, USD.
    pub outstanding_usd: String,
    /// Fees over the monthly wage.
    pub months_of_wages: String,
    /// Paid anything.
    pub paid: bool,
    /// Paid with a loan or a wage advance.
    pub loan: bool,
    /// At risk of debt bondage.
    pub debt_bondage_risk: bool,
    /// The recruiters the worker's rows name.
    pub recruiters: Vec<String>,
    /// `female`, `male`, `other` or `unknown`.
    pub sex: &'static str,
    /// A payment was taken from the worker's wages.
    pub deducted_from_wages: bool,
    /// Monthly earnings at destination, USD; `None` for audits stored before it.
    pub monthly_earnings_usd: Option<String>,
    /// Interest paid on recruitment loans, USD; `None` likewise.
    pub loan_interest_usd: Option<String>,
    /// `(fees − loan interest) / monthly earnings`, two decimals; `None` likewise.
    pub recruitment_cost_indicator: Option<String>,
    /// Repaid since the audit, USD.
    pub repaid_usd: String,
    /// Still owed, USD.
    pub remaining_usd: String,
    /// Repaid beyond what was owed, USD.
    pub over_repaid_usd: String,
}

/// Repayment progress of the whole audit, money as shown.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RepaymentTotals {
    /// Owed at the audit.
    pub total_outstanding_usd: String,
    /// Repaid since.
    pub total_repaid_usd: String,
    /// Still owed (one worker's over-repayment never offsets another's debt).
    pub total_remaining_usd: String,
    /// Repaid beyond what was owed.
    pub total_over_repaid_usd: String,
    /// Workers still owed something.
    pub workers_still_owed: u64,
    /// Nothing is owed any more (judged on the amounts shown, like the finding).
    pub settled: bool,
}

/// A stored audit as the API and the portal show it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FeeAuditView {
    /// The audit row (its `summary` is the stored summary JSON).
    pub audit: fee_audit::Model,
    /// Per worker, by `worker_ref`.
    pub workers: Vec<WorkerView>,
    /// The repayment totals.
    pub repayments: RepaymentTotals,
}

/// Where an audit's workers are stored, which decides where repayments are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WorkerStore {
    /// Chunks and repaid rows (audits stored since migration `000014`).
    Chunks,
    /// A `fee_audit_workers` row each (audits stored before).
    Rows,
}

/// The stored workers of an audit (by `worker_ref`), the ledger of what they are owed
/// and repaid, and where they are stored.
pub(super) async fn ledger<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
) -> Result<(Vec<WorkerResult>, RepaymentLedger, WorkerStore), DomainError> {
    let damaged = || {
        DomainError::Internal(format!(
            "fee audit {fee_audit_id}: a repaid amount cannot be read"
        ))
    };
    if let Some(workers) = worker_chunks::all_workers(db, fee_audit_id).await? {
        let mut ledger = RepaymentLedger::new(&workers);
        for (worker_ref, repaid) in worker_chunks::repaid_to(db, fee_audit_id, None).await? {
            ledger.record(&worker_ref, repaid).map_err(|_| damaged())?;
        }
        return Ok((workers, ledger, WorkerStore::Chunks));
    }
    let rows = fee_audit_worker::Entity::find()
        .filter(fee_audit_worker::Column::FeeAuditId.eq(fee_audit_id))
        .order_by_asc(fee_audit_worker::Column::WorkerRef)
        .all(db)
        .await?;
    let mut workers = Vec::with_capacity(rows.len());
    let mut repaid = Vec::with_capacity(rows.len());
    for row in &rows {
        workers.push(stored_result(row)?);
        repaid.push(row.repaid_usd.parse::<Decimal>().map_err(|_| damaged())?);
    }
    let mut ledger = RepaymentLedger::new(&workers);
    for (worker, repaid) in workers.iter().zip(repaid) {
        ledger.record(&worker.worker_ref, repaid).map_err(|_| damaged())?;
    }
    Ok((workers, ledger, WorkerStore::Rows))
}

/// Every worker of a stored audit, by `worker_ref`, whichever way it was stored, with
/// the exact figures (for tests and tools; the API, the portal and reports read the
/// workers a page at a time with [`worker_page`]).
pub async fn stored_workers<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
) -> Result<Vec<WorkerResult>, DomainError> {
    Ok(ledger(db, fee_audit_id).await?.0)
}

/// Hands every worker of a stored audit to `visit`, by `worker_ref`, whichever way it
/// was stored, a chunk at a time: analytics over many audits then hold one chunk in
/// memory, not every audit's workers.
pub async fn visit_workers<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    mut visit: impl FnMut(WorkerResult),
) -> Result<(), DomainError> {
    let index = worker_chunks::chunk_index(db, fee_audit_id).await?;
    if index.is_empty() {
        let rows = fee_audit_worker::Entity::find()
            .filter(fee_audit_worker::Column::FeeAuditId.eq(fee_audit_id))
            .order_by_asc(fee_audit_worker::Column::WorkerRef)
            .all(db)
            .await?;
        for row in &rows {
            visit(stored_result(row)?);
        }
    }
    for (id, _) in index {
        worker_chunks::load_chunk(db, id)
            .await?
            .into_iter()
            .for_each(&mut visit);
    }
    Ok(())
}

/// Sets the total repaid to each of these workers, where the audit keeps it.
pub(super) async fn store_repaid<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    store: WorkerStore,
    totals: &[(&str, Decimal)],
) -> Result<(), DomainError> {
    match store {
        WorkerStore::Chunks => worker_chunks::record_repaid(db, fee_audit_id, totals).await,
        WorkerStore::Rows => {
            for (worker_ref, total) in totals {
                fee_audit_worker::Entity::update_many()
                    .col_expr(
                        fee_audit_worker::Column::RepaidUsd,
                        Expr::value(total.to_string()),
                    )
                    .filter(fee_audit_worker::Column::FeeAuditId.eq(fee_audit_id))
                    .filter(fee_audit_worker::Column::WorkerRef.eq(*worker_ref))
                    .exec(db)
                    .await?;
            }
            Ok(())
        }
    }
}

/// Nothing is owed, judged on the amounts shown: a sub-cent remainder is not a debt.
pub(super) fn settled(progress: &RepaymentProgress) -> bool {
    round_money(progress.total_remaining_usd).is_zero()
}

/// Loads the audit's workers and repayment progress, all in memory (pages, reports;
/// the API writes large audits out page by page with [`super::worker_page`]).
pub async fn load_fee_audit_view<C: ConnectionTrait>(
    db: &C,
    audit: fee_audit::Model,
) -> Result<FeeAuditView, DomainError> {
    let mut tally = RepaymentTally::default();
    let mut workers: Vec<WorkerView> = Vec::new();
    loop {
        let after = workers.last().map(|w| w.worker_ref.as_str());
        let page = worker_page(db, audit.id, after, &mut tally).await?;
        if page.is_empty() {
            break;
        }
        workers.extend(page);
    }
    Ok(FeeAuditView {
        repayments: tally.totals(),
        audit,
        workers,
    })
}

/// One page of a supplier's audits, newest first, the total and where the next
/// page starts. Served by `ix_fee_audits_supplier_list (supplier_id, created_at,
/// id)` (migration `000032`): the page is read in index order (after a cursor,
/// from a seek to its `(created_at, id)`) and the `total` is counted from the
/// index alone (see `suppliers::list_suppliers` for why not a counter).
pub async fn list_fee_audits<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<fee_audit::Model>, DomainError> {
    let queries = fee_audit_list_queries(supplier_id, start, per_page)?;
    queries
        .read(db, start, per_page, |a| (time_key(&a.created_at), a.id))
        .await
}

/// The two statements of [`list_fee_audits`]: public so that the plan tests
/// check what the list runs.
pub type FeeAuditListQueries = crate::listing::ListQueries<fee_audit::Entity>;

/// Builds [`FeeAuditListQueries`]; refuses a cursor whose key is not a time.
pub fn fee_audit_list_queries(
    supplier_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<FeeAuditListQueries, DomainError> {
    let query = fee_audit::Entity::find().filter(fee_audit::Column::SupplierId.eq(supplier_id));
    FeeAuditListQueries::newest_first(
        query,
        fee_audit::Column::CreatedAt,
        fee_audit::Column::Id,
        start,
        per_page,
    )
}
