//! Reading a stored audit back: the summary, each worker's results with repayment
//! progress, and the repayment totals (fee-audit.md, "What it leads to").

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::{money_text, upload::EXACT};
use crate::{
    entities::{fee_audit, fee_audit_worker},
    error::DomainError,
    fee_audit::{RepaymentLedger, RepaymentProgress, WorkerResult, round_money, round_months},
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

/// The stored workers of an audit and the ledger of what they are owed and repaid.
pub(super) async fn ledger<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
) -> Result<(Vec<(fee_audit_worker::Model, WorkerResult)>, RepaymentLedger), DomainError> {
    let rows = fee_audit_worker::Entity::find()
        .filter(fee_audit_worker::Column::FeeAuditId.eq(fee_audit_id))
        .order_by_asc(fee_audit_worker::Column::WorkerRef)
        .all(db)
        .await?;
    let damaged = |id: Uuid| DomainError::Internal(format!("fee_audit_workers row {id} cannot be read"));
    let mut workers = Vec::with_capacity(rows.len());
    for row in rows {
        let mut result: WorkerResult =
            serde_json::from_value(row.result.clone()).map_err(|_| damaged(row.id))?;
        // The ledger owes the exact amount; the stored result shows it rounded.
        result.outstanding_usd = row.result[EXACT]["outstanding_usd"]
            .as_str()
            .and_then(|text| text.parse().ok())
            .ok_or_else(|| damaged(row.id))?;
        workers.push((row, result));
    }
    let results: Vec<WorkerResult> = workers.iter().map(|(_, result)| result.clone()).collect();
    let mut ledger = RepaymentLedger::new(&results);
    for (row, result) in &workers {
        let repaid: Decimal = row.repaid_usd.parse().map_err(|_| damaged(row.id))?;
        ledger
            .record(&result.worker_ref, repaid)
            .map_err(|_| damaged(row.id))?;
    }
    Ok((workers, ledger))
}

/// Nothing is owed, judged on the amounts shown: a sub-cent remainder is not a debt.
pub(super) fn settled(progress: &RepaymentProgress) -> bool {
    round_money(progress.total_remaining_usd).is_zero()
}

/// Loads the audit's workers and repayment progress.
pub async fn load_fee_audit_view<C: ConnectionTrait>(
    db: &C,
    audit: fee_audit::Model,
) -> Result<FeeAuditView, DomainError> {
    let (workers, ledger) = ledger(db, audit.id).await?;
    let progress = ledger.progress();
    let by_ref: HashMap<&str, _> = progress
        .workers
        .iter()
        .map(|w| (w.worker_ref.as_str(), w))
        .collect();
    let workers = workers
        .into_iter()
        .map(|(_, w)| {
            let repayment = by_ref.get(w.worker_ref.as_str());
            let figure = |pick: fn(&&crate::fee_audit::WorkerRepayment) -> Decimal| {
                money_text(repayment.map(pick).unwrap_or_default())
            };
            WorkerView {
                repaid_usd: figure(|r| r.repaid_usd),
                remaining_usd: figure(|r| r.remaining_usd),
                over_repaid_usd: figure(|r| r.over_repaid_usd),
                nationality: w.nationality.to_string(),
                hire_date: w.hire_date,
                monthly_wage: money_text(w.monthly_wage),
                wage_currency: w.wage_currency.to_string(),
                monthly_wage_usd: money_text(w.monthly_wage_usd),
                fees_usd: money_text(w.fees_usd),
                reimbursed_usd: money_text(w.reimbursed_usd),
                outstanding_usd: money_text(w.outstanding_usd),
                months_of_wages: round_months(w.months_of_wages).to_string(),
                paid: w.paid,
                loan: w.loan,
                debt_bondage_risk: w.debt_bondage_risk,
                recruiters: w.recruiters,
                worker_ref: w.worker_ref,
            }
        })
        .collect();
    Ok(FeeAuditView {
        repayments: RepaymentTotals {
            total_outstanding_usd: money_text(progress.total_outstanding_usd),
            total_repaid_usd: money_text(progress.total_repaid_usd),
            total_remaining_usd: money_text(progress.total_remaining_usd),
            total_over_repaid_usd: money_text(progress.total_over_repaid_usd),
            workers_still_owed: progress
                .workers
                .iter()
                .filter(|w| !round_money(w.remaining_usd).is_zero())
                .count() as u64,
            settled: settled(&progress),
        },
        audit,
        workers,
    })
}

/// One page of a supplier's audits, newest first, and the total.
pub async fn list_fee_audits<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
    offset: u64,
    limit: u64,
) -> Result<(Vec<fee_audit::Model>, u64), DomainError> {
    let query = fee_audit::Entity::find().filter(fee_audit::Column::SupplierId.eq(supplier_id));
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_desc(fee_audit::Column::CreatedAt)
        .order_by_desc(fee_audit::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((items, total))
}
