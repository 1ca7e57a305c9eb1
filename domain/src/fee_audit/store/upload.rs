//! Storing a fee-audit upload (fee-audit.md): every line as it streams out of the
//! engine, in chunks of compact CSV, then the per-worker results (chunks too), the
//! summary and what the audit leads to. All on the caller's transaction: when any row is bad the upload is
//! `Rejected` and the caller rolls back, so nothing is stored.

use std::io::Read;

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{
    LineChunks, UploadError, consequences, fx_rates::rate_table, recruiters, worker_chunks::store_workers,
};
use crate::{
    clock,
    entities::{fee_audit, fee_audit_line_chunk, supplier},
    error::DomainError,
    fee_audit::engine::{FeeAuditOutcome, FeeAuditReader, FeeAuditSummary, RateTable, WorkerResult},
    values::CountryCode,
};

/// A stored upload: the audit row, and its workers' results as computed (sorted by
/// `worker_ref`, nothing repaid yet), so that the answer to the upload can list them
/// without reading back what was just written.
#[derive(Debug)]
pub struct StoredFeeAudit {
    /// The audit as stored.
    pub audit: fee_audit::Model,
    /// Every worker's results, as stored.
    pub workers: Vec<WorkerResult>,
}

/// Reads, checks and stores an upload for `supplier`, converting with the company's
/// stored rates; `today` is the last allowed payment date. Run it on a transaction and
/// commit only on `Ok`.
///
/// The engine reads `input` on a blocking thread while this task writes the chunks of
/// lines it has finished, so computing and writing overlap (on PostgreSQL the writing
/// is another process's work, on SQLite another thread's). Memory: the engine keeps
/// per-worker tallies, and at most `CHUNKS_IN_FLIGHT` chunks of lines wait to be
/// written.
pub async fn upload_fee_audit<C: ConnectionTrait>(
    db: &C,
    supplier: &supplier::Model,
    actor: Uuid,
    input: impl Read + Send + 'static,
    today: NaiveDate,
) -> Result<StoredFeeAudit, UploadError> {
    let rates = rate_table(db, supplier.company_id).await?;
    // The audit row first, so the lines can point at it; its summary is filled in
    // once every line has been counted.
    let audit = fee_audit::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(supplier.company_id),
        supplier_id: Set(supplier.id),
        summary: Set(json!({})),
        row_count: Set(0),
        created_by: Set(Some(actor)),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;

    let (sender, mut receiver) = tokio::sync::mpsc::channel(CHUNKS_IN_FLIGHT);
    let audit_id = audit.id;
    // The site's country is the destination of the workers' corridors.
    let site = CountryCode::parse(&supplier.country).ok();
    let engine =
        tokio::task::spawn_blocking(move || read_lines(input, today, &rates, site, audit_id, &sender));
    let mut written = Ok(());
    while let Some(chunk) = receiver.recv().await {
        if let Err(error) = fee_audit_line_chunk::Entity::insert(chunk)
            .exec_without_returning(db)
            .await
        {
            written = Err(error);
            break;
        }
    }
    // A write failed: closing the channel stops the engine at its next chunk.
    drop(receiver);
    let read = engine
        .await
        .map_err(|e| DomainError::Internal(format!("the fee engine stopped: {e}")))?;
    written?;
    let outcome = read?;
    store_workers(db, audit.id, &outcome.workers).await?;

    let mut stored = audit.into_active_model();
    stored.summary = Set(summary_json(&outcome.summary)?);
    stored.row_count = Set(i32::try_from(outcome.rows).unwrap_or(i32::MAX));
    let audit = stored.update(db).await?;
    recruiters::register_audit(db, &audit, &outcome.summary).await?;
    consequences::follow_up(db, &audit, supplier, actor, &outcome).await?;
    crate::events::publish(
        db,
        audit.company_id,
        crate::events::FEE_AUDIT_CREATED,
        json!({"fee_audit_id": audit.id, "supplier_id": audit.supplier_id, "row_count": audit.row_count}),
    )
    .await?;
    Ok(StoredFeeAudit {
        audit,
        workers: outcome.workers,
    })
}

/// Chunks of lines the engine may run ahead of the writes.
const CHUNKS_IN_FLIGHT: usize = 2;

/// The engine's side of the upload (on a blocking thread): every line checked,
/// counted and encoded, each full chunk sent to be written. `Rejected` lists every bad
/// row; lines already sent are then discarded with the caller's transaction.
fn read_lines(
    input: impl Read,
    today: NaiveDate,
    rates: &RateTable,
    site: Option<CountryCode>,
    audit_id: Uuid,
    chunks_out: &tokio::sync::mpsc::Sender<fee_audit_line_chunk::ActiveModel>,
) -> Result<FeeAuditOutcome, UploadError> {
    let closed = || DomainError::Internal("the fee audit's lines were no longer written".into());
    let mut reader = FeeAuditReader::new(input, today, rates).at_site(site);
    let mut chunks = LineChunks::new(audit_id);
    for line in &mut reader {
        if let Some(chunk) = chunks.push(&line)? {
            chunks_out.blocking_send(chunk).map_err(|_| closed())?;
        }
    }
    let outcome = reader.finish().map_err(UploadError::Rejected)?;
    if let Some(chunk) = chunks.finish()? {
        chunks_out.blocking_send(chunk).map_err(|_| closed())?;
    }
    Ok(outcome)
}

/// The stored summary: as shown (money rounded), plus the exact `fee_risk_inputs`
/// so that scoring computes the same fee risk as from a fresh audit.
fn summary_json(summary: &FeeAuditSummary) -> Result<Value, UploadError> {
    let mut value = serde_json::to_value(summary)?;
    if let Value::Object(map) = &mut value {
        map.insert(
            "fee_risk_inputs".into(),
            serde_json::to_value(summary.fee_risk_inputs())?,
        );
    }
    Ok(value)
}
