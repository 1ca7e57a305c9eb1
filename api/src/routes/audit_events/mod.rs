//! The company's audit trail (ARCHITECTURE.md: every step leaves a row of who,
//! what, when, before/after), read a page at a time. Written by the use cases
//! themselves (`domain::audit`), never through the API.

pub mod list;

use chrono::{DateTime, Utc};
use domain::audit::trail::TrailEvent;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One event of the trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventResponse {
    /// The event's id.
    pub id: Uuid,
    /// What was done, `entity.verb` (for example `supplier.created`).
    pub action: String,
    /// The kind of thing it was done to.
    pub entity_type: String,
    /// The thing it was done to, when it has an id.
    pub entity_id: Option<Uuid>,
    /// Who did it: `user`, `api_key`, `supplier_link` (the supplier through a
    /// link, no account), or `system` (Fairhire itself).
    pub actor_kind: String,
    /// The id of the user, API key or link; `null` for the system.
    pub actor_id: Option<Uuid>,
    /// The person's or the key's name, or the address the link was sent to.
    pub actor_name: Option<String>,
    /// The summary recorded before the change (no worker references or amounts).
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The summary recorded after it.
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<TrailEvent> for AuditEventResponse {
    fn from(t: TrailEvent) -> Self {
        let actor_kind = match (t.event.actor_user_id, t.by_key, t.by_link) {
            (None, ..) => "system",
            (Some(_), true, _) => "api_key",
            (Some(_), _, true) => "supplier_link",
            (Some(_), false, false) => "user",
        };
        let e = t.event;
        Self {
            id: e.id,
            action: e.action,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
            actor_kind: actor_kind.into(),
            actor_id: e.actor_user_id,
            actor_name: t.actor,
            before: e.before,
            after: e.after,
            created_at: e.created_at,
        }
    }
}
