//! Taking a due job, and keeping it while it runs.
//!
//! Runners coordinate only through the `jobs` table: a claim is one atomic
//! `UPDATE … RETURNING`, and a claim carries a lease. A job whose lease ran out
//! (its runner died or hangs) is due again, which is how a killed worker's job
//! still completes.

use std::{future::Future, pin::pin, time::Duration};

use anyhow::{Context, bail};
use domain::database::Database;
use domain::{
    entities::job,
    jobs::status::{QUEUED, RUNNING},
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, QueryFilter, Statement,
    sea_query::Expr,
};

use super::backoff::millis;
use crate::config::WorkerConfig;

/// Claims the most urgent due job for this runner: sets it `running`, counts the
/// attempt and stamps the lease. `None` when nothing is due.
pub(super) async fn claim(
    db: &Database,
    config: &WorkerConfig,
    now: i64,
) -> anyhow::Result<Option<job::Model>> {
    let mut claimed = claim_up_to(db, config, None, 1, now).await?;
    Ok(claimed.pop())
}

/// Claims up to `limit` more due jobs of `kind` for this runner, most urgent first,
/// in one statement (a batch: see `super::batch`). Each is claimed exactly as
/// [`claim`] claims one: attempt counted, lease stamped.
pub(super) async fn claim_more(
    db: &Database,
    config: &WorkerConfig,
    kind: &str,
    limit: usize,
    now: i64,
) -> anyhow::Result<Vec<job::Model>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    claim_up_to(db, config, Some(kind), limit, now).await
}

/// The claim itself: one atomic `UPDATE … RETURNING` of up to `limit` due jobs
/// (of `kind` when given).
async fn claim_up_to(
    db: &Database,
    config: &WorkerConfig,
    kind: Option<&str>,
    limit: usize,
    now: i64,
) -> anyhow::Result<Vec<job::Model>> {
    let backend = db.get_database_backend();
    // PostgreSQL runs many workers against one queue: SKIP LOCKED lets each take
    // different rows instead of queueing behind the first. SQLite serialises
    // writers, so the single UPDATE…RETURNING is already atomic there.
    let (lock, placeholder) = match backend {
        DatabaseBackend::Postgres => (" FOR UPDATE SKIP LOCKED", "$"),
        DatabaseBackend::Sqlite => ("", "?"),
        other => bail!("the job queue does not support {other:?}"),
    };
    let of_kind = if kind.is_some() { " AND kind = $4" } else { "" };
    let sql = format!(
        "UPDATE jobs SET status = '{RUNNING}', attempts = attempts + 1, lease_until = $1, locked_by = $2 \
         WHERE id IN (SELECT id FROM jobs \
           WHERE ((status = '{QUEUED}' AND run_at <= $3) OR (status = '{RUNNING}' AND lease_until < $3)){of_kind} \
           ORDER BY priority DESC, run_at LIMIT {limit}{lock}) \
         RETURNING *"
    )
    // SQLite numbers parameters `?1`, PostgreSQL `$1`; both allow reuse of `3`.
    .replace('$', placeholder);
    let mut values: Vec<sea_orm::Value> = vec![
        (now + millis(config.lease)).into(),
        config.worker_id.clone().into(),
        now.into(),
    ];
    if let Some(kind) = kind {
        values.push(kind.into());
    }
    let statement = Statement::from_sql_and_values(backend, sql, values);
    let mut claimed = job::Model::find_by_statement(statement)
        .all(db)
        .await
        .context("claiming jobs")?;
    // RETURNING gives no order: most urgent first, as claimed.
    claimed.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.run_at.cmp(&b.run_at)));
    Ok(claimed)
}

/// Gives back the jobs `worker_id` still holds (a runner stopping before its job
/// finished): they are due again at once instead of when their lease runs out.
/// The attempt already counted stays counted. Returns how many were released.
pub async fn release(db: &Database, worker_id: &str) -> anyhow::Result<u64> {
    let released = job::Entity::update_many()
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LockedBy.eq(worker_id))
        .col_expr(job::Column::Status, Expr::value(QUEUED))
        .col_expr(job::Column::RunAt, Expr::value(domain::clock::now_millis()))
        .col_expr(job::Column::LeaseUntil, Expr::value(Option::<i64>::None))
        .exec(db)
        .await
        .context("releasing the jobs this runner holds")?;
    Ok(released.rows_affected)
}

/// Runs `work` while renewing the leases of `jobs` (the one job a slot runs, or a
/// batch) every third of the lease's length, so work that legitimately takes
/// longer than the lease is not taken over by another runner. A failed renewal is
/// logged and tried again at the next tick.
pub(super) async fn hold_lease<F: Future>(
    db: &Database,
    config: &WorkerConfig,
    jobs: &[job::Model],
    work: F,
) -> F::Output {
    let every = (config.lease / 3).max(Duration::from_millis(100));
    let mut ticker = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    let mut work = pin!(work);
    loop {
        tokio::select! {
            output = &mut work => return output,
            _ = ticker.tick() => {
                for job in jobs {
                    if let Err(error) = renew(db, config, job).await {
                        tracing::warn!(job.id = %job.id, error = %format!("{error:#}"), "could not renew the job's lease");
                    }
                }
            }
        }
    }
}

/// Pushes `lease_until` forward if this runner still holds this attempt.
async fn renew(db: &Database, config: &WorkerConfig, job: &job::Model) -> anyhow::Result<()> {
    let until = domain::clock::now_millis() + millis(config.lease);
    let updated = held_by_us(job::Entity::update_many(), config, job)
        .col_expr(job::Column::LeaseUntil, Expr::value(until))
        .exec(db)
        .await
        .context("renewing the lease")?;
    if updated.rows_affected == 0 {
        tracing::warn!(job.id = %job.id, "the job's lease was lost to another runner");
    }
    Ok(())
}

/// Restricts an update to the attempt this runner claimed: once the lease expired
/// and someone else (or this runner, later) claimed the job again, the old attempt
/// must not touch the row.
pub(super) fn held_by_us(
    update: sea_orm::UpdateMany<job::Entity>,
    config: &WorkerConfig,
    job: &job::Model,
) -> sea_orm::UpdateMany<job::Entity> {
    update
        .filter(job::Column::Id.eq(job.id))
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LockedBy.eq(config.worker_id.as_str()))
        .filter(job::Column::Attempts.eq(job.attempts))
}
