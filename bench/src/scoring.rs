//! Scoring end to end through the queue: one `fairhire worker` process (the release
//! binary, as an operator runs it, with its default settings) takes the queued
//! `score_assessment` jobs; the harness watches the `jobs` table and stops the worker
//! once none is left queued or running.

use std::time::{Duration, Instant};

use anyhow::{anyhow, bail};
use domain::entities::{assessment, job};
use domain::jobs::status::{DONE, FAILED, QUEUED, RUNNING};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::{
    env::{BenchDb, Worker},
    stats::Samples,
};

/// How long the queue may go without a scoring job finishing before the run is
/// called stuck (a crashed worker, a deadlock): the harness fails instead of waiting.
const STALL: Duration = Duration::from_secs(120);

/// What one drain measured.
#[derive(Debug, Clone, Default)]
pub struct ScoringFigures {
    /// `score_assessment` jobs queued before the drain.
    pub queued: u64,
    /// Jobs of every kind the worker finished up to the last scoring job (scoring
    /// queues follow-ups: notifications, emails; the worker takes them as they come).
    pub ran: u64,
    /// Assessments in `scored` afterwards.
    pub scored: u64,
    /// Scoring jobs that ended `failed`.
    pub failed: u64,
    /// From the worker's spawn to the last scoring job's completion, seconds.
    pub score_secs: f64,
    /// Time between consecutive scoring completions (with several jobs at once this
    /// is the inverse of throughput, not one job's duration), seconds.
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

async fn count_scoring(db: &BenchDb, statuses: &[&str]) -> anyhow::Result<u64> {
    Ok(job::Entity::find()
        .filter(job::Column::Kind.eq(<domain::assessments::ScoreAssessment as domain::jobs::Job>::KIND))
        .filter(job::Column::Status.is_in(statuses.iter().copied()))
        .count(&db.db)
        .await?)
}

/// Runs one worker process until the scoring jobs are done, and measures it.
pub async fn drain(db: &BenchDb) -> anyhow::Result<ScoringFigures> {
    let score = <domain::assessments::ScoreAssessment as domain::jobs::Job>::KIND;
    let queued = count_scoring(db, &[QUEUED]).await?;
    let start_ms = chrono::Utc::now().timestamp_millis();
    // `BENCH_WORKER_CONCURRENCY=<n>` runs the worker with n slots instead of its
    // default, for comparing settings (the summary's figure uses the default).
    let slots = std::env::var("BENCH_WORKER_CONCURRENCY").ok();
    let extra: Vec<(&str, &str)> = slots
        .as_deref()
        .map(|n| ("FAIRHIRE_WORKER_CONCURRENCY", n))
        .into_iter()
        .collect();
    let mut worker = Worker::spawn(db, &extra)?;
    let mut left = queued;
    let mut last_progress = Instant::now();
    while left > 0 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if let Err(error) = worker.check_alive() {
            worker.stop();
            return Err(error);
        }
        let now_left = count_scoring(db, &[QUEUED, RUNNING]).await?;
        if now_left < left {
            last_progress = Instant::now();
        } else if last_progress.elapsed() > STALL {
            worker.stop();
            bail!("scoring stalled: {now_left} of {queued} jobs still queued or running");
        }
        left = now_left;
    }
    worker.stop();
    let scored = assessment::Entity::find()
        .filter(assessment::Column::Status.eq(domain::assessments::status::SCORED))
        .count(&db.db)
        .await?;
    let failed = count_scoring(db, &[FAILED]).await?;
    let finished: Vec<i64> = job::Entity::find()
        .filter(job::Column::Kind.eq(score))
        .filter(job::Column::Status.eq(DONE))
        .order_by_asc(job::Column::FinishedAt)
        .all(&db.db)
        .await?
        .into_iter()
        .filter_map(|j| j.finished_at)
        .collect();
    if finished.is_empty() && queued > 0 {
        return Err(anyhow!("no scoring job finished; {failed} failed"));
    }
    let last = finished.last().copied().unwrap_or(start_ms);
    let ran = job::Entity::find()
        .filter(job::Column::Status.eq(DONE))
        .filter(job::Column::FinishedAt.between(start_ms, last))
        .count(&db.db)
        .await?;
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
        score_secs: (last - start_ms) as f64 / 1000.0,
        per_assessment,
    })
}
