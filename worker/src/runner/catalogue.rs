//! The handlers a runner knows, by job kind. The runner reads this map and nothing
//! else: which jobs exist is decided by whoever builds the catalogue
//! (`crate::jobs::catalogue` for the platform), so the runner depends on no job.

use std::{collections::HashMap, future::Future, sync::Arc};

use anyhow::Context;
use domain::jobs::Job;
use futures_util::{FutureExt, future::BoxFuture};

use super::JobContext;

/// A registered handler, boxed so handlers of different types share one map.
pub(super) type Handler =
    Arc<dyn Fn(JobContext, serde_json::Value) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync>;

/// Job kind → handler.
#[derive(Default, Clone)]
pub struct Catalogue {
    pub(super) handlers: HashMap<&'static str, Handler>,
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
