//! A company's webhooks: subscribing a URL to events, and what each delivery
//! attempt did to the subscription (the log, the failure streak, disabling).
//!
//! The HTTP request itself is the worker's (`deliver_webhook`); this module decides
//! what is allowed ([`target`]), how a body is signed ([`signature`]) and what an
//! attempt's outcome means ([`record_attempt`]).

pub mod signature;
pub mod target;

mod deliveries;
mod manage;
mod read;

pub use crate::listing::Window;
pub use deliveries::{AttemptOutcome, DISABLE_AFTER, already_delivered, record_attempt};
pub use manage::{delete_webhook, send_test_event, switch_webhook};
pub use read::{deliveries_of, webhooks_of};

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use uuid::Uuid;

use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::{webhook, webhook_delivery},
    error::{DomainError, FieldError},
    events,
};

/// The shortest secret accepted: receivers verify with it, so it must not be
/// guessable.
pub const MIN_SECRET_CHARS: usize = 16;

/// A subscription as submitted.
#[derive(Debug, Clone)]
pub struct NewWebhook {
    /// The company.
    pub company_id: Uuid,
    /// Where to POST (already checked with [`target::resolve`]).
    pub url: String,
    /// The events, each one of [`events::ALL`].
    pub events: Vec<String>,
    /// The signing secret.
    pub secret: String,
    /// Who subscribes.
    pub actor: Uuid,
}

/// Checks the events and secret (every problem listed) and returns the events
/// without duplicates, in the order given.
pub fn check(events: &[String], secret: &str) -> Result<Vec<String>, DomainError> {
    let mut errors = Vec::new();
    if events.is_empty() {
        errors.push(FieldError::new("events", "name at least one event"));
    }
    for (i, event) in events.iter().enumerate() {
        if !events::ALL.contains(&event.as_str()) {
            errors.push(FieldError::new(
                format!("events[{i}]"),
                format!("unknown event; use one of {}", events::ALL.join(", ")),
            ));
        }
    }
    // A secret is typed or pasted on one line; a control character in it is a
    // copying accident (or an attack), never part of a key.
    if let Err(message) = crate::values::refuse_control_characters(secret, crate::values::Lines::One) {
        errors.push(FieldError::new("secret", message));
    } else if secret.chars().count() < MIN_SECRET_CHARS {
        errors.push(FieldError::new(
            "secret",
            format!("must be at least {MIN_SECRET_CHARS} characters"),
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let mut unique: Vec<String> = Vec::new();
    for event in events {
        if !unique.contains(event) {
            unique.push(event.clone());
        }
    }
    Ok(unique)
}

/// Stores the subscription (active) and records it in the audit trail.
pub async fn create<C: ConnectionTrait>(db: &C, new: NewWebhook) -> Result<webhook::Model, DomainError> {
    let events = check(&new.events, &new.secret)?;
    let row = webhook::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(new.company_id),
        url: Set(new.url),
        events: Set(serde_json::json!(events)),
        secret: Set(new.secret),
        active: Set(true),
        consecutive_failures: Set(0),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(new.actor),
            action: "webhook.created",
            entity_type: "webhook",
            entity_id: Some(row.id),
            before: None,
            // Never the secret.
            after: Some(serde_json::json!({"url": row.url, "events": row.events})),
        },
    )
    .await?;
    Ok(row)
}

/// The webhook `id` when the caller manages its company. Another tenant's (or a
/// missing) webhook is `NotFound`, a lesser role in the same company `Forbidden`
/// — the API and the portal both load webhooks through here.
pub async fn managed<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<webhook::Model, DomainError> {
    let row = webhook::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("webhook"))?;
    caller
        .company_role(row.company_id)
        .map_err(|_| DomainError::NotFound("webhook"))?;
    caller.company_manager(row.company_id)?;
    Ok(row)
}

/// Disables (`false`: no more deliveries) or re-enables the webhook; re-enabling
/// clears the failure streak, so one more failure does not disable it again.
pub async fn set_active<C: ConnectionTrait>(
    db: &C,
    hook: webhook::Model,
    active: bool,
) -> Result<webhook::Model, DomainError> {
    let mut change = hook.into_active_model();
    change.active = Set(active);
    if active {
        change.consecutive_failures = Set(0);
    }
    Ok(change.update(db).await?)
}

/// Deletes the webhook with its delivery log, and records it in the audit trail.
pub async fn delete<C: ConnectionTrait>(
    db: &C,
    hook: webhook::Model,
    actor: Uuid,
) -> Result<(), DomainError> {
    // The log first: the foreign key cascades on PostgreSQL, but SQLite only
    // enforces it when the connection asks to.
    webhook_delivery::Entity::delete_many()
        .filter(webhook_delivery::Column::WebhookId.eq(hook.id))
        .exec(db)
        .await?;
    webhook::Entity::delete_by_id(hook.id).exec(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(hook.company_id),
            actor_user_id: Some(actor),
            action: "webhook.deleted",
            entity_type: "webhook",
            entity_id: Some(hook.id),
            before: Some(serde_json::json!({"url": hook.url, "events": hook.events})),
            after: None,
        },
    )
    .await
}

/// The last characters of a secret, so an officer can tell which one is set
/// without the API ever returning it.
pub fn secret_hint(secret: &str) -> String {
    let tail: String = secret
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("…{tail}")
}
