//! `render_report`: renders an advisory report PDF, stores it under its
//! deterministic key, and marks the report ready (which queues the email and the
//! `report.ready` webhook in the same transaction). Idempotent: a report already
//! ready is left alone; a retry overwrites its own earlier file.

use anyhow::Context;
use domain::database::Database;
use domain::{
    files::FileStore,
    reports::{self, RenderReport, status},
};
use uuid::Uuid;

use crate::{report, runner::JobContext};

/// Runs the job.
pub async fn run(ctx: JobContext, job: RenderReport) -> anyhow::Result<()> {
    let result = render_and_store(&ctx, &job).await;
    if let Err(error) = &result
        && ctx.is_last_attempt()
    {
        reports::mark_failed(&ctx.db, job.report_id, &format!("{error:#}"))
            .await
            .context("recording the failure")?;
    }
    result
}

async fn render_and_store(ctx: &JobContext, job: &RenderReport) -> anyhow::Result<()> {
    let files = ctx
        .config
        .files
        .as_ref()
        .context("no file store is configured for reports")?;
    render_to_store(&ctx.db, files, job.report_id).await
}

/// Renders report `report_id`, stores the PDF under its deterministic key and
/// marks the report ready (the job's work, also used by `fairhire demo`). A
/// report already ready is left alone.
pub async fn render_to_store(db: &Database, files: &FileStore, report_id: Uuid) -> anyhow::Result<()> {
    let data = reports::load_report_data(db, report_id)
        .await
        .with_context(|| format!("loading report {report_id}"))?;
    if data.report.status == status::READY {
        return Ok(());
    }
    // Rendering is CPU-bound: keep it off the async threads.
    let rendered = tokio::task::spawn_blocking(move || report::render(&data).map(|r| (r.bytes, data)))
        .await
        .context("the renderer panicked")??;
    let (bytes, data) = rendered;
    let key = reports::storage_key(&data.report);
    files.put(&key, bytes).await.map_err(anyhow::Error::msg)?;
    reports::mark_ready(db, report_id, &key)
        .await
        .context("marking the report ready")?;
    tracing::info!(%report_id, "report ready");
    Ok(())
}
