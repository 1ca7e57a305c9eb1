//! `score_assessment`: scores a submitted assessment (or re-scores one after a new
//! fee audit or new risk overrides). Idempotent: the use case matches findings
//! instead of duplicating them.
//!
//! Runs in batches (`crate::runner::Catalogue::add_batched_loading`): [`load`]
//! reads the inputs of every assessment of the batch ahead, [`step`] scores on the
//! batch's transaction, [`run`] on its own; all go through the same use case and
//! loader, so a batch scores exactly as jobs run one by one do.

use anyhow::Context;
use domain::assessments::{self, ScoreAssessment, ScoringInputs};
use futures_util::{FutureExt, future::BoxFuture};
use sea_orm::DatabaseTransaction;

use crate::runner::JobContext;

/// Runs the job alone: the use case opens and commits its own transaction.
pub async fn run(ctx: JobContext, job: ScoreAssessment) -> anyhow::Result<()> {
    score(&ctx.db, job, None).await
}

/// Reads the inputs of every assessment of a batch ahead, a query per input for
/// all of them (on the batch's transaction, so their rows stay locked until it
/// commits).
pub fn load(
    txn: &DatabaseTransaction,
    jobs: Vec<ScoreAssessment>,
) -> BoxFuture<'_, anyhow::Result<ScoringInputs>> {
    async move {
        let ids: Vec<_> = jobs.iter().map(|job| job.assessment_id).collect();
        ScoringInputs::load(txn, &ids)
            .await
            .context("reading the inputs of a scoring batch")
    }
    .boxed()
}

/// Runs the job in a batch: the use case writes in a savepoint of the batch's
/// transaction, which the runner commits with the batch's jobs marked done.
pub fn step<'t>(
    txn: &'t DatabaseTransaction,
    ahead: &'t ScoringInputs,
    job: ScoreAssessment,
) -> BoxFuture<'t, anyhow::Result<()>> {
    score(txn, job, Some(ahead)).boxed()
}

async fn score<C>(db: &C, job: ScoreAssessment, ahead: Option<&ScoringInputs>) -> anyhow::Result<()>
where
    C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait,
{
    let outcome = assessments::score_assessment_from(db, job.assessment_id, ahead)
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
