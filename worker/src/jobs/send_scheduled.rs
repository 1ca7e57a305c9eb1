//! `send_scheduled_assessments`: the daily job that sends the recurring
//! assessments that are due. Idempotent per day: a schedule's next date moves on
//! in the same transaction as the send.

use anyhow::Context;
use domain::assessments::SendScheduledAssessments;

use crate::runner::JobContext;

/// Runs the job. The schedules due as of the moment it runs are sent (a day
/// missed while every worker was down is caught up by the next run).
pub async fn run(ctx: JobContext, _job: SendScheduledAssessments) -> anyhow::Result<()> {
    let today = chrono::Utc::now().date_naive();
    let sent = domain::assessments::send_due(&ctx.db, today, &ctx.config.public_url)
        .await
        .context("sending the scheduled assessments")?;
    tracing::info!(sent, "scheduled assessments sent");
    Ok(())
}
