//! What a company's officers and admins do to one of its webhooks, each a whole use
//! case for both doors: who may (`managed`), the change, and its transaction. The
//! API and the portal call these with the caller and the webhook's id.

use uuid::Uuid;

use super::{delete, managed, set_active};
use crate::{
    access::Caller, database::Database, entities::webhook, error::DomainError, transaction::BeginWrite as _,
};

/// Deletes webhook `id` with its delivery log; returns the row as it was.
pub async fn delete_webhook(db: &Database, caller: &Caller, id: Uuid) -> Result<webhook::Model, DomainError> {
    let hook = managed(db, caller, id).await?;
    let txn = db.begin_write().await?;
    delete(&txn, hook.clone(), caller.user_id).await?;
    txn.commit().await?;
    Ok(hook)
}

/// Disables or re-enables webhook `id`; returns it changed.
pub async fn switch_webhook(
    db: &Database,
    caller: &Caller,
    id: Uuid,
    active: bool,
) -> Result<webhook::Model, DomainError> {
    let hook = managed(db, caller, id).await?;
    set_active(db, hook, active).await
}

/// Queues a `webhook.test` event for webhook `id`; returns the webhook and the
/// event's id.
pub async fn send_test_event(
    db: &Database,
    caller: &Caller,
    id: Uuid,
) -> Result<(webhook::Model, Uuid), DomainError> {
    let hook = managed(db, caller, id).await?;
    let txn = db.begin_write().await?;
    let event_id = crate::events::publish_test(&txn, &hook).await?;
    txn.commit().await?;
    Ok((hook, event_id))
}
