//! `render_statement`: renders the latest revision of a statement as PDF and
//! DOCX, stores both under that revision's keys and records them. A revision
//! already recorded (or a later one) is left alone; a retry overwrites its own files.

use anyhow::Context;
use domain::statements::{self, RenderStatement};

use crate::{
    runner::JobContext,
    statement::{self, Document},
};

/// Runs the job.
pub async fn run(ctx: JobContext, job: RenderStatement) -> anyhow::Result<()> {
    let files = ctx
        .config
        .files
        .as_ref()
        .context("no file store is configured for statements")?;
    let Some((view, company, title)) = statements::load_for_render(&ctx.db, job.statement_id)
        .await
        .context("loading the statement")?
    else {
        return Ok(());
    };
    let row = view.statement.clone();
    if row.rendered_revision.is_some_and(|done| done >= row.revision) {
        return Ok(());
    }
    // Rendering is CPU-bound: keep it off the async threads.
    let (pdf, docx) = tokio::task::spawn_blocking(move || {
        let document = Document {
            view: &view,
            company: &company,
            title: &title,
        };
        anyhow::Ok((statement::pdf(&document)?, statement::docx::render(&document)?))
    })
    .await
    .context("the renderer panicked")??;
    let pdf_key = statements::storage_key(&row, row.revision, "pdf");
    let docx_key = statements::storage_key(&row, row.revision, "docx");
    files.put(&pdf_key, pdf).await.map_err(anyhow::Error::msg)?;
    files.put(&docx_key, docx).await.map_err(anyhow::Error::msg)?;
    statements::mark_rendered(&ctx.db, row.id, row.revision, &pdf_key, &docx_key)
        .await
        .context("recording the rendered files")?;
    tracing::info!(statement_id = %row.id, revision = row.revision, "statement rendered");
    Ok(())
}
