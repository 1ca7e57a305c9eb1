//! `send_scheduled_assessments`: the daily job that sends the recurring
//! assessments that are due. Idempotent per day: a schedule's next date moves on
//! in the same transaction as the send.

use std::sync::Arc;

use anyhow::Context;

use crate::runner::JobContext;

/// Runs the job.
pub async fn run(ctx: JobContext, _payload: serde_json::Value, public_url: Arc<str>) -> anyhow::Result<()> {
    let today = chrono::Utc::now().date_naive();
    let sent = domain::assessments::send_due(&ctx.db, today, &public_url)
        .await
        .context("sending the scheduled assessments")?;
    tracing::info!(sent, "scheduled assessments sent");
    Ok(())
}
