//! Periodic jobs, once per period: a job's `unique_key` names its kind and period
//! (`send_reminders:2026-11-28`), and `jobs.unique_key` is UNIQUE, so a second
//! worker's insert for the same period is ignored.

use anyhow::Context;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::{
    DomainError,
    assessments::SendScheduledAssessments,
    entities::job,
    fee_audit::store::FetchFxRates,
    jobs::{self, Daily, JobOptions},
    notifications::{SendDigest, SendReminders},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, SqlErr};

/// Digests of this many days (today's included) are enqueued when missing, so a
/// worker outage of up to two days still delivers every day's digest; older ones
/// are dropped rather than flooding people after a long outage.
pub const DIGEST_CATCH_UP_DAYS: i64 = 3;

/// Enqueues the periodic jobs due at `now` that do not exist yet and says how
/// many it enqueued: today's reminders (a reminder run covers everything due or
/// overdue as of its day, so older missed days need no job of their own), today's
/// recurring assessments (likewise), today's FX fetch when a provider is
/// configured, and the digests of the last [`DIGEST_CATCH_UP_DAYS`] days.
pub async fn tick<C: ConnectionTrait>(db: &C, now: DateTime<Utc>, fetch_fx: bool) -> anyhow::Result<usize> {
    let today = now.date_naive();
    let mut enqueued = usize::from(once::<_, SendReminders>(db, today).await?);
    enqueued += usize::from(once::<_, SendScheduledAssessments>(db, today).await?);
    if fetch_fx {
        enqueued += usize::from(once::<_, FetchFxRates>(db, today).await?);
    }
    for back in (0..DIGEST_CATCH_UP_DAYS).rev() {
        enqueued += usize::from(once::<_, SendDigest>(db, today - Duration::days(back)).await?);
    }
    Ok(enqueued)
}

/// Enqueues the job `J` for `day` unless it was ever enqueued; `true` if this
/// call did. Looking first keeps the common case (already there) free of failed
/// inserts; the unique key settles the race between two workers.
async fn once<C: ConnectionTrait, J: Daily>(db: &C, day: NaiveDate) -> anyhow::Result<bool> {
    let key = format!("{}:{day}", J::KIND);
    let existing = job::Entity::find()
        .filter(job::Column::UniqueKey.eq(key.as_str()))
        .count(db)
        .await
        .context("looking for the period's job")?;
    if existing > 0 {
        return Ok(false);
    }
    let options = JobOptions {
        unique_key: Some(key),
        ..JobOptions::default()
    };
    match jobs::enqueue(db, &J::for_day(day), options).await {
        Ok(_) => Ok(true),
        Err(DomainError::Database(error))
            if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
        {
            Ok(false)
        }
        Err(error) => Err(error).context("enqueueing the period's job"),
    }
}
