//! An audit's workers read a page at a time, by `worker_ref`, with their repayment
//! progress, while the repayment totals are added up: a response listing 94,000
//! workers can then be written out page by page instead of held whole in memory.

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::{RepaymentTotals, WorkerView, money_text, worker_chunks, worker_rows::stored_result};
use crate::{
    entities::fee_audit_worker,
    error::DomainError,
    fee_audit::engine::{WorkerResult, round_money, round_months},
};

/// Workers per page: a few MB of rows at a time.
pub const WORKERS_PER_PAGE: u64 = 5_000;

/// The repayment totals, added up worker by worker as the pages are read.
#[derive(Debug, Clone, Default)]
pub struct RepaymentTally {
    outstanding: Decimal,
    repaid: Decimal,
    remaining: Decimal,
    over_repaid: Decimal,
    still_owed: u64,
}

impl RepaymentTally {
    /// The totals of every worker added so far (all of them once the pages are read).
    pub fn totals(&self) -> RepaymentTotals {
        RepaymentTotals {
            total_outstanding_usd: money_text(self.outstanding),
            total_repaid_usd: money_text(self.repaid),
            total_remaining_usd: money_text(self.remaining),
            total_over_repaid_usd: money_text(self.over_repaid),
            workers_still_owed: self.still_owed,
            // Judged on the amounts shown, like the finding: a sub-cent remainder is not a debt.
            settled: round_money(self.remaining).is_zero(),
        }
    }

    fn add(&mut self, outstanding: Decimal, repaid: Decimal) -> (Decimal, Decimal) {
        let remaining = (outstanding - repaid).max(Decimal::ZERO);
        let over_repaid = (repaid - outstanding).max(Decimal::ZERO);
        self.outstanding = self.outstanding.saturating_add(outstanding);
        self.repaid = self.repaid.saturating_add(repaid);
        self.remaining = self.remaining.saturating_add(remaining);
        self.over_repaid = self.over_repaid.saturating_add(over_repaid);
        self.still_owed += u64::from(!round_money(remaining).is_zero());
        (remaining, over_repaid)
    }
}

/// The next page of the audit's workers after `after` (by `worker_ref`; `None` for the
/// first page), each added to `tally`. An empty page means every worker has been read.
pub async fn worker_page<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    after: Option<&str>,
    tally: &mut RepaymentTally,
) -> Result<Vec<WorkerView>, DomainError> {
    let chunks = worker_chunks::chunk_index(db, fee_audit_id).await?;
    if chunks.is_empty() {
        return stored_row_page(db, fee_audit_id, after, tally).await;
    }
    // A page is the chunk after the previous page's last worker: chunks hold a page
    // each, and are in the same (byte) order as `worker_ref`s compare here.
    let next = chunks
        .into_iter()
        .find(|(_, last_ref)| after.is_none_or(|after| last_ref.as_str() > after));
    let Some((chunk, _)) = next else {
        return Ok(Vec::new());
    };
    let workers: Vec<WorkerResult> = worker_chunks::load_chunk(db, chunk)
        .await?
        .into_iter()
        .filter(|w| after.is_none_or(|after| w.worker_ref.as_str() > after))
        .take(WORKERS_PER_PAGE as usize)
        .collect();
    let (Some(first), Some(last)) = (workers.first(), workers.last()) else {
        return Ok(Vec::new());
    };
    let repaid =
        worker_chunks::repaid_to(db, fee_audit_id, Some((&first.worker_ref, &last.worker_ref))).await?;
    Ok(workers
        .into_iter()
        .map(|w| {
            let repaid = repaid.get(&w.worker_ref).copied().unwrap_or(Decimal::ZERO);
            worker_view(w, repaid, tally)
        })
        .collect())
}

/// [`worker_page`] for an audit stored before chunks: a `fee_audit_workers` row each.
async fn stored_row_page<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    after: Option<&str>,
    tally: &mut RepaymentTally,
) -> Result<Vec<WorkerView>, DomainError> {
    let mut query =
        fee_audit_worker::Entity::find().filter(fee_audit_worker::Column::FeeAuditId.eq(fee_audit_id));
    if let Some(after) = after {
        query = query.filter(fee_audit_worker::Column::WorkerRef.gt(after));
    }
    let rows = query
        .order_by_asc(fee_audit_worker::Column::WorkerRef)
        .limit(WORKERS_PER_PAGE)
        .all(db)
        .await?;
    rows.into_iter().map(|row| stored_view(row, tally)).collect()
}

/// The next page of a just-stored audit's workers, straight from the engine's results
/// (sorted by `worker_ref`, nothing repaid yet), each added to `tally`: the same views,
/// in the same order, as [`worker_page`] reads back from the database, without the
/// read. An empty page means every worker has been taken.
pub fn fresh_worker_page(
    workers: &mut impl Iterator<Item = WorkerResult>,
    tally: &mut RepaymentTally,
) -> Vec<WorkerView> {
    workers
        .take(WORKERS_PER_PAGE as usize)
        .map(|worker| worker_view(worker, Decimal::ZERO, tally))
        .collect()
}

fn stored_view(row: fee_audit_worker::Model, tally: &mut RepaymentTally) -> Result<WorkerView, DomainError> {
    let worker = stored_result(&row)?;
    let repaid: Decimal = row
        .repaid_usd
        .parse()
        .map_err(|_| DomainError::Internal(format!("fee_audit_workers row {} cannot be read", row.id)))?;
    Ok(worker_view(worker, repaid, tally))
}

fn worker_view(w: WorkerResult, repaid: Decimal, tally: &mut RepaymentTally) -> WorkerView {
    // The ledger owes the exact amount; it is shown rounded.
    let outstanding = w.outstanding_usd;
    let (remaining, over_repaid) = tally.add(outstanding, repaid);
    WorkerView {
        repaid_usd: money_text(repaid),
        remaining_usd: money_text(remaining),
        over_repaid_usd: money_text(over_repaid),
        nationality: w.nationality.to_string(),
        hire_date: w.hire_date,
        monthly_wage: money_text(w.monthly_wage),
        wage_currency: w.wage_currency.to_string(),
        monthly_wage_usd: money_text(w.monthly_wage_usd),
        fees_usd: money_text(w.fees_usd),
        reimbursed_usd: money_text(w.reimbursed_usd),
        outstanding_usd: money_text(outstanding),
        months_of_wages: round_months(w.months_of_wages).to_string(),
        paid: w.paid,
        loan: w.loan,
        debt_bondage_risk: w.debt_bondage_risk,
        recruiters: w.recruiters,
        sex: w.sex.as_str(),
        deducted_from_wages: w.deducted_from_wages,
        monthly_earnings_usd: w.recruitment_cost.map(|c| money_text(c.monthly_earnings_usd)),
        loan_interest_usd: w.recruitment_cost.map(|c| money_text(c.loan_interest_usd)),
        recruitment_cost_indicator: w.recruitment_cost.map(|c| round_months(c.indicator).to_string()),
        worker_ref: w.worker_ref,
    }
}
