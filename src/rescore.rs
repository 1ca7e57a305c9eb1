//! `fairhire rescore --all`: after an upgrade of the scoring model, every supplier
//! with a scored assessment is re-scored with the current model by the worker (a
//! stored result keeps the model it was computed with until then).

use domain::database::Database;
use domain::transaction::BeginWrite as _;

/// Queues one re-scoring job per supplier with a scored assessment, in one
/// transaction (all or none); returns how many.
pub async fn rescore_all(db: &Database) -> anyhow::Result<usize> {
    let txn = db.begin_write().await?;
    let queued = domain::assessments::rescore_all(&txn).await?;
    txn.commit().await?;
    Ok(queued)
}
