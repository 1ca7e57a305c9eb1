//! The enqueue side of the job queue (the runner lives in the `worker` crate).
//!
//! A job is a row in `jobs`, inserted with the caller's connection: pass the open
//! transaction and the job exists exactly when the change that caused it commits.
//! Payloads carry ids, not data, so a job always works on the current state.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use serde::Serialize;
use uuid::Uuid;

use crate::{clock, entities::job, error::DomainError};

/// Job states as stored.
pub mod status {
    /// Waiting for `run_at`.
    pub const QUEUED: &str = "queued";
    /// Claimed by a runner until `lease_until`.
    pub const RUNNING: &str = "running";
    /// Finished successfully.
    pub const DONE: &str = "done";
    /// Gave up after `max_attempts`; kept for inspection.
    pub const FAILED: &str = "failed";
}

/// The job kinds the platform knows.
pub mod kind {
    /// Render and send one `outbound_emails` row.
    pub const SEND_EMAIL: &str = "send_email";
    /// Score a submitted assessment.
    pub const SCORE_ASSESSMENT: &str = "score_assessment";
    /// Render an advisory report PDF.
    pub const RENDER_REPORT: &str = "render_report";
    /// Send the recurring assessments that are due (daily).
    pub const SEND_SCHEDULED_ASSESSMENTS: &str = "send_scheduled_assessments";
    /// Fetch the day's FX rates from the configured provider (daily).
    pub const FETCH_FX_RATES: &str = "fetch_fx_rates";
    /// Deliver one event to one webhook.
    pub const DELIVER_WEBHOOK: &str = "deliver_webhook";
    /// Render a worker-voice poster PDF.
    pub const RENDER_VOICE_POSTER: &str = "render_voice_poster";
}

/// How a job should be queued.
#[derive(Debug, Clone)]
pub struct JobOptions {
    /// Attempts before the job ends `failed`.
    pub max_attempts: i32,
    /// Higher runs first.
    pub priority: i32,
    /// Earliest start, epoch milliseconds (now when `None`).
    pub run_at: Option<i64>,
    /// At most one job ever exists with this key (periodic jobs use one per period).
    pub unique_key: Option<String>,
}

impl Default for JobOptions {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            priority: 0,
            run_at: None,
            unique_key: None,
        }
    }
}

/// Queues a job on `db` (a transaction or the pool) and returns its id.
pub async fn enqueue<C: ConnectionTrait, P: Serialize>(
    db: &C,
    kind: &str,
    payload: &P,
    options: JobOptions,
) -> Result<Uuid, DomainError> {
    let now = clock::now_millis();
    let id = Uuid::now_v7();
    job::ActiveModel {
        id: Set(id),
        kind: Set(kind.to_string()),
        payload: Set(serde_json::to_value(payload)?),
        status: Set(status::QUEUED.to_string()),
        priority: Set(options.priority),
        attempts: Set(0),
        max_attempts: Set(options.max_attempts.max(1)),
        run_at: Set(options.run_at.unwrap_or(now)),
        lease_until: Set(None),
        locked_by: Set(None),
        unique_key: Set(options.unique_key),
        last_error: Set(None),
        created_at: Set(now),
        finished_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}
