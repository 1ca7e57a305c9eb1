//! Recording how an attempt ended: done, queued again with backoff, or failed for
//! good once `max_attempts` is spent.

use anyhow::Context;
use domain::database::Database;
use domain::{
    entities::job,
    jobs::status::{DONE, FAILED, QUEUED, RUNNING},
};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

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
    db: &Database,
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

/// Marks `jobs` done in one statement on `db` (the batch's transaction, so the jobs
/// are done exactly when their work commits), each only if this runner still holds
/// the attempt it claimed (as [`record`] does for one job). Returns how many rows
/// changed: fewer than `jobs.len()` means another runner took one over.
pub(super) async fn mark_done<C: ConnectionTrait>(
    db: &C,
    config: &WorkerConfig,
    jobs: &[&job::Model],
    now: i64,
) -> anyhow::Result<u64> {
    if jobs.is_empty() {
        return Ok(0);
    }
    let attempts = jobs.iter().fold(Condition::any(), |any, job| {
        any.add(
            Condition::all()
                .add(job::Column::Id.eq(job.id))
                .add(job::Column::Attempts.eq(job.attempts)),
        )
    });
    let updated = job::Entity::update_many()
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LockedBy.eq(config.worker_id.as_str()))
        .filter(attempts)
        .col_expr(job::Column::Status, Expr::value(DONE))
        .col_expr(job::Column::FinishedAt, Expr::value(now))
        .col_expr(job::Column::LeaseUntil, Expr::value(Option::<i64>::None))
        .exec(db)
        .await
        .context("marking the batch's jobs done")?;
    Ok(updated.rows_affected)
}
