//! Running many claimed jobs of one kind in one transaction.
//!
//! Scoring is mostly round trips and commits: one job alone is a claim, a write
//! transaction and a finish. A batch claims up to [`WorkerConfig::batch`] jobs at
//! once, does each job's work in a savepoint of one transaction, and marks the jobs
//! done in that same transaction, so their effects and their `done` commit together:
//! a crash before the commit leaves every job of the batch claimed but unfinished,
//! and its lease makes it run again (nothing was written); after the commit, none
//! runs again. A job whose step fails is rolled back to its savepoint and left out;
//! the runner then runs it alone, as any job, with its retries and backoff, so one
//! bad job cannot stop the others.

use std::panic::AssertUnwindSafe;

use anyhow::Context;
use domain::database::Database;
use domain::{entities::job, transaction::BeginWrite as _};
use futures_util::FutureExt;
use sea_orm::DatabaseTransaction;
use tracing::Instrument;

use super::{
    catalogue::{BatchStep, Batched, Prepared},
    finish, panic_message,
};
use crate::config::WorkerConfig;

/// What became of a batch: the jobs (by index into the batch) whose work and `done`
/// committed, and those the runner must run alone.
#[derive(Debug, Default)]
pub(super) struct Settled {
    /// Committed and marked done.
    pub(super) done: Vec<usize>,
    /// Not done by the batch (their step failed, or the batch was given up): still
    /// claimed by this runner, to be run alone.
    pub(super) alone: Vec<usize>,
}

/// Runs `step` for every job of `jobs` in one transaction and marks the ones that
/// succeeded done in it. An `Err` means the database failed around the batch
/// (begin, savepoint, marking, commit): nothing is known to be done, and the jobs
/// stay claimed until their lease runs out, exactly as when a worker dies.
pub(super) async fn run(
    db: &Database,
    config: &WorkerConfig,
    batched: &Batched,
    jobs: &[job::Model],
) -> anyhow::Result<Settled> {
    let txn = db.begin_write().await.context("starting a batch")?;
    let prepared: Prepared = match &batched.prepare {
        None => std::sync::Arc::new(()),
        Some(prepare) => {
            let payloads = jobs.iter().map(|job| job.payload.clone()).collect();
            match prepare(&txn, payloads).await {
                Ok(prepared) => prepared,
                Err(error) => {
                    // Nothing is written yet; each job runs alone, as after a failed step.
                    txn.rollback().await.context("giving up a batch")?;
                    tracing::warn!(error = %format!("{error:#}"), "reading a batch's inputs failed; its jobs run alone");
                    return Ok(Settled {
                        done: Vec::new(),
                        alone: (0..jobs.len()).collect(),
                    });
                }
            }
        }
    };
    let mut settled = Settled::default();
    for (index, job) in jobs.iter().enumerate() {
        let span =
            tracing::info_span!("job", job.id = %job.id, job.kind = %job.kind, job.attempt = job.attempts);
        match one(&txn, &batched.step, &prepared, job)
            .instrument(span.clone())
            .await?
        {
            Ok(()) => settled.done.push(index),
            Err(error) => {
                span.in_scope(
                    || tracing::warn!(error = %error, "job failed in its batch; it runs again on its own"),
                );
                settled.alone.push(index);
            }
        }
    }
    let done: Vec<&job::Model> = settled.done.iter().map(|&i| &jobs[i]).collect();
    let marked = finish::mark_done(&txn, config, &done, domain::clock::now_millis()).await?;
    if marked != done.len() as u64 {
        // A lease ran out and another runner holds one of the jobs now: its run
        // wins. Give the whole batch up (nothing of it is written) and let each job
        // run alone, where a job no longer ours is recognised and left alone.
        txn.rollback().await.context("giving up a batch")?;
        tracing::warn!(
            marked,
            expected = done.len(),
            "a job of the batch was taken over by another runner; the batch's jobs run alone"
        );
        return Ok(Settled {
            done: Vec::new(),
            alone: (0..jobs.len()).collect(),
        });
    }
    txn.commit().await.context("committing a batch")?;
    Ok(settled)
}

/// One job's step in a savepoint of `txn`: released when the step succeeds, rolled
/// back when it fails or panics (the outer `Err` is the database failing at the
/// savepoint itself; the inner one is the job's failure, as text).
async fn one(
    txn: &DatabaseTransaction,
    step: &BatchStep,
    prepared: &Prepared,
    job: &job::Model,
) -> anyhow::Result<Result<(), String>> {
    let savepoint = txn.begin_write().await.context("starting a job's savepoint")?;
    let work =
        AssertUnwindSafe(async { step(&savepoint, prepared, job.payload.clone()).await }).catch_unwind();
    let failure = match work.await {
        Ok(Ok(())) => None,
        Ok(Err(error)) => Some(format!("{error:#}")),
        Err(panic) => Some(format!("panicked: {}", panic_message(panic.as_ref()))),
    };
    match failure {
        None => {
            savepoint.commit().await.context("releasing a job's savepoint")?;
            Ok(Ok(()))
        }
        Some(error) => {
            savepoint
                .rollback()
                .await
                .context("rolling a failed job back to its savepoint")?;
            Ok(Err(error))
        }
    }
}
