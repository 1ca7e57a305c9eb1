//! The job runner: claims due jobs from the `jobs` table, runs their handler,
//! records the result, retries failures with exponential backoff and gives up
//! (`failed`) after `max_attempts`. Kinds with a batch step (scoring) are claimed,
//! run and finished many at a time (`batch`).

mod backoff;
mod batch;
#[cfg(test)]
mod batch_tests;
mod catalogue;
mod claim;
#[cfg(test)]
mod concurrency_tests;
mod context;
mod finish;
#[cfg(test)]
mod tests;

use std::{any::Any, future::Future, panic::AssertUnwindSafe, sync::Arc};

use anyhow::Context;
use domain::database::Database;
use domain::entities::job;
use futures_util::FutureExt;
use tokio::{sync::watch, task::JoinSet};
use tracing::Instrument;

pub use backoff::retry_delay;
pub use catalogue::Catalogue;
pub use claim::release;
pub use context::{JobContext, JobOutcome, JobResult};

use crate::{config::WorkerConfig, email, scheduler};

/// Told of every finished attempt: the job's kind, what became of it, and how long
/// the handler ran (the binary feeds its metrics from this).
pub type JobObserver = Arc<dyn Fn(&str, &JobResult, std::time::Duration) + Send + Sync>;

/// Runs jobs of the kinds registered on it. Several runners (in one or many
/// processes) may share a database; each needs its own `worker_id`.
pub struct Runner {
    db: Database,
    config: Arc<WorkerConfig>,
    mailer: Arc<email::Mailer>,
    catalogue: Catalogue,
    observer: Option<JobObserver>,
}

impl Runner {
    /// A runner of the jobs in `catalogue` (the platform's is
    /// [`crate::jobs::catalogue`]). Fails when the mail settings are unusable (bad
    /// sender address, TLS setup).
    pub fn new(db: Database, config: WorkerConfig, catalogue: Catalogue) -> anyhow::Result<Runner> {
        let mailer = email::Mailer::new(&config.mail).context("setting up email delivery")?;
        Ok(Runner {
            db,
            config: Arc::new(config),
            mailer: Arc::new(mailer),
            catalogue,
            observer: None,
        })
    }

    /// Sets the base of links in the emails this runner's jobs write
    /// (`FAIRHIRE_PUBLIC_URL`).
    pub fn set_public_url(&mut self, public_url: &str) {
        Arc::make_mut(&mut self.config).public_url = public_url.trim_end_matches('/').to_string();
    }

    /// One scheduler tick as of `now`: enqueues the periodic jobs of that period
    /// that do not exist yet, and says how many. The loop in [`Runner::run`] calls
    /// it every minute; tests call it to drive a period deterministically.
    pub async fn tick_scheduler(&self, now: chrono::DateTime<chrono::Utc>) -> anyhow::Result<usize> {
        scheduler::tick(&self.db, now, self.config.fx_url.is_some()).await
    }

    /// Adds (or replaces) the handler of a kind no job type names, taking the raw
    /// payload. Only for tests of the runner and the queue; the platform's
    /// handlers come from [`crate::jobs::catalogue`].
    #[doc(hidden)]
    pub fn register<F, Fut>(&mut self, kind: &'static str, handler: F)
    where
        F: Fn(JobContext, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        self.catalogue.add_untyped(kind, handler);
    }

    /// Adds (or replaces) the batch step of a kind no job type names, taking the raw
    /// payload (see [`Catalogue::add_batched`]). Only for tests of the runner.
    #[doc(hidden)]
    pub fn register_batched<F>(&mut self, kind: &'static str, step: F)
    where
        F: for<'t> Fn(
                &'t sea_orm::DatabaseTransaction,
                serde_json::Value,
            ) -> futures_util::future::BoxFuture<'t, anyhow::Result<()>>
            + Send
            + Sync
            + 'static,
    {
        self.catalogue.add_batched_untyped(kind, step);
    }

    /// This runner's settings.
    pub fn config(&self) -> &WorkerConfig {
        &self.config
    }

    /// Calls `observer` after each attempt is recorded (metrics).
    pub fn set_observer(&mut self, observer: JobObserver) {
        self.observer = Some(observer);
    }

    /// Claims and runs one due job, alone (never in a batch); `None` when nothing
    /// is due. An `Err` means the database could not be reached, never that the job
    /// failed.
    pub async fn run_once(&self) -> anyhow::Result<Option<JobOutcome>> {
        let Some(job) = claim::claim(&self.db, &self.config, domain::clock::now_millis()).await? else {
            return Ok(None);
        };
        self.run_alone(&job).await.map(Some)
    }

    /// Claims the most urgent due job and runs it; when its kind runs in batches,
    /// claims up to [`WorkerConfig::batch`] due jobs of that kind with it and runs
    /// them together. Returns what became of each (empty when nothing is due). An
    /// `Err` means the database could not be reached, never that a job failed.
    pub async fn run_next(&self) -> anyhow::Result<Vec<JobOutcome>> {
        let now = domain::clock::now_millis();
        let Some(first) = claim::claim(&self.db, &self.config, now).await? else {
            return Ok(Vec::new());
        };
        let step = self.catalogue.batch_steps.get(first.kind.as_str()).cloned();
        let Some(step) = step.filter(|_| self.config.batch > 1) else {
            return Ok(vec![self.run_alone(&first).await?]);
        };
        let more = claim::claim_more(&self.db, &self.config, &first.kind, self.config.batch - 1, now).await?;
        if more.is_empty() {
            return Ok(vec![self.run_alone(&first).await?]);
        }
        let mut jobs = Vec::with_capacity(more.len() + 1);
        jobs.push(first);
        jobs.extend(more);
        self.run_batch(&step, jobs).await
    }

    /// Runs a claimed batch (see `batch`): the jobs whose work committed are done;
    /// each of the others then runs alone.
    async fn run_batch(
        &self,
        step: &catalogue::Batched,
        jobs: Vec<job::Model>,
    ) -> anyhow::Result<Vec<JobOutcome>> {
        let started = std::time::Instant::now();
        let settled = claim::hold_lease(
            &self.db,
            &self.config,
            &jobs,
            batch::run(&self.db, &self.config, step, &jobs),
        )
        .await?;
        // The observer counts each job's share of the batch's time.
        let share = started.elapsed() / u32::try_from(jobs.len()).unwrap_or(u32::MAX).max(1);
        tracing::info!(jobs = jobs.len(), done = settled.done.len(), "batch done");
        let mut outcomes = Vec::with_capacity(jobs.len());
        for &index in &settled.done {
            let outcome = JobOutcome {
                id: jobs[index].id,
                kind: jobs[index].kind.clone(),
                result: JobResult::Done,
            };
            if let Some(observer) = &self.observer {
                observer(&outcome.kind, &outcome.result, share);
            }
            outcomes.push(outcome);
        }
        for &index in &settled.alone {
            outcomes.push(self.run_alone(&jobs[index]).await?);
        }
        Ok(outcomes)
    }

    /// Runs one claimed job with its handler and records how it ended.
    async fn run_alone(&self, job: &job::Model) -> anyhow::Result<JobOutcome> {
        // Ids only: payloads and errors may carry addresses or tokens.
        let span =
            tracing::info_span!("job", job.id = %job.id, job.kind = %job.kind, job.attempt = job.attempts);
        let started = std::time::Instant::now();
        let result = self.execute(job).instrument(span.clone()).await;
        let elapsed = started.elapsed();
        let outcome = finish::record(&self.db, &self.config, job, result, domain::clock::now_millis())
            .instrument(span.clone())
            .await?;
        span.in_scope(|| match outcome.result {
            JobResult::Done => tracing::info!("job done"),
            JobResult::Retry { at } => tracing::warn!(retry_at = at, "job attempt failed; will retry"),
            JobResult::Failed => tracing::error!("job failed for good"),
        });
        if let Some(observer) = &self.observer {
            observer(&outcome.kind, &outcome.result, elapsed);
        }
        Ok(outcome)
    }

    /// Runs jobs (batches included, as the loop does) until none is due (a retried
    /// job waiting for its backoff is not due) and returns how many attempts ran.
    /// Tests use it to run jobs on demand.
    pub async fn run_until_idle(&self) -> anyhow::Result<usize> {
        let mut count = 0;
        loop {
            let ran = self.run_next().await?.len();
            if ran == 0 {
                return Ok(count);
            }
            count += ran;
        }
    }

    /// The worker loop: [`WorkerConfig::concurrency`] slots each claim and run jobs,
    /// sleeping `poll_interval` whenever none is due, while the scheduler enqueues
    /// the periodic jobs beside them. When `shutdown` turns `true` (or its sender is
    /// dropped) every slot stops claiming, lets its running job finish, and the loop
    /// returns once all have. Dropping the returned future (the binary aborts it when
    /// the grace period ends) aborts the slots; their jobs are then given back with
    /// [`release`].
    pub async fn run(self, shutdown: watch::Receiver<bool>) {
        let slots = self.config.concurrency.max(1);
        tracing::info!(worker_id = %self.config.worker_id, slots, "job runner started");
        let fetch_fx = self.config.fx_url.is_some();
        let schedule = tokio::spawn(scheduler::run(self.db.clone(), shutdown.clone(), fetch_fx));
        let runner = Arc::new(self);
        // Each slot claims on its own: a claim is atomic, so slots of one process
        // coordinate exactly like separate processes do. A JoinSet aborts its tasks
        // when dropped, so no slot outlives an aborted `run`.
        let mut running = JoinSet::new();
        for _ in 0..slots {
            running.spawn(Arc::clone(&runner).slot(shutdown.clone()));
        }
        while let Some(ended) = running.join_next().await {
            if let Err(error) = ended {
                tracing::error!(error = %error, "a job slot ended abnormally");
            }
        }
        // The scheduler watches the same signal; a tick in progress is let finish.
        let _ = schedule.await;
        tracing::info!(worker_id = %runner.config.worker_id, "job runner stopped");
    }

    /// One slot of [`Runner::run`]: one job (or one batch) at a time until shutdown.
    async fn slot(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) {
        while !*shutdown.borrow() {
            let idle = match self.run_next().await {
                Ok(outcomes) => outcomes.is_empty(),
                Err(error) => {
                    // Typically the database is unreachable: wait, then try again.
                    tracing::error!(error = %format!("{error:#}"), "job queue unavailable");
                    true
                }
            };
            if idle {
                tokio::select! {
                    () = tokio::time::sleep(self.config.poll_interval) => {}
                    changed = shutdown.changed() => if changed.is_err() { break },
                }
            }
        }
    }

    /// Runs the job's handler; a missing handler, an `Err` and a panic all become
    /// the error text stored in `last_error`.
    async fn execute(&self, job: &job::Model) -> Result<(), String> {
        let Some(handler) = self.catalogue.handlers.get(job.kind.as_str()).cloned() else {
            return Err(format!("no handler for kind {}", job.kind));
        };
        let ctx = JobContext {
            db: self.db.clone(),
            job_id: job.id,
            attempt: job.attempts,
            max_attempts: job.max_attempts,
            config: Arc::clone(&self.config),
            mailer: Arc::clone(&self.mailer),
        };
        let payload = job.payload.clone();
        // Calling the handler inside the future puts a panic while building the
        // future under `catch_unwind` too.
        let work = AssertUnwindSafe(async move { handler(ctx, payload).await }).catch_unwind();
        match claim::hold_lease(&self.db, &self.config, std::slice::from_ref(job), work).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => Err(format!("{error:#}")),
            Err(panic) => Err(format!("panicked: {}", panic_message(panic.as_ref()))),
        }
    }
}

/// The text of a panic, when it has one.
fn panic_message(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}
