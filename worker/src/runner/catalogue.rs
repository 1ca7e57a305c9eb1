//! The handlers a runner knows, by job kind. The runner reads this map and nothing
//! else: which jobs exist is decided by whoever builds the catalogue
//! (`crate::jobs::catalogue` for the platform), so the runner depends on no job.
//!
//! A kind may also have a *batch step*: the same work done inside a transaction the
//! runner opens, so that many jobs of that kind share one transaction, one claim
//! and one finish (see `super::batch`).

use std::{any::Any, collections::HashMap, future::Future, sync::Arc};

use anyhow::Context;
use domain::jobs::Job;
use futures_util::{FutureExt, future::BoxFuture};
use sea_orm::DatabaseTransaction;

use super::JobContext;

/// A registered handler, boxed so handlers of different types share one map.
pub(super) type Handler =
    Arc<dyn Fn(JobContext, serde_json::Value) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync>;

/// What a batch's jobs read ahead, together, before their steps run (see
/// [`Catalogue::add_batched_loading`]); `()` for kinds that read nothing ahead.
pub(super) type Prepared = Arc<dyn Any + Send + Sync>;

/// Reads ahead for a whole batch, on its transaction, from the jobs' payloads.
pub(super) type BatchPrepare = Arc<
    dyn for<'t> Fn(&'t DatabaseTransaction, Vec<serde_json::Value>) -> BoxFuture<'t, anyhow::Result<Prepared>>
        + Send
        + Sync,
>;

/// A registered batch step: one job's work on a transaction the runner owns (and
/// commits together with marking the job done), given what the batch read ahead.
/// It must not commit anything itself beyond savepoints of its own.
pub(super) type BatchStep = Arc<
    dyn for<'t> Fn(
            &'t DatabaseTransaction,
            &'t Prepared,
            serde_json::Value,
        ) -> BoxFuture<'t, anyhow::Result<()>>
        + Send
        + Sync,
>;

/// How a kind runs in batches: what it reads ahead (if anything), and each job's step.
#[derive(Clone)]
pub(super) struct Batched {
    pub(super) prepare: Option<BatchPrepare>,
    pub(super) step: BatchStep,
}

/// Job kind → handler (and, for kinds that run in batches, the batch step).
#[derive(Default, Clone)]
pub struct Catalogue {
    pub(super) handlers: HashMap<&'static str, Handler>,
    pub(super) batch_steps: HashMap<&'static str, Batched>,
}

/// The payloads that read as a `J` (one that does not fails in its own step).
fn payloads_of<J: Job>(payloads: Vec<serde_json::Value>) -> Vec<J> {
    payloads
        .into_iter()
        .filter_map(|payload| serde_json::from_value(payload).ok())
        .collect()
}

impl Catalogue {
    /// An empty catalogue.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers the handler of job type `J`, under `J::KIND`. The stored payload is
    /// read into a `J` before the handler runs; a payload that does not read is a
    /// failed attempt that names the kind.
    pub fn add<J, F, Fut>(&mut self, handler: F) -> &mut Self
    where
        J: Job,
        F: Fn(JobContext, J) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        let handler = Arc::new(handler);
        self.handlers.insert(
            J::KIND,
            Arc::new(move |ctx, payload| {
                let handler = Arc::clone(&handler);
                async move {
                    let job: J = serde_json::from_value(payload)
                        .with_context(|| format!("reading the {} payload", J::KIND))?;
                    handler(ctx, job).await
                }
                .boxed()
            }),
        );
        self
    }

    /// Lets jobs of type `J` run in batches: `step` does one job's work on the
    /// batch's transaction (a savepoint of it), and the runner commits the work of
    /// every job of the batch together with marking those jobs done. The handler
    /// registered with [`Catalogue::add`] still runs a job alone (a batch of one, a
    /// job whose step failed in its batch), so both must do the same work: the
    /// platform's call the same use case on a transaction or on the pool.
    pub fn add_batched<J, F>(&mut self, step: F) -> &mut Self
    where
        J: Job,
        F: for<'t> Fn(&'t DatabaseTransaction, J) -> BoxFuture<'t, anyhow::Result<()>>
            + Send
            + Sync
            + 'static,
    {
        let step = Arc::new(step);
        self.batch_steps.insert(
            J::KIND,
            Batched {
                prepare: None,
                step: Arc::new(move |txn, _, payload| {
                    let step = Arc::clone(&step);
                    async move {
                        let job: J = serde_json::from_value(payload)
                            .with_context(|| format!("reading the {} payload", J::KIND))?;
                        step(txn, job).await
                    }
                    .boxed()
                }),
            },
        );
        self
    }

    /// As [`Catalogue::add_batched`], with a read ahead: `load` reads, on the
    /// batch's transaction and before any step, what the jobs of the batch need
    /// (one query per input for all of them instead of one per job), and each
    /// `step` gets it. A `load` that fails gives the batch up: its jobs run alone.
    pub fn add_batched_loading<J, P, L, F>(&mut self, load: L, step: F) -> &mut Self
    where
        J: Job,
        P: Send + Sync + 'static,
        L: for<'t> Fn(&'t DatabaseTransaction, Vec<J>) -> BoxFuture<'t, anyhow::Result<P>>
            + Send
            + Sync
            + 'static,
        F: for<'t> Fn(&'t DatabaseTransaction, &'t P, J) -> BoxFuture<'t, anyhow::Result<()>>
            + Send
            + Sync
            + 'static,
    {
        let load = Arc::new(load);
        let step = Arc::new(step);
        let prepare: BatchPrepare = Arc::new(move |txn, payloads| {
            let load = Arc::clone(&load);
            async move {
                let prepared: Prepared = Arc::new(load(txn, payloads_of::<J>(payloads)).await?);
                Ok(prepared)
            }
            .boxed()
        });
        let step: BatchStep = Arc::new(move |txn, prepared, payload| {
            let step = Arc::clone(&step);
            async move {
                let job: J = serde_json::from_value(payload)
                    .with_context(|| format!("reading the {} payload", J::KIND))?;
                let ahead = prepared
                    .downcast_ref::<P>()
                    .with_context(|| format!("the {} batch read ahead something else", J::KIND))?;
                step(txn, ahead, job).await
            }
            .boxed()
        });
        self.batch_steps.insert(
            J::KIND,
            Batched {
                prepare: Some(prepare),
                step,
            },
        );
        self
    }

    /// Registers a batch step for a kind no [`Job`] type names, taking the raw
    /// payload. Only for tests of the runner itself.
    #[doc(hidden)]
    pub fn add_batched_untyped<F>(&mut self, kind: &'static str, step: F) -> &mut Self
    where
        F: for<'t> Fn(&'t DatabaseTransaction, serde_json::Value) -> BoxFuture<'t, anyhow::Result<()>>
            + Send
            + Sync
            + 'static,
    {
        let step = Arc::new(step);
        self.batch_steps.insert(
            kind,
            Batched {
                prepare: None,
                step: Arc::new(move |txn, _, payload| step(txn, payload)),
            },
        );
        self
    }

    /// Registers a handler for a kind no [`Job`] type names, taking the raw
    /// payload. Only for tests of the runner itself.
    #[doc(hidden)]
    pub fn add_untyped<F, Fut>(&mut self, kind: &'static str, handler: F) -> &mut Self
    where
        F: Fn(JobContext, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        self.handlers
            .insert(kind, Arc::new(move |ctx, payload| handler(ctx, payload).boxed()));
        self
    }

    /// The kinds registered, sorted.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut kinds: Vec<_> = self.handlers.keys().copied().collect();
        kinds.sort_unstable();
        kinds
    }
}
