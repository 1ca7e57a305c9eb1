//! An audit's per-worker results as stored in `fee_audit_workers`: written as plain
//! columns (exact decimals as text), read back in either form, the typed one or the
//! JSON document of audits stored before the columns existed.

use std::str::FromStr;

use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbBackend, IdenStatic, Iterable, Statement,
};
use serde_json::json;
use uuid::Uuid;

use super::UploadError;
use crate::{
    entities::fee_audit_worker,
    error::DomainError,
    fee_audit::WorkerResult,
    values::{CountryCode, CurrencyCode},
};

/// Key under which an old-form row's `result` keeps its exact figures beside the
/// rounded ones.
const EXACT: &str = "exact";

/// Rows per `INSERT` on SQLite. Every full batch is the same SQL text, which each
/// connection prepares once and then only binds; one statement as large as the
/// bind-parameter limit allows was 3× slower (sea-query builds every value of it as an
/// expression first).
pub const WORKERS_PER_INSERT: usize = 256;

/// Rows per `INSERT` on PostgreSQL, sent as one JSON parameter: PostgreSQL parses
/// and plans a statement of thousands of bind parameters on every execution (256 rows
/// of 18 took 50 ms), while `json_to_recordset` reads 5,000 rows from one text value.
pub const WORKERS_PER_JSON_INSERT: usize = 5_000;

/// Stores the audit's workers, nothing repaid yet (the upload's step; public for the
/// benchmark).
pub async fn store_workers<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    workers: &[WorkerResult],
) -> Result<(), UploadError> {
    match db.get_database_backend() {
        DbBackend::Postgres => store_as_json(db, fee_audit_id, workers).await,
        backend => store_bound(db, backend, fee_audit_id, workers).await,
    }
}

/// [`WORKERS_PER_INSERT`] rows per `INSERT`, a bind parameter per column.
async fn store_bound<C: ConnectionTrait>(
    db: &C,
    backend: DbBackend,
    fee_audit_id: Uuid,
    workers: &[WorkerResult],
) -> Result<(), UploadError> {
    let full_batch = insert_sql(backend, WORKERS_PER_INSERT);
    let columns = fee_audit_worker::Column::iter().count();
    for batch in workers.chunks(WORKERS_PER_INSERT) {
        let sql = if batch.len() == WORKERS_PER_INSERT {
            full_batch.clone()
        } else {
            insert_sql(backend, batch.len())
        };
        let mut values = Vec::with_capacity(batch.len() * columns);
        for worker in batch {
            let mut row = new_row(fee_audit_id, worker)?;
            for column in fee_audit_worker::Column::iter() {
                let value = row.take(column).into_value().ok_or_else(|| {
                    DomainError::Internal(format!("fee_audit_workers: no value for {}", column.as_str()))
                })?;
                values.push(value);
            }
        }
        db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
    }
    Ok(())
}

/// One worker as a record of [`JSON_INSERT`]: the typed columns as [`new_row`] writes
/// them (decimals as exact text, the recruiters as a JSON array in text).
#[derive(serde::Serialize)]
struct JsonRow<'w> {
    id: Uuid,
    worker_ref: &'w str,
    nationality: String,
    hire_date: chrono::NaiveDate,
    monthly_wage: String,
    wage_currency: String,
    monthly_wage_usd: String,
    fees_usd: String,
    reimbursed_usd: String,
    outstanding_usd: String,
    months_of_wages: String,
    paid: bool,
    loan: bool,
    debt_bondage_risk: bool,
    recruiters: String,
}

/// PostgreSQL: the audit's id, then the rows as a JSON array. `result` is `{}` and
/// nothing is repaid, as in [`new_row`].
const JSON_INSERT: &str = "INSERT INTO fee_audit_workers (id, fee_audit_id, worker_ref, result, repaid_usd, \
     nationality, hire_date, monthly_wage, wage_currency, monthly_wage_usd, fees_usd, reimbursed_usd, \
     outstanding_usd, months_of_wages, paid, loan, debt_bondage_risk, recruiters) \
     SELECT w.id, $1, w.worker_ref, '{}', '0.00', w.nationality, w.hire_date, w.monthly_wage, \
     w.wage_currency, w.monthly_wage_usd, w.fees_usd, w.reimbursed_usd, w.outstanding_usd, \
     w.months_of_wages, w.paid, w.loan, w.debt_bondage_risk, w.recruiters \
     FROM json_to_recordset($2::json) AS w(id uuid, worker_ref text, nationality text, hire_date date, \
     monthly_wage text, wage_currency text, monthly_wage_usd text, fees_usd text, reimbursed_usd text, \
     outstanding_usd text, months_of_wages text, paid boolean, loan boolean, debt_bondage_risk boolean, \
     recruiters text)";

/// [`WORKERS_PER_JSON_INSERT`] rows per `INSERT`, all in one JSON parameter.
async fn store_as_json<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    workers: &[WorkerResult],
) -> Result<(), UploadError> {
    for batch in workers.chunks(WORKERS_PER_JSON_INSERT) {
        let rows = batch
            .iter()
            .map(|w| {
                Ok(JsonRow {
                    id: Uuid::now_v7(),
                    worker_ref: &w.worker_ref,
                    nationality: w.nationality.to_string(),
                    hire_date: w.hire_date,
                    monthly_wage: w.monthly_wage.to_string(),
                    wage_currency: w.wage_currency.to_string(),
                    monthly_wage_usd: w.monthly_wage_usd.to_string(),
                    fees_usd: w.fees_usd.to_string(),
                    reimbursed_usd: w.reimbursed_usd.to_string(),
                    outstanding_usd: w.outstanding_usd.to_string(),
                    months_of_wages: w.months_of_wages.to_string(),
                    paid: w.paid,
                    loan: w.loan,
                    debt_bondage_risk: w.debt_bondage_risk,
                    recruiters: serde_json::to_string(&w.recruiters)?,
                })
            })
            .collect::<Result<Vec<_>, UploadError>>()?;
        let values = vec![fee_audit_id.into(), serde_json::to_string(&rows)?.into()];
        db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            JSON_INSERT,
            values,
        ))
        .await?;
    }
    Ok(())
}

/// `INSERT INTO fee_audit_workers (every column) VALUES (…), …` for `rows` rows, with
/// the backend's placeholders, the columns in [`fee_audit_worker::Column`] order.
fn insert_sql(backend: DbBackend, rows: usize) -> String {
    let names: Vec<String> = fee_audit_worker::Column::iter()
        .map(|column| format!("\"{}\"", column.as_str()))
        .collect();
    let mut sql = format!("INSERT INTO \"fee_audit_workers\" ({}) VALUES ", names.join(", "));
    let mut parameter = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..names.len() {
            parameter += 1;
            if column > 0 {
                sql.push_str(", ");
            }
            match backend {
                DbBackend::Postgres => {
                    sql.push('$');
                    sql.push_str(&parameter.to_string());
                }
                _ => sql.push('?'),
            }
        }
        sql.push(')');
    }
    sql
}

/// A worker's row in the typed form, with nothing repaid (public for the benchmark).
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
mod tests {
    use chrono::NaiveDate;
    use sea_orm::ActiveValue;

    use super::*;

    fn worker() -> WorkerResult {
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
