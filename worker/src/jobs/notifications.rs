//! The notification jobs: thin wrappers that open a transaction, call
//! `domain::notifications` and commit. The emails they queue
//! are keyed (`queue_once`), so a retry after a crash queues nothing twice.

use domain::transaction::BeginWrite as _;

use anyhow::Context;
use domain::notifications::{self, Event, SendDigest, SendReminders};

use crate::runner::JobContext;

/// `notify`: fans one domain event out to its recipients.
pub(super) async fn notify(ctx: JobContext, event: Event) -> anyhow::Result<()> {
    let txn = ctx.db.begin_write().await?;
    let queued = notifications::deliver(&txn, ctx.job_id, &event, &ctx.config.public_url).await?;
    txn.commit().await.context("committing the notifications")?;
    tracing::info!(queued, "notifications queued");
    Ok(())
}

/// `send_reminders`: the day's assessment and corrective-action reminders.
pub(super) async fn send_reminders(
    ctx: JobContext,
    SendReminders { day }: SendReminders,
) -> anyhow::Result<()> {
    let txn = ctx.db.begin_write().await?;
    let queued = notifications::queue_reminders(&txn, day, &ctx.config.public_url).await?;
    txn.commit().await.context("committing the reminders")?;
    tracing::info!(%day, queued, "reminders queued");
    Ok(())
}

/// `send_digest`: the findings digest for the day before the period's day.
pub(super) async fn send_digest(ctx: JobContext, SendDigest { day }: SendDigest) -> anyhow::Result<()> {
    let txn = ctx.db.begin_write().await?;
    let queued = notifications::queue_digests(&txn, day, &ctx.config.public_url).await?;
    txn.commit().await.context("committing the digests")?;
    tracing::info!(%day, queued, "digests queued");
    Ok(())
}
