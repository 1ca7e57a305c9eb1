//! `render_evidence_pack`: assembles a pack's contents, renders its JSON and
//! PDF, reads every evidence file (checking each against its recorded SHA-256),
//! builds the ZIP with the manifest, stores the three files and marks the pack
//! ready (which queues the email in the same transaction). A failed attempt puts
//! the pack back to `queued` with the reason; the last one marks it `failed`, so
//! no pack stays `rendering`. A pack already ready is left alone.

use anyhow::Context;
use domain::database::Database;
use domain::{
    evidence_packs::{self, Format, PackContents, RenderEvidencePack, StoredFile},
    files::FileStore,
};
use uuid::Uuid;

use crate::{
    pack::{self, archive},
    runner::JobContext,
};

/// Runs the job.
pub async fn run(ctx: JobContext, job: RenderEvidencePack) -> anyhow::Result<()> {
    let result = match ctx.config.files.as_ref() {
        Some(files) => render_to_store(&ctx.db, files, job.pack_id).await,
        None => Err(anyhow::anyhow!("no file store is configured for evidence packs")),
    };
    if let Err(error) = &result {
        let why = format!("{error:#}");
        let recorded = if ctx.is_last_attempt() {
            evidence_packs::mark_failed(&ctx.db, job.pack_id, &why).await
        } else {
            evidence_packs::mark_requeued(&ctx.db, job.pack_id, &why).await
        };
        recorded.context("recording the failure")?;
    }
    result
}

/// Renders pack `pack_id` and stores its files (the job's work).
pub async fn render_to_store(db: &Database, files: &FileStore, pack_id: Uuid) -> anyhow::Result<()> {
    let Some(row) = evidence_packs::start_rendering(db, pack_id)
        .await
        .context("starting the rendering")?
    else {
        return Ok(());
    };
    let contents = evidence_packs::assemble_contents(db, &row)
        .await
        .with_context(|| format!("assembling evidence pack {pack_id}"))?;
    let mut evidence = Vec::with_capacity(contents.evidence.len());
    for line in &contents.evidence {
        let bytes = files
            .get(&line.storage_key)
            .await
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("reading evidence file {}", line.id))?;
        let computed = archive::sha256_hex(&bytes);
        if !line.sha256.is_empty() && !line.sha256.eq_ignore_ascii_case(&computed) {
            anyhow::bail!(
                "evidence file {} ({}) does not match its recorded SHA-256",
                line.id,
                line.filename
            );
        }
        evidence.push((line.zip_path.clone(), bytes, computed));
    }
    let mut contents = contents;
    // A file recorded without its hash is indexed with the hash of its bytes.
    for (line, (_, _, computed)) in contents.evidence.iter_mut().zip(&evidence) {
        line.sha256.clone_from(computed);
    }
    // Rendering is CPU-bound: keep it off the async threads.
    let (json, pdf, zip) = tokio::task::spawn_blocking(move || render(&contents, evidence))
        .await
        .context("the renderer panicked")??;
    let json = store(files, &row, Format::Json, json).await?;
    let pdf = store(files, &row, Format::Pdf, pdf).await?;
    let zip = store(files, &row, Format::Zip, zip).await?;
    evidence_packs::mark_ready(db, pack_id, json, pdf, zip)
        .await
        .context("marking the pack ready")?;
    tracing::info!(%pack_id, "evidence pack ready");
    Ok(())
}

type Rendered = (Vec<u8>, Vec<u8>, Vec<u8>);

fn render(contents: &PackContents, evidence: Vec<(String, Vec<u8>, String)>) -> anyhow::Result<Rendered> {
    let json = serde_json::to_vec_pretty(contents)?;
    let pdf = pack::pdf(contents)?;
    let mut entries = vec![
        ("evidence-pack.pdf".to_string(), pdf.clone()),
        ("evidence-pack.json".to_string(), json.clone()),
    ];
    entries.extend(evidence.into_iter().map(|(path, bytes, _)| (path, bytes)));
    let zip = archive::build(contents.pack_id, &entries)?;
    Ok((json, pdf, zip))
}

async fn store(
    files: &FileStore,
    row: &domain::entities::evidence_pack::Model,
    format: Format,
    bytes: Vec<u8>,
) -> anyhow::Result<StoredFile> {
    let key = evidence_packs::storage_key(row, format);
    let stored = StoredFile {
        key: key.clone(),
        size: i64::try_from(bytes.len())?,
        sha256: archive::sha256_hex(&bytes),
    };
    files.put(&key, bytes).await.map_err(anyhow::Error::msg)?;
    Ok(stored)
}
