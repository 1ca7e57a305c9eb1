//! Events a company's webhooks can subscribe to (api-contract.md, "Webhooks"), and
//! [`publish`] ([`publish_all`] for several), which records one and queues its deliveries.
//!
//! Call [`publish`] with the use case's open transaction: the event and its
//! `deliver_webhook` jobs exist exactly when the change that caused them commits,
//! so a rolled-back change announces nothing. The job carries ids only; the
//! stored event is the body, so every retry sends the same bytes.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    clock,
    entities::{webhook, webhook_event},
    error::DomainError,
    jobs::{self, JobOptions},
};

/// An assessment was submitted by its supplier.
pub const ASSESSMENT_SUBMITTED: &str = "assessment.submitted";
/// An assessment was scored (also after a re-scoring).
pub const ASSESSMENT_SCORED: &str = "assessment.scored";
/// A reviewer approved an assessment.
pub const ASSESSMENT_APPROVED: &str = "assessment.approved";
/// Scoring raised a new finding (one event per finding).
pub const FINDING_CREATED: &str = "finding.created";
/// An advisory report PDF is ready to download.
pub const REPORT_READY: &str = "report.ready";
/// A recruitment-fee audit was uploaded and stored.
pub const FEE_AUDIT_CREATED: &str = "fee_audit.created";
/// A supplier or recruiter resembles a name on a public forced-labour list (one event per new hit).
pub const SCREENING_HIT: &str = "screening.hit";
/// Sent by `POST /webhooks/{id}/test` to that webhook only; not subscribable.
pub const WEBHOOK_TEST: &str = "webhook.test";

/// Every event a webhook may subscribe to.
pub const ALL: [&str; 7] = [
    ASSESSMENT_SUBMITTED,
    ASSESSMENT_SCORED,
    ASSESSMENT_APPROVED,
    FINDING_CREATED,
    REPORT_READY,
    FEE_AUDIT_CREATED,
    SCREENING_HIT,
];

/// Attempts per delivery. The runner waits `backoff_base` (2 s in production)
/// doubling after each failure, so 12 attempts span about 68 minutes
/// (2 + 4 + … + 2048 s): well over the contract's 5 attempts in 10 minutes.
pub const DELIVERY_ATTEMPTS: i32 = 12;

/// The payload of a `deliver_webhook` job.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DeliverWebhook {
    /// The webhook to deliver to.
    pub webhook_id: Uuid,
    /// The stored event (`webhook_events`).
    pub event_id: Uuid,
}

impl jobs::Job for DeliverWebhook {
    const KIND: &'static str = "deliver_webhook";
}

/// Records `event` of company `company_id` with its `data` and queues one delivery
/// per active webhook of the company subscribed to it, all on `db` (pass the use
/// case's transaction). Returns the event id.
///
/// The report job announces a finished report like this, in its transaction:
///
/// ```no_run
/// # async fn announce(
/// #     txn: &sea_orm::DatabaseTransaction,
/// #     report: &domain::entities::report::Model,
/// # ) -> Result<(), domain::DomainError> {
/// domain::events::publish(txn, report.company_id, domain::events::REPORT_READY,
///     serde_json::json!({"report_id": report.id, "assessment_id": report.assessment_id})).await?;
/// # Ok(())
/// # }
/// ```
pub async fn publish<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    event: &str,
    data: serde_json::Value,
) -> Result<Uuid, DomainError> {
    let hooks = active_hooks(db, company_id).await?;
    publish_to(db, &hooks, company_id, event, data).await
}

/// [`publish`] for several events of one company, in order, with one look-up of
/// its webhooks instead of one per event (scoring announces a batch of findings).
pub async fn publish_all<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    events: Vec<(&str, serde_json::Value)>,
) -> Result<(), DomainError> {
    let hooks = active_hooks(db, company_id).await?;
    // The events in one multi-row `INSERT` (scoring announces ten findings at
    // once), their ids made here in order; then each one's deliveries.
    let now = clock::now();
    let mut recorded = Vec::with_capacity(events.len());
    let rows: Vec<_> = events
        .into_iter()
        .map(|(event, data)| {
            let id = Uuid::now_v7();
            recorded.push((id, event));
            webhook_event::ActiveModel {
                id: Set(id),
                company_id: Set(company_id),
                event: Set(event.to_string()),
                data: Set(data),
                created_at: Set(now),
            }
        })
        .collect();
    webhook_event::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    for (id, event) in recorded {
        for hook in hooks.iter().filter(|h| subscribes_to(h, event)) {
            enqueue_delivery(db, hook.id, id).await?;
        }
    }
    Ok(())
}

async fn active_hooks<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Vec<webhook::Model>, DomainError> {
    Ok(webhook::Entity::find()
        .filter(webhook::Column::CompanyId.eq(company_id))
        .filter(webhook::Column::Active.eq(true))
        .all(db)
        .await?)
}

/// Records the event and queues a delivery to each of `hooks` subscribed to it.
async fn publish_to<C: ConnectionTrait>(
    db: &C,
    hooks: &[webhook::Model],
    company_id: Uuid,
    event: &str,
    data: serde_json::Value,
) -> Result<Uuid, DomainError> {
    let id = record(db, company_id, event, data).await?;
    for hook in hooks.iter().filter(|h| subscribes_to(h, event)) {
        enqueue_delivery(db, hook.id, id).await?;
    }
    Ok(id)
}

/// Records a `webhook.test` event and queues its delivery to `webhook` alone.
pub async fn publish_test<C: ConnectionTrait>(db: &C, hook: &webhook::Model) -> Result<Uuid, DomainError> {
    let data = serde_json::json!({"webhook_id": hook.id, "message": "This is a test event from Fairhire."});
    let id = record(db, hook.company_id, WEBHOOK_TEST, data).await?;
    enqueue_delivery(db, hook.id, id).await?;
    Ok(id)
}

/// The body sent for a stored event: `{id, event, created_at, data}`.
pub fn body(event: &webhook_event::Model) -> serde_json::Value {
    serde_json::json!({
        "id": event.id,
        "event": event.event,
        "created_at": event.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": event.data,
    })
}

/// Whether the webhook's `events` list names `event`.
fn subscribes_to(hook: &webhook::Model, event: &str) -> bool {
    hook.events
        .as_array()
        .is_some_and(|list| list.iter().any(|e| e.as_str() == Some(event)))
}

async fn record<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    event: &str,
    data: serde_json::Value,
) -> Result<Uuid, DomainError> {
    let id = Uuid::now_v7();
    webhook_event::ActiveModel {
        id: Set(id),
        company_id: Set(company_id),
        event: Set(event.to_string()),
        data: Set(data),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    Ok(id)
}

async fn enqueue_delivery<C: ConnectionTrait>(
    db: &C,
    webhook_id: Uuid,
    event_id: Uuid,
) -> Result<(), DomainError> {
    jobs::enqueue(
        db,
        &DeliverWebhook { webhook_id, event_id },
        JobOptions {
            max_attempts: DELIVERY_ATTEMPTS,
            ..JobOptions::default()
        },
    )
    .await?;
    Ok(())
}
