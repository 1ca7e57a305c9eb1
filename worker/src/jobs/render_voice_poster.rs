//! `render_voice_poster`: renders a worker-voice poster, stores the PDF under its
//! deterministic key and marks the poster ready. A poster already ready is left
//! alone; a retry overwrites its own earlier file.

use anyhow::Context;
use domain::voice::posters::{self, RenderPoster};

use crate::runner::JobContext;

/// Runs the job.
pub async fn run(ctx: JobContext, job: RenderPoster) -> anyhow::Result<()> {
    let result = render_and_store(&ctx, &job).await;
    if let Err(error) = &result
        && ctx.is_last_attempt()
    {
        posters::mark_failed(&ctx.db, job.poster_id, &format!("{error:#}"))
            .await
            .context("recording the failure")?;
    }
    result
}

async fn render_and_store(ctx: &JobContext, job: &RenderPoster) -> anyhow::Result<()> {
    let data = posters::load(&ctx.db, job.poster_id)
        .await
        .with_context(|| format!("loading poster {}", job.poster_id))?;
    if data.poster.status == posters::status::READY {
        return Ok(());
    }
    let files = ctx
        .config
        .files
        .as_ref()
        .context("no file store is configured for posters")?;
    let key = posters::storage_key(&data.poster);
    let bytes = tokio::task::spawn_blocking(move || crate::poster::render(&data))
        .await
        .context("the poster renderer panicked")??;
    files.put(&key, bytes).await.map_err(anyhow::Error::msg)?;
    posters::mark_ready(&ctx.db, job.poster_id, &key)
        .await
        .context("marking the poster ready")?;
    Ok(())
}
