//! The enqueue side of the job queue (the runner lives in the `worker` crate).
//!
//! A job is a row in `jobs`, inserted with the caller's connection: pass the open
//! transaction and the job exists exactly when the change that caused it commits.
//! Payloads carry ids, not data, so a job always works on the current state.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use serde::{Serialize, de::DeserializeOwned};
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

/// A kind of background job. The trait ties the `kind` stored in `jobs.kind` to the
/// payload type its handler reads, so the two cannot drift apart: the domain
/// enqueues a value of the type, the worker's catalogue registers a handler for the
/// type, and the kind is written in one place, beside the payload. Payloads carry
/// ids, not data, so a job always works on the current state.
pub trait Job: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The stored kind (`score_assessment`, …).
    const KIND: &'static str;
}

/// A job that runs once per (UTC) day: the scheduler enqueues it for a day, keyed
/// `{kind}:{day}` so that no day runs twice.
pub trait Daily: Job {
    /// The job for `day`.
    fn for_day(day: NaiveDate) -> Self;
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

/// Queues `job` on `db` (a transaction or the pool) and returns its id.
pub async fn enqueue<C: ConnectionTrait, J: Job>(
    db: &C,
    job: &J,
    options: JobOptions,
) -> Result<Uuid, DomainError> {
    insert(db, J::KIND, serde_json::to_value(job)?, options).await
}

/// Queues a job of a kind no [`Job`] type names. Only for tests of the queue
/// itself (a kind no handler knows, a payload a handler cannot read).
#[doc(hidden)]
pub async fn enqueue_untyped<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    payload: serde_json::Value,
    options: JobOptions,
) -> Result<Uuid, DomainError> {
    insert(db, kind, payload, options).await
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    payload: serde_json::Value,
    options: JobOptions,
) -> Result<Uuid, DomainError> {
    let now = clock::now_millis();
    let id = Uuid::now_v7();
    job::ActiveModel {
        id: Set(id),
        kind: Set(kind.to_string()),
        payload: Set(payload),
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
