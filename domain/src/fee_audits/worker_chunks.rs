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
    fee_audit::WorkerResult,
    values::{CountryCode, CurrencyCode},
};

/// Workers per chunk: one page of the API's answer (`WORKERS_PER_PAGE`), about
/// 0.6 MB of text for the benchmark's upload.
pub const WORKERS_PER_CHUNK: usize = WORKERS_PER_PAGE as usize;

/// A chunk's columns, in order.
const HEADER: [&str; 14] = [
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
        ])
        .map_err(|e| internal(&e))?;
    }
    let bytes = out.into_inner().map_err(|e| internal(&e.into_error()))?;
    String::from_utf8(bytes).map_err(|e| internal(&e).into())
}

/// The workers of a chunk's text; `None` when it cannot be read.
pub(super) fn decode(body: &str) -> Option<Vec<WorkerResult>> {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    if reader.headers().ok()?.iter().ne(HEADER) {
        return None;
    }
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
            ..super::super::worker_rows::tests::worker()
        }
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
        assert!(decode(&text.replacen("worker_ref", "worker", 1)).is_none());
        assert!(decode("").is_none());
    }
}
