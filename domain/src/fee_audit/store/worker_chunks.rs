//! An audit's per-worker results as stored since migration `000014`: chunks of
//! [`WORKERS_PER_CHUNK`] workers as compact CSV, in `worker_ref` order, and beside
//! them one row per worker repaid. A 200,000-row upload is then ~19 `INSERT`s of
//! workers instead of ~94,000 rows; a page of the API is one chunk.

use std::collections::HashMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::OnConflict,
};
use uuid::Uuid;

use super::{UploadError, worker_pages::WORKERS_PER_PAGE};
use crate::{
    entities::{fee_audit_worker_chunk as chunk, fee_audit_worker_repaid as repaid},
    error::DomainError,
    fee_audit::engine::{RecruitmentCost, Sex, WorkerResult},
    values::{CountryCode, CurrencyCode},
};

/// Workers per chunk: one page of the API's answer (`WORKERS_PER_PAGE`), about
/// 0.6 MB of text for the benchmark's upload.
pub const WORKERS_PER_CHUNK: usize = WORKERS_PER_PAGE as usize;

/// The columns of a chunk written before scoring model 2, in order; still read.
const HEADER_V1: [&str; 14] = [
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
];

/// A chunk's columns since scoring model 2: the first ones, then the worker's sex,
/// deductions and recruitment cost (empty cost cells: not computed).
const HEADER: [&str; 19] = [
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
    "sex",
    "deducted_from_wages",
    "monthly_earnings_usd",
    "loan_interest_usd",
    "recruitment_cost",
];

/// Stores the audit's workers (sorted by `worker_ref`, as the engine returns them),
/// nothing repaid yet.
pub async fn store_workers<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    workers: &[WorkerResult],
) -> Result<(), UploadError> {
    for (n, workers) in workers.chunks(WORKERS_PER_CHUNK).enumerate() {
        let (Some(first), Some(last)) = (workers.first(), workers.last()) else {
            continue;
        };
        let row = chunk::ActiveModel {
            id: Set(Uuid::now_v7()),
            fee_audit_id: Set(fee_audit_id),
            first_worker: Set(i32::try_from(n * WORKERS_PER_CHUNK).unwrap_or(i32::MAX)),
            first_ref: Set(first.worker_ref.clone()),
            last_ref: Set(last.worker_ref.clone()),
            body: Set(encode(workers)?),
        };
        chunk::Entity::insert(row).exec_without_returning(db).await?;
    }
    Ok(())
}

/// The CSV text of a chunk.
pub(super) fn encode(workers: &[WorkerResult]) -> Result<String, UploadError> {
    let internal = |e: &dyn std::fmt::Display| DomainError::Internal(format!("fee audit workers: {e}"));
    let mut out = csv::Writer::from_writer(Vec::with_capacity(workers.len() * 128));
    out.write_record(HEADER).map_err(|e| internal(&e))?;
    let flag = |value: bool| if value { "1" } else { "0" };
    for w in workers {
        let recruiters = serde_json::to_string(&w.recruiters)?;
        let cost = |figure: fn(&RecruitmentCost) -> Decimal| {
            w.recruitment_cost
                .as_ref()
                .map(|c| figure(c).to_string())
                .unwrap_or_default()
        };
        out.write_record([
            w.worker_ref.as_str(),
            w.nationality.as_str(),
            &w.hire_date.to_string(),
            &w.monthly_wage.to_string(),
            w.wage_currency.as_str(),
            &w.monthly_wage_usd.to_string(),
            &w.fees_usd.to_string(),
            &w.reimbursed_usd.to_string(),
            &w.outstanding_usd.to_string(),
            &w.months_of_wages.to_string(),
            flag(w.paid),
            flag(w.loan),
            flag(w.debt_bondage_risk),
            &recruiters,
            w.sex.as_str(),
            flag(w.deducted_from_wages),
            &cost(|c| c.monthly_earnings_usd),
            &cost(|c| c.loan_interest_usd),
            &cost(|c| c.indicator),
        ])
        .map_err(|e| internal(&e))?;
    }
    let bytes = out.into_inner().map_err(|e| internal(&e.into_error()))?;
    String::from_utf8(bytes).map_err(|e| internal(&e).into())
}

/// The workers of a chunk's text; `None` when it cannot be read.
pub(super) fn decode(body: &str) -> Option<Vec<WorkerResult>> {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().ok()?;
    // A chunk written before scoring model 2 has the first columns only.
    let current = if header.iter().eq(HEADER) {
        true
    } else if header.iter().eq(HEADER_V1) {
        false
    } else {
        return None;
    };
    let mut workers = Vec::with_capacity(WORKERS_PER_CHUNK);
    for record in reader.records() {
        let record = record.ok()?;
        let cell = |i: usize| record.get(i);
        let decimal = |i: usize| cell(i).and_then(|t| Decimal::from_str(t).ok());
        let flag = |i: usize| match cell(i)? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        let (sex, deducted_from_wages, recruitment_cost) = if current {
            let cost = match (cell(16)?, cell(17)?, cell(18)?) {
                ("", "", "") => None,
                _ => Some(RecruitmentCost {
                    monthly_earnings_usd: decimal(16)?,
                    loan_interest_usd: decimal(17)?,
                    indicator: decimal(18)?,
                }),
            };
            (Sex::parse(cell(14)?)?, flag(15)?, cost)
        } else {
            (Sex::default(), false, None)
        };
        workers.push(WorkerResult {
            worker_ref: cell(0)?.to_string(),
            nationality: CountryCode::parse(cell(1)?).ok()?,
            hire_date: cell(2)?.parse().ok()?,
            monthly_wage: decimal(3)?,
            wage_currency: CurrencyCode::parse(cell(4)?).ok()?,
            monthly_wage_usd: decimal(5)?,
            fees_usd: decimal(6)?,
            reimbursed_usd: decimal(7)?,
            outstanding_usd: decimal(8)?,
            months_of_wages: decimal(9)?,
            paid: flag(10)?,
            loan: flag(11)?,
            debt_bondage_risk: flag(12)?,
            recruiters: serde_json::from_str(cell(13)?).ok()?,
            sex,
            deducted_from_wages,
            recruitment_cost,
        });
    }
    Some(workers)
}

/// Where each chunk of an audit starts and ends, in order (no bodies); empty for an
/// audit stored before chunks.
pub(super) async fn chunk_index<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
) -> Result<Vec<(Uuid, String)>, DomainError> {
    Ok(chunk::Entity::find()
        .select_only()
        .column(chunk::Column::Id)
        .column(chunk::Column::LastRef)
        .filter(chunk::Column::FeeAuditId.eq(fee_audit_id))
        .order_by_asc(chunk::Column::FirstWorker)
        .into_tuple()
        .all(db)
        .await?)
}

/// The workers of one chunk.
pub(super) async fn load_chunk<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Vec<WorkerResult>, DomainError> {
    let damaged = || DomainError::Internal(format!("fee_audit_worker_chunks row {id} cannot be read"));
    let body: Option<String> = chunk::Entity::find_by_id(id)
        .select_only()
        .column(chunk::Column::Body)
        .into_tuple()
        .one(db)
        .await?;
    decode(&body.ok_or_else(damaged)?).ok_or_else(damaged)
}

/// What has been repaid to the audit's workers from `first` to `last` (byte order),
/// or to all of them; workers repaid nothing are absent.
pub(super) async fn repaid_to<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    range: Option<(&str, &str)>,
) -> Result<HashMap<String, Decimal>, DomainError> {
    let mut query = repaid::Entity::find().filter(repaid::Column::FeeAuditId.eq(fee_audit_id));
    if let Some((first, last)) = range {
        query = query
            .filter(repaid::Column::WorkerRef.gte(first))
            .filter(repaid::Column::WorkerRef.lte(last));
    }
    let mut amounts = HashMap::new();
    for row in query.all(db).await? {
        let amount = Decimal::from_str(&row.repaid_usd).map_err(|_| {
            DomainError::Internal(format!(
                "a fee_audit_worker_repaid row of fee audit {fee_audit_id} cannot be read"
            ))
        })?;
        amounts.insert(row.worker_ref, amount);
    }
    Ok(amounts)
}

/// Sets what has been repaid in total to each of these workers.
pub(super) async fn record_repaid<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
    totals: &[(&str, Decimal)],
) -> Result<(), DomainError> {
    for batch in totals.chunks(super::BATCH) {
        let rows = batch.iter().map(|(worker_ref, total)| repaid::ActiveModel {
            fee_audit_id: Set(fee_audit_id),
            worker_ref: Set((*worker_ref).to_string()),
            repaid_usd: Set(total.to_string()),
        });
        repaid::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([repaid::Column::FeeAuditId, repaid::Column::WorkerRef])
                    .update_column(repaid::Column::RepaidUsd)
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Every worker of a chunked audit, in order; `None` for an audit stored before
/// chunks.
pub(super) async fn all_workers<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
) -> Result<Option<Vec<WorkerResult>>, DomainError> {
    let index = chunk_index(db, fee_audit_id).await?;
    if index.is_empty() {
        return Ok(None);
    }
    let mut workers = Vec::new();
    for (id, _) in index {
        workers.extend(load_chunk(db, id).await?);
    }
    Ok(Some(workers))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn worker(worker_ref: &str, recruiters: &[&str]) -> WorkerResult {
        WorkerResult {
            worker_ref: worker_ref.into(),
            recruiters: recruiters.iter().map(|r| r.to_string()).collect(),
            sex: Sex::Female,
            deducted_from_wages: true,
            recruitment_cost: Some(RecruitmentCost {
                monthly_earnings_usd: Decimal::from_str("400.0125").unwrap(),
                loan_interest_usd: Decimal::from_str("100.0025").unwrap(),
                indicator: Decimal::from_str("1.9999624988281616199493765820").unwrap(),
            }),
            ..super::super::worker_rows::tests::worker()
        }
    }

    #[test]
    fn a_chunk_written_before_scoring_model_2_still_reads() {
        // A chunk as `encode` wrote it before the columns of scoring model 2.
        let old = "worker_ref,nationality,hire_date,monthly_wage,wage_currency,monthly_wage_usd,fees_usd,\
                   reimbursed_usd,outstanding_usd,months_of_wages,paid,loan,debt_bondage_risk,recruiters\n\
                   W1,NP,2025-03-01,1500.125,MYR,337.528125,900.0075,0.005,900.0025,\
                   2.6664888888888888888888888889,1,0,1,\"[\"\"A\"\"]\"\n\
                   W2,IN,2025-03-02,1000,USD,1000,0,0,0,0,0,0,0,[]\n";
        let workers = decode(old).unwrap();
        assert_eq!(workers.len(), 2);
        let w1 = &workers[0];
        assert_eq!(w1.worker_ref, "W1");
        assert_eq!(w1.fees_usd, Decimal::from_str("900.0075").unwrap());
        assert_eq!(w1.recruiters, ["A"]);
        assert!(w1.paid && w1.debt_bondage_risk && !w1.loan);
        // What the old chunk did not record is the default, and no cost is made up.
        assert_eq!(w1.sex, Sex::Unknown);
        assert!(!w1.deducted_from_wages);
        assert_eq!(w1.recruitment_cost, None);
        assert_eq!(workers[1].nationality.as_str(), "IN");
    }

    #[test]
    fn a_worker_without_a_recruitment_cost_reads_back_without_one() {
        let workers = vec![WorkerResult {
            recruitment_cost: None,
            sex: Sex::Other,
            ..worker("W1", &["A"])
        }];
        assert_eq!(decode(&encode(&workers).unwrap()).unwrap(), workers);
    }

    #[test]
    fn a_chunk_reads_back_exactly_whatever_the_text() {
        let workers = vec![
            worker("W,1 \"x\" \\ {y}\nz", &["Agency \"A\", Ltd", "Broker\nB"]),
            worker("NULL", &[]),
            worker("", &["Plain"]),
        ];
        assert_eq!(decode(&encode(&workers).unwrap()).unwrap(), workers);
    }

    #[test]
    fn a_damaged_chunk_is_refused() {
        let text = encode(&[worker("W1", &["A"])]).unwrap();
        assert!(decode(&text.replace("900.0075", "twelve")).is_none());
        assert!(decode(&text.replace(",1,0,1,", ",yes,0,1,")).is_none());
        assert!(decode(&text.replace(",female,", ",woman,")).is_none());
        assert!(decode(&text.replace(",400.0125,", ",much,")).is_none());
        assert!(decode(&text.replacen("worker_ref", "worker", 1)).is_none());
        assert!(decode("").is_none());
    }
}
