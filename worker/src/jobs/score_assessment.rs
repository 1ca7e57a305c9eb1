//! `score_assessment`: scores a submitted assessment (or re-scores one after a new
//! fee audit or new risk overrides). Idempotent: the use case matches findings
//! instead of duplicating them.

use anyhow::Context;
use domain::assessments::{self, ScoreAssessment};

use crate::runner::JobContext;

/// Runs the job.
pub async fn run(ctx: JobContext, job: ScoreAssessment) -> anyhow::Result<()> {
    let outcome = assessments::score_assessment(&ctx.db, job.assessment_id)
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
