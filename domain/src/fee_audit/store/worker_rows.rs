//! An audit's per-worker results as stored in `fee_audit_workers` by audits uploaded
//! before migration `000014` (since then they are chunks: `worker_chunks`): read back
//! in either of the table's forms, the typed columns (exact decimals as text) or the
//! JSON document of audits stored before the columns existed, and their repaid
//! amounts updated.

use std::str::FromStr;

use rust_decimal::Decimal;
use sea_orm::ActiveValue::Set;
use serde_json::json;
use uuid::Uuid;

use super::UploadError;
use crate::{
    entities::fee_audit_worker,
    error::DomainError,
    fee_audit::engine::WorkerResult,
    values::{CountryCode, CurrencyCode},
};

/// Key under which an old-form row's `result` keeps its exact figures beside the
/// rounded ones.
const EXACT: &str = "exact";

/// A worker's row in the typed form, with nothing repaid (for the benchmark, which
/// compares this form with chunks, and for tests that store an audit the old way).
pub fn new_row(
    fee_audit_id: Uuid,
    worker: &WorkerResult,
) -> Result<fee_audit_worker::ActiveModel, UploadError> {
    Ok(fee_audit_worker::ActiveModel {
        id: Set(Uuid::now_v7()),
        fee_audit_id: Set(fee_audit_id),
        worker_ref: Set(worker.worker_ref.clone()),
        result: Set(json!({})),
        repaid_usd: Set("0.00".into()),
        nationality: Set(Some(worker.nationality.to_string())),
        hire_date: Set(Some(worker.hire_date)),
        monthly_wage: Set(Some(worker.monthly_wage.to_string())),
        wage_currency: Set(Some(worker.wage_currency.to_string())),
        monthly_wage_usd: Set(Some(worker.monthly_wage_usd.to_string())),
        fees_usd: Set(Some(worker.fees_usd.to_string())),
        reimbursed_usd: Set(Some(worker.reimbursed_usd.to_string())),
        outstanding_usd: Set(Some(worker.outstanding_usd.to_string())),
        months_of_wages: Set(Some(worker.months_of_wages.to_string())),
        paid: Set(Some(worker.paid)),
        loan: Set(Some(worker.loan)),
        debt_bondage_risk: Set(Some(worker.debt_bondage_risk)),
        recruiters: Set(Some(serde_json::to_string(&worker.recruiters)?)),
    })
}

/// A stored worker's result. Typed rows give every figure exact; old JSON rows give
/// the exact fees, reimbursed, outstanding and months (kept under `"exact"`) and the
/// wage figures as they were shown (rounded to cents).
pub(super) fn stored_result(row: &fee_audit_worker::Model) -> Result<WorkerResult, DomainError> {
    let damaged = || DomainError::Internal(format!("fee_audit_workers row {} cannot be read", row.id));
    match typed_result(row) {
        Some(result) => result.ok_or_else(damaged),
        None => json_result(row).ok_or_else(damaged),
    }
}

/// `None` for an old-form row (no typed columns); `Some(None)` for a damaged one.
fn typed_result(row: &fee_audit_worker::Model) -> Option<Option<WorkerResult>> {
    let nationality = row.nationality.as_deref()?;
    Some((|| {
        let decimal = |text: &Option<String>| text.as_deref().and_then(|t| Decimal::from_str(t).ok());
        Some(WorkerResult {
            worker_ref: row.worker_ref.clone(),
            nationality: CountryCode::parse(nationality).ok()?,
            hire_date: row.hire_date?,
            monthly_wage: decimal(&row.monthly_wage)?,
            wage_currency: CurrencyCode::parse(row.wage_currency.as_deref()?).ok()?,
            monthly_wage_usd: decimal(&row.monthly_wage_usd)?,
            fees_usd: decimal(&row.fees_usd)?,
            reimbursed_usd: decimal(&row.reimbursed_usd)?,
            outstanding_usd: decimal(&row.outstanding_usd)?,
            months_of_wages: decimal(&row.months_of_wages)?,
            paid: row.paid?,
            loan: row.loan?,
            debt_bondage_risk: row.debt_bondage_risk?,
            recruiters: serde_json::from_str(row.recruiters.as_deref()?).ok()?,
            // Rows were written before scoring model 2 and never since.
            sex: Default::default(),
            deducted_from_wages: false,
            recruitment_cost: None,
        })
    })())
}

fn json_result(row: &fee_audit_worker::Model) -> Option<WorkerResult> {
    let mut result: WorkerResult = serde_json::from_value(row.result.clone()).ok()?;
    let exact = &row.result[EXACT];
    let exact_of = |key: &str| exact[key].as_str().and_then(|t| Decimal::from_str(t).ok());
    // The ledger owes the exact amount: it must be there.
    result.outstanding_usd = exact_of("outstanding_usd")?;
    if let Some(fees) = exact_of("fees_usd") {
        result.fees_usd = fees;
    }
    if let Some(reimbursed) = exact_of("reimbursed_usd") {
        result.reimbursed_usd = reimbursed;
    }
    if let Some(months) = exact_of("months_of_wages") {
        result.months_of_wages = months;
    }
    Some(result)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(super) mod tests {
    use chrono::NaiveDate;
    use sea_orm::ActiveValue;

    use super::*;

    /// A worker with every figure exact to more places than shown (shared with the
    /// chunks' tests).
    pub(in crate::fee_audit::store) fn worker() -> WorkerResult {
        WorkerResult {
            worker_ref: "W1".into(),
            nationality: CountryCode::parse("NP").unwrap(),
            hire_date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            monthly_wage: Decimal::from_str("1500.125").unwrap(),
            wage_currency: CurrencyCode::parse("MYR").unwrap(),
            monthly_wage_usd: Decimal::from_str("337.528125").unwrap(),
            fees_usd: Decimal::from_str("900.0075").unwrap(),
            reimbursed_usd: Decimal::from_str("0.005").unwrap(),
            outstanding_usd: Decimal::from_str("900.0025").unwrap(),
            months_of_wages: Decimal::from_str("2.6664888888888888888888888889").unwrap(),
            paid: true,
            loan: false,
            debt_bondage_risk: true,
            recruiters: vec!["Agency \"A\", Ltd".into(), "Broker\nB".into()],
            // Not kept by these rows (written before scoring model 2).
            sex: crate::fee_audit::engine::Sex::Unknown,
            deducted_from_wages: false,
            recruitment_cost: None,
        }
    }

    fn model(row: fee_audit_worker::ActiveModel) -> fee_audit_worker::Model {
        fn get<T: Into<sea_orm::Value>>(v: ActiveValue<T>) -> T {
            v.unwrap()
        }
        fee_audit_worker::Model {
            id: get(row.id),
            fee_audit_id: get(row.fee_audit_id),
            worker_ref: get(row.worker_ref),
            result: get(row.result),
            repaid_usd: get(row.repaid_usd),
            nationality: get(row.nationality),
            hire_date: get(row.hire_date),
            monthly_wage: get(row.monthly_wage),
            wage_currency: get(row.wage_currency),
            monthly_wage_usd: get(row.monthly_wage_usd),
            fees_usd: get(row.fees_usd),
            reimbursed_usd: get(row.reimbursed_usd),
            outstanding_usd: get(row.outstanding_usd),
            months_of_wages: get(row.months_of_wages),
            paid: get(row.paid),
            loan: get(row.loan),
            debt_bondage_risk: get(row.debt_bondage_risk),
            recruiters: get(row.recruiters),
        }
    }

    #[test]
    fn a_typed_row_reads_back_exactly() {
        let worker = worker();
        let row = model(new_row(Uuid::now_v7(), &worker).unwrap());
        assert_eq!(row.result, json!({}));
        assert_eq!(stored_result(&row).unwrap(), worker);
    }

    #[test]
    fn an_old_json_row_reads_with_its_exact_amounts() {
        let worker = worker();
        let mut result = serde_json::to_value(&worker).unwrap();
        result[EXACT] = json!({
            "fees_usd": worker.fees_usd.to_string(),
            "reimbursed_usd": worker.reimbursed_usd.to_string(),
            "outstanding_usd": worker.outstanding_usd.to_string(),
            "months_of_wages": worker.months_of_wages.to_string(),
        });
        let mut row = model(new_row(Uuid::now_v7(), &worker).unwrap());
        row = fee_audit_worker::Model {
            result,
            nationality: None,
            hire_date: None,
            monthly_wage: None,
            wage_currency: None,
            monthly_wage_usd: None,
            fees_usd: None,
            reimbursed_usd: None,
            outstanding_usd: None,
            months_of_wages: None,
            paid: None,
            loan: None,
            debt_bondage_risk: None,
            recruiters: None,
            ..row
        };
        let read = stored_result(&row).unwrap();
        // The wage figures were stored as shown; everything the ledger sums is exact.
        assert_eq!(read.monthly_wage.to_string(), "1500.13");
        assert_eq!(read.monthly_wage_usd.to_string(), "337.53");
        assert_eq!(
            WorkerResult {
                monthly_wage: worker.monthly_wage,
                monthly_wage_usd: worker.monthly_wage_usd,
                ..read
            },
            worker
        );
    }

    #[test]
    fn a_damaged_row_is_an_error() {
        let mut row = model(new_row(Uuid::now_v7(), &worker()).unwrap());
        row.fees_usd = Some("twelve".into());
        assert!(stored_result(&row).is_err());
        row.nationality = None;
        row.result = json!({"worker_ref": "W1"});
        assert!(stored_result(&row).is_err());
    }
}
