//! The scheduler and the notification jobs.
//!
//! The scheduler is a loop inside every worker process: each tick it enqueues the
//! periodic jobs of the current period (daily reminders, daily digests) under a
//! unique key per period, so however many workers tick, each period's job exists
//! once; a period missed while every worker was down is enqueued by the first
//! tick after (see [`periods`]). The jobs it enqueues, and the `notify` jobs that
//! domain events enqueue, are handled here: they load rows and call
//! `domain::notifications`, which decides who hears what.

mod handlers;
mod periods;

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use domain::notifications::kind;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;

use crate::Runner;

pub use periods::{DIGEST_CATCH_UP_DAYS, Period, tick};

/// Links in emails start here until the binary says otherwise
/// (`FAIRHIRE_PUBLIC_URL`'s default, api-contract.md).
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// How often the loop looks for a period without its job. A minute is plenty for
/// daily jobs and costs a few indexed lookups.
pub const TICK_EVERY: Duration = Duration::from_secs(60);

/// Registers the notification jobs on `runner`, with links under `public_url`.
pub(crate) fn register(runner: &mut Runner, public_url: &str) {
    let base: Arc<str> = Arc::from(public_url.trim_end_matches('/'));
    let url = Arc::clone(&base);
    runner.register(kind::NOTIFY, move |ctx, payload| {
        handlers::notify(ctx, payload, Arc::clone(&url))
    });
    let url = Arc::clone(&base);
    runner.register(kind::SEND_REMINDERS, move |ctx, payload| {
        handlers::send_reminders(ctx, payload, Arc::clone(&url))
    });
    runner.register(kind::SEND_DIGEST, move |ctx, payload| {
        handlers::send_digest(ctx, payload, Arc::clone(&base))
    });
}

/// Ticks every [`TICK_EVERY`], starting at once, until `shutdown` turns `true`
/// (or its sender is dropped). A failed tick (database away) is logged and the
/// next one tries again.
pub async fn run(db: DatabaseConnection, mut shutdown: watch::Receiver<bool>, fetch_fx: bool) {
    while !*shutdown.borrow() {
        if let Err(error) = tick(&db, now(), fetch_fx).await {
            tracing::error!(error = %format!("{error:#}"), "scheduler tick failed");
        }
        tokio::select! {
            () = tokio::time::sleep(TICK_EVERY) => {}
            changed = shutdown.changed() => if changed.is_err() { break },
        }
    }
}

/// The scheduler's clock.
fn now() -> DateTime<Utc> {
    domain::clock::now()
}
