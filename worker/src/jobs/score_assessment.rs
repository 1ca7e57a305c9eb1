//! `score_assessment`: scores a submitted assessment (or re-scores one after a new
//! fee audit or new risk overrides). Idempotent: the use case matches findings
//! instead of duplicating them.
//!
//! Runs in batches (`crate::runner::Catalogue::add_batched`): [`step`] scores on
//! the batch's transaction, [`run`] on its own; both call the same use case, so a
//! batch scores exactly as jobs run one by one do.

use anyhow::Context;
use domain::assessments::{self, ScoreAssessment};
use futures_util::{FutureExt, future::BoxFuture};
use sea_orm::DatabaseTransaction;

use crate::runner::JobContext;

/// Runs the job alone: the use case opens and commits its own transaction.
pub async fn run(ctx: JobContext, job: ScoreAssessment) -> anyhow::Result<()> {
    score(&ctx.db, job).await
}

/// Runs the job in a batch: the use case writes in a savepoint of the batch's
/// transaction, which the runner commits with the batch's jobs marked done.
pub fn step(txn: &DatabaseTransaction, job: ScoreAssessment) -> BoxFuture<'_, anyhow::Result<()>> {
    score(txn, job).boxed()
}

async fn score<C>(db: &C, job: ScoreAssessment) -> anyhow::Result<()>
where
    C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait,
{
    let outcome = assessments::score_assessment(db, job.assessment_id)
        .await
        .with_context(|| format!("scoring assessment {}", job.assessment_id))?;
    match outcome {
        Some(scored) => tracing::info!(
            assessment_id = %job.assessment_id,
            band = scored.assessment.risk_band.as_deref().unwrap_or(""),
            new_findings = scored.new_findings.len(),
            "assessment scored"
        ),
        None => {
            tracing::info!(assessment_id = %job.assessment_id, "assessment not in a scorable state; nothing to do")
        }
    }
    Ok(())
}
