//! Recording a rendering's outcome. Both are idempotent: a retried job that finds
//! the report already ready changes nothing and emails nobody twice.

use crate::database::Database;
use crate::transaction::BeginWrite as _;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use uuid::Uuid;

use super::status;
use crate::{clock, entities::report, error::DomainError, events, notifications};

/// Marks the report ready with its stored PDF under `storage_key`, and in the same
/// transaction queues the "report ready" email and publishes `report.ready`.
/// Returns `false` when it was already ready (nothing done).
pub async fn mark_ready(db: &Database, report_id: Uuid, storage_key: &str) -> Result<bool, DomainError> {
    let txn = db.begin_write().await?;
    let row = report::Entity::find_by_id(report_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound("report"))?;
    if row.status == status::READY {
        return Ok(false);
    }
    let mut active: report::ActiveModel = row.into();
    active.status = Set(status::READY.to_string());
    active.storage_key = Set(Some(storage_key.to_string()));
    active.error = Set(None);
    active.ready_at = Set(Some(clock::now()));
    let ready = active.update(&txn).await?;
    notifications::report_ready(&txn, &ready).await?;
    events::publish(
        &txn,
        ready.company_id,
        events::REPORT_READY,
        serde_json::json!({"report_id": ready.id, "assessment_id": ready.assessment_id}),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Marks the report failed with `error` (the job's last attempt failed). A ready
/// report stays ready.
pub async fn mark_failed(db: &Database, report_id: Uuid, error: &str) -> Result<(), DomainError> {
    let Some(row) = report::Entity::find_by_id(report_id).one(db).await? else {
        return Ok(());
    };
    if row.status == status::READY {
        return Ok(());
    }
    let mut active: report::ActiveModel = row.into();
    active.status = Set(status::FAILED.to_string());
    active.error = Set(Some(error.chars().take(2000).collect()));
    active.update(db).await?;
    Ok(())
}
