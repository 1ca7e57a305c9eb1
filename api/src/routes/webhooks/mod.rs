//! Webhooks (api-contract.md, "Webhooks"): a company's officers and admins
//! subscribe URLs to events, read the delivery log, send a test event, disable or
//! delete a subscription. The secret is write-only: only a hint comes back.

pub mod create;
pub mod delete;
pub mod deliveries;
pub mod list;
pub mod send_test;
pub mod update;

use chrono::{DateTime, Utc};
use domain::database::Connection;
use domain::{
    access::Caller,
    entities::{webhook, webhook_delivery},
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;

/// A webhook as the API shows it (never the secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookResponse {
    /// The subscription's id, for its deliveries, test and deletion.
    pub id: Uuid,
    /// The company.
    pub company_id: Uuid,
    /// Where events are POSTed.
    pub url: String,
    /// The subscribed events.
    pub events: Vec<String>,
    /// The last characters of the signing secret, e.g. `…f00d`.
    pub secret_hint: String,
    /// Whether events are delivered (false once disabled).
    pub active: bool,
    /// Failed attempts in a row; the webhook is disabled at 20.
    pub consecutive_failures: i32,
    /// Created.
    pub created_at: DateTime<Utc>,
}

impl From<webhook::Model> for WebhookResponse {
    fn from(w: webhook::Model) -> Self {
        Self {
            id: w.id,
            company_id: w.company_id,
            url: w.url,
            events: w
                .events
                .as_array()
                .map(|list| {
                    list.iter()
                        .filter_map(|e| e.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            secret_hint: domain::webhooks::secret_hint(&w.secret),
            active: w.active,
            consecutive_failures: w.consecutive_failures,
            created_at: w.created_at,
        }
    }
}

/// One delivery attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryResponse {
    /// This delivery attempt's id (the event's own id is sent as `Fairhire-Delivery`).
    pub id: Uuid,
    /// The event delivered (its `id` in the body).
    pub event_id: Uuid,
    /// The event name.
    pub event: String,
    /// Which try of this event (1 first).
    pub attempt: i32,
    /// The receiver's status code; `null` when no response came.
    pub status_code: Option<i32>,
    /// How long the attempt took.
    pub duration_ms: Option<i64>,
    /// The start of the response body.
    pub response_snippet: Option<String>,
    /// Why the attempt failed without a response (timeout, refused address…).
    pub error: Option<String>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

impl From<webhook_delivery::Model> for DeliveryResponse {
    fn from(d: webhook_delivery::Model) -> Self {
        Self {
            id: d.id,
            event_id: d.event_id,
            event: d.event,
            attempt: d.attempt,
            status_code: d.status_code,
            duration_ms: d.duration_ms,
            response_snippet: d.response_snippet,
            error: d.error,
            created_at: d.created_at,
        }
    }
}

/// The webhook `id` when the caller manages its company; another tenant's (or a
/// missing) webhook is a 404, a lesser role in the same company a 403.
pub(crate) async fn managed_webhook<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<webhook::Model, ApiError> {
    Ok(domain::webhooks::managed(db, caller, id).await?)
}
