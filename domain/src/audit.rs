//! The audit trail: one row per mutating use case, written in the use case's own
//! transaction so the trail and the change commit together or not at all.

mod account;
pub mod trail;

pub use account::record_account;

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use crate::{clock, entities::audit_event, error::DomainError};

/// What happened, to be recorded.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    /// The tenant the change belongs to.
    pub company_id: Option<Uuid>,
    /// Who did it (`None` for the system itself).
    pub actor_user_id: Option<Uuid>,
    /// A dotted verb, e.g. `supplier.created`.
    pub action: &'static str,
    /// The kind of entity, e.g. `supplier`.
    pub entity_type: &'static str,
    /// Its id.
    pub entity_id: Option<Uuid>,
    /// A summary of the state before (never secrets or worker personal data).
    pub before: Option<serde_json::Value>,
    /// A summary of the state after.
    pub after: Option<serde_json::Value>,
}

/// Writes one audit row on `db`.
pub async fn record<C: ConnectionTrait>(db: &C, entry: AuditEntry) -> Result<(), DomainError> {
    audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(entry.company_id),
        actor_user_id: Set(entry.actor_user_id),
        action: Set(entry.action.to_string()),
        entity_type: Set(entry.entity_type.to_string()),
        entity_id: Set(entry.entity_id),
        before: Set(entry.before),
        after: Set(entry.after),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}
