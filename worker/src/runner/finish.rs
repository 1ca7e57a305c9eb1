//! Recording how an attempt ended: done, queued again with backoff, or failed for
//! good once `max_attempts` is spent.

use anyhow::Context;
use domain::{
    entities::job,
    jobs::status::{DONE, FAILED, QUEUED},
};
use sea_orm::{DatabaseConnection, EntityTrait, sea_query::Expr};

use super::{
    JobOutcome, JobResult,
    backoff::{millis, retry_delay},
    claim::held_by_us,
};
use crate::config::WorkerConfig;

/// `last_error` keeps the start of the message: enough to diagnose, bounded so a
/// huge error cannot bloat the table.
const MAX_ERROR_CHARS: usize = 2000;

/// Writes the attempt's result to the job row and says what became of the job.
pub(super) async fn record(
    db: &DatabaseConnection,
    config: &WorkerConfig,
    job: &job::Model,
    result: Result<(), String>,
    now: i64,
) -> anyhow::Result<JobOutcome> {
    let update = held_by_us(job::Entity::update_many(), config, job);
    let (update, outcome) = match result {
        Ok(()) => {
            let update = update
                .col_expr(job::Column::Status, Expr::value(DONE))
                .col_expr(job::Column::FinishedAt, Expr::value(now))
                .col_expr(job::Column::LeaseUntil, Expr::value(Option::<i64>::None));
            (update, JobResult::Done)
        }
        Err(error) => {
            let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
            let update = update
                .col_expr(job::Column::LastError, Expr::value(error))
                .col_expr(job::Column::LeaseUntil, Expr::value(Option::<i64>::None));
            if job.attempts >= job.max_attempts {
                let update = update
                    .col_expr(job::Column::Status, Expr::value(FAILED))
                    .col_expr(job::Column::FinishedAt, Expr::value(now));
                (update, JobResult::Failed)
            } else {
                let at = now + millis(retry_delay(config.backoff_base, config.backoff_max, job.attempts));
                let update = update
                    .col_expr(job::Column::Status, Expr::value(QUEUED))
                    .col_expr(job::Column::RunAt, Expr::value(at));
                (update, JobResult::Retry { at })
            }
        }
    };
    let updated = update.exec(db).await.context("recording the job's result")?;
    if updated.rows_affected == 0 {
        // The lease ran out and another attempt owns the row now; its result wins.
        tracing::warn!("the job was taken over by another runner; this attempt's result is dropped");
    }
    Ok(JobOutcome {
        id: job.id,
        kind: job.kind.clone(),
        result: outcome,
    })
}
