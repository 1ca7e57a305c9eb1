//! What one delivery attempt did: a row in the delivery log, and the webhook's
//! failure streak. A webhook that fails [`DISABLE_AFTER`] attempts in a row is
//! disabled and the company's admins are told by email, so a dead endpoint does
//! not keep the queue busy for ever.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use uuid::Uuid;

use crate::{
    clock,
    email::{self, NewEmail, messages::WebhookDisabledMessage},
    entities::{organization, webhook, webhook_delivery},
    error::DomainError,
    notifications::recipients,
    values::Role,
};

/// Consecutive failed attempts after which a webhook is disabled.
pub const DISABLE_AFTER: i32 = 20;

/// The result of one HTTP attempt, as the deliverer saw it.
#[derive(Debug, Clone)]
pub struct AttemptOutcome {
    /// Which try of this event this was (1 first).
    pub attempt: i32,
    /// The response status, when a response came.
    pub status_code: Option<i32>,
    /// Time from sending to the end of the response (or the failure).
    pub duration_ms: i64,
    /// The start of the response body.
    pub response_snippet: Option<String>,
    /// Why no acceptable response came (timeout, refused address, …).
    pub error: Option<String>,
}

impl AttemptOutcome {
    /// A 2xx answer.
    pub fn succeeded(&self) -> bool {
        self.error.is_none() && self.status_code.is_some_and(|s| (200..300).contains(&s))
    }
}

/// Logs the attempt and updates the failure streak; returns the webhook as it now
/// is (inactive once disabled). Run it on a transaction.
pub async fn record_attempt<C: ConnectionTrait>(
    db: &C,
    hook: webhook::Model,
    event_id: Uuid,
    event: &str,
    outcome: &AttemptOutcome,
) -> Result<webhook::Model, DomainError> {
    webhook_delivery::ActiveModel {
        id: Set(Uuid::now_v7()),
        webhook_id: Set(hook.id),
        event_id: Set(event_id),
        event: Set(event.to_string()),
        attempt: Set(outcome.attempt),
        status_code: Set(outcome.status_code),
        duration_ms: Set(Some(outcome.duration_ms)),
        response_snippet: Set(outcome.response_snippet.clone()),
        error: Set(outcome.error.clone()),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    if outcome.succeeded() {
        if hook.consecutive_failures == 0 {
            return Ok(hook);
        }
        let mut active = hook.into_active_model();
        active.consecutive_failures = Set(0);
        return Ok(active.update(db).await?);
    }
    let failures = hook.consecutive_failures.saturating_add(1);
    let disable = hook.active && failures >= DISABLE_AFTER;
    let mut active = hook.into_active_model();
    active.consecutive_failures = Set(failures);
    if disable {
        active.active = Set(false);
    }
    let updated = active.update(db).await?;
    if disable {
        tell_admins(db, &updated).await?;
    }
    Ok(updated)
}

/// Whether this webhook already got this event (a retried job then sends nothing).
pub async fn already_delivered<C: ConnectionTrait>(
    db: &C,
    webhook_id: Uuid,
    event_id: Uuid,
) -> Result<bool, DomainError> {
    let rows = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::WebhookId.eq(webhook_id))
        .filter(webhook_delivery::Column::EventId.eq(event_id))
        .filter(webhook_delivery::Column::StatusCode.between(200, 299))
        .filter(webhook_delivery::Column::Error.is_null())
        .all(db)
        .await?;
    Ok(!rows.is_empty())
}

/// Queues the "webhook disabled" email to each admin of the company.
async fn tell_admins<C: ConnectionTrait>(db: &C, hook: &webhook::Model) -> Result<(), DomainError> {
    let Some(company) = organization::Entity::find_by_id(hook.company_id).one(db).await? else {
        return Ok(());
    };
    for admin in recipients::company_staff(db, &company, &[Role::Admin]).await? {
        email::queue(
            db,
            NewEmail::new(
                Some(company.id),
                admin.email,
                admin.locale,
                &WebhookDisabledMessage {
                    company_name: company.name.clone(),
                    url: hook.url.clone(),
                    failures: i64::from(hook.consecutive_failures),
                },
            )?,
        )
        .await?;
    }
    Ok(())
}
