//! The worker's records of a rendering: started, ready (with its three files),
//! to be retried, or failed. A pack already ready is never changed again, so a
//! retried job emails nobody twice.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::status;
use crate::{
    clock, database::Database, entities::evidence_pack, error::DomainError, transaction::BeginWrite as _,
};

/// A file the worker stored.
#[derive(Debug, Clone)]
pub struct StoredFile {
    /// Its storage key.
    pub key: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// The longest error kept.
const MAX_ERROR: usize = 2000;

async fn not_ready<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Option<evidence_pack::Model>, DomainError> {
    Ok(evidence_pack::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|row| row.status != status::READY))
}

/// Marks pack `id` `rendering` and returns it; `None` when it is gone or
/// already ready (nothing to do).
pub async fn start_rendering(db: &Database, id: Uuid) -> Result<Option<evidence_pack::Model>, DomainError> {
    let Some(row) = not_ready(db, id).await? else {
        return Ok(None);
    };
    let mut active: evidence_pack::ActiveModel = row.into();
    active.status = Set(status::RENDERING.to_string());
    Ok(Some(active.update(db).await?))
}

/// Records the JSON, PDF and ZIP of pack `id` and marks it ready; in the same
/// transaction, queues the "pack ready" email. `false` when it was already ready.
pub async fn mark_ready(
    db: &Database,
    id: Uuid,
    json: StoredFile,
    pdf: StoredFile,
    zip: StoredFile,
) -> Result<bool, DomainError> {
    let txn = db.begin_write().await?;
    let Some(row) = not_ready(&txn, id).await? else {
        return Ok(false);
    };
    let mut active: evidence_pack::ActiveModel = row.into();
    active.status = Set(status::READY.to_string());
    active.json_key = Set(Some(json.key));
    active.json_size = Set(Some(json.size));
    active.json_sha256 = Set(Some(json.sha256));
    active.pdf_key = Set(Some(pdf.key));
    active.pdf_size = Set(Some(pdf.size));
    active.pdf_sha256 = Set(Some(pdf.sha256));
    active.zip_key = Set(Some(zip.key));
    active.zip_size = Set(Some(zip.size));
    active.zip_sha256 = Set(Some(zip.sha256));
    active.error = Set(None);
    active.ready_at = Set(Some(clock::now()));
    let ready = active.update(&txn).await?;
    crate::notifications::evidence_pack_ready(&txn, &ready).await?;
    txn.commit().await?;
    Ok(true)
}

async fn record_error(db: &Database, id: Uuid, next: &str, error: &str) -> Result<(), DomainError> {
    let Some(row) = not_ready(db, id).await? else {
        return Ok(());
    };
    let mut active: evidence_pack::ActiveModel = row.into();
    active.status = Set(next.to_string());
    active.error = Set(Some(error.chars().take(MAX_ERROR).collect()));
    active.update(db).await?;
    Ok(())
}

/// An attempt failed and another will follow: back to `queued`, with why.
pub async fn mark_requeued(db: &Database, id: Uuid, error: &str) -> Result<(), DomainError> {
    record_error(db, id, status::QUEUED, error).await
}

/// The last attempt failed: `failed`, with why. A ready pack stays ready.
pub async fn mark_failed(db: &Database, id: Uuid, error: &str) -> Result<(), DomainError> {
    record_error(db, id, status::FAILED, error).await
}
