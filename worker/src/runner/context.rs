//! What a job handler receives, and what running one job came to.

use std::sync::Arc;

use domain::database::Database;
use uuid::Uuid;

use crate::{config::WorkerConfig, email::Mailer};

/// Everything a handler may use besides its payload.
#[derive(Clone)]
pub struct JobContext {
    /// The pool (not a transaction): a handler commits its own work.
    pub db: Database,
    /// The job being run.
    pub job_id: Uuid,
    /// 1 on the first try, counting up on each retry.
    pub attempt: i32,
    /// The attempt after which the job ends `failed`.
    pub max_attempts: i32,
    /// The runner's settings.
    pub config: Arc<WorkerConfig>,
    /// The mail transport, built once per runner.
    pub mailer: Arc<Mailer>,
}

impl JobContext {
    /// Whether an error now ends the job for good, so a handler can record its own
    /// failure state (e.g. mark an email `failed`) before giving up.
    pub fn is_last_attempt(&self) -> bool {
        self.attempt >= self.max_attempts
    }
}

/// What became of one claimed job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobOutcome {
    /// The job's id.
    pub id: Uuid,
    /// The job's kind.
    pub kind: String,
    /// Done, retried later, or given up.
    pub result: JobResult,
}

/// The state a run left the job in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobResult {
    /// The handler succeeded; the job is `done`.
    Done,
    /// The attempt failed; the job is `queued` again for `at` (epoch milliseconds).
    Retry {
        /// When the next attempt becomes due, epoch milliseconds.
        at: i64,
    },
    /// The last attempt failed; the job is `failed` with its `last_error`.
    Failed,
}
