//! Scoring end to end through the queue: one runner drains the queued
//! `score_assessment` jobs (`worker::Runner::run_until_idle`).

use std::time::Instant;

use anyhow::anyhow;
use domain::entities::{assessment, job};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::{env::BenchDb, stats::Samples};

/// What one drain measured.
#[derive(Debug, Clone, Default)]
pub struct ScoringFigures {
    /// `score_assessment` jobs queued before the drain.
    pub queued: u64,
    /// Jobs the runner ran (scoring may queue follow-ups, which it also runs).
    pub ran: usize,
    /// Assessments in `scored` afterwards.
    pub scored: u64,
    /// Scoring jobs that ended `failed`.
    pub failed: u64,
    /// Wall time of the whole drain, follow-up jobs (notifications, emails) included, seconds.
    pub secs: f64,
    /// From the start of the drain to the last scoring job's completion, seconds.
    pub score_secs: f64,
    /// Time between consecutive scoring completions (≈ per-assessment cost with one
    /// runner), seconds.
    pub per_assessment: Samples,
}

impl ScoringFigures {
    /// Assessments scored per second.
    pub fn per_sec(&self) -> f64 {
        if self.score_secs > 0.0 {
            self.scored as f64 / self.score_secs
        } else {
            0.0
        }
    }
}

/// Drains the queue with one runner and measures it.
pub async fn drain(db: &BenchDb) -> anyhow::Result<ScoringFigures> {
    let settings = db.settings("127.0.0.1:0")?;
    let config = fairhire::startup::worker_config(&settings)?;
    let runner = fairhire::startup::runner(db.db.clone(), config, &settings)?;
    let score = domain::jobs::kind::SCORE_ASSESSMENT;
    let queued = job::Entity::find()
        .filter(job::Column::Kind.eq(score))
        .count(&db.db)
        .await?;
    let start_ms = chrono::Utc::now().timestamp_millis();
    let start = Instant::now();
    let ran = runner.run_until_idle().await?;
    let secs = start.elapsed().as_secs_f64();
    let scored = assessment::Entity::find()
        .filter(assessment::Column::Status.eq(domain::assessments::status::SCORED))
        .count(&db.db)
        .await?;
    let failed = job::Entity::find()
        .filter(job::Column::Kind.eq(score))
        .filter(job::Column::Status.eq(domain::jobs::status::FAILED))
        .count(&db.db)
        .await?;
    let finished: Vec<i64> = job::Entity::find()
        .filter(job::Column::Kind.eq(score))
        .filter(job::Column::Status.eq(domain::jobs::status::DONE))
        .order_by_asc(job::Column::FinishedAt)
        .all(&db.db)
        .await?
        .into_iter()
        .filter_map(|j| j.finished_at)
        .collect();
    if finished.is_empty() && queued > 0 {
        return Err(anyhow!("no scoring job finished; {failed} failed"));
    }
    let score_secs = finished
        .last()
        .map_or(0.0, |last| (last - start_ms) as f64 / 1000.0);
    let per_assessment = Samples(
        finished
            .windows(2)
            .map(|w| (w[1] - w[0]) as f64 / 1000.0)
            .collect(),
    );
    Ok(ScoringFigures {
        queued,
        ran,
        scored,
        failed,
        secs,
        score_secs,
        per_assessment,
    })
}
