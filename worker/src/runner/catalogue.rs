//! The handlers a runner knows, by job kind. The runner reads this map and nothing
//! else: which jobs exist is decided by whoever builds the catalogue
//! (`crate::jobs::catalogue` for the platform), so the runner depends on no job.
//!
//! A kind may also have a *batch step*: the same work done inside a transaction the
//! runner opens, so that many jobs of that kind share one transaction, one claim
//! and one finish (see `super::batch`).

use std::{collections::HashMap, future::Future, sync::Arc};

use anyhow::Context;
use domain::jobs::Job;
use futures_util::{FutureExt, future::BoxFuture};
use sea_orm::DatabaseTransaction;

use super::JobContext;

/// A registered handler, boxed so handlers of different types share one map.
pub(super) type Handler =
    Arc<dyn Fn(JobContext, serde_json::Value) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync>;

/// A registered batch step: one job's work on a transaction the runner owns (and
/// commits together with marking the job done). It must not commit anything itself
/// beyond savepoints of its own.
pub(super) type BatchStep = Arc<
    dyn for<'t> Fn(&'t DatabaseTransaction, serde_json::Value) -> BoxFuture<'t, anyhow::Result<()>>
        + Send
        + Sync,
>;

/// Job kind → handler (and, for kinds that run in batches, the batch step).
#[derive(Default, Clone)]
pub struct Catalogue {
    pub(super) handlers: HashMap<&'static str, Handler>,
    pub(super) batch_steps: HashMap<&'static str, BatchStep>,
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
            Arc::new(move |txn, payload| {
                let step = Arc::clone(&step);
                async move {
                    let job: J = serde_json::from_value(payload)
                        .with_context(|| format!("reading the {} payload", J::KIND))?;
                    step(txn, job).await
                }
                .boxed()
            }),
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
        self.batch_steps.insert(kind, Arc::new(step));
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
