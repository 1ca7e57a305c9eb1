//! The scheduler and the notification jobs.
//!
//! The scheduler is a loop inside every worker process: each tick it enqueues the
//! periodic jobs of the current period (daily reminders, daily digests) under a
//! unique key per period, so however many workers tick, each period's job exists
//! once; a period missed while every worker was down is enqueued by the first
//! tick after (see [`periods`]). The jobs it enqueues are ordinary jobs, handled
//! like every other through `crate::jobs::catalogue`. Each tick also folds the
//! audit trail's counted changes into its kept totals
//! (`domain::list_totals::fold_changes`), so that reading a total stays one
//! short sum whatever the trail's size.

mod periods;

use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::database::Database;
use tokio::sync::watch;

pub use periods::{DIGEST_CATCH_UP_DAYS, tick};

/// How often the loop looks for a period without its job. A minute is plenty for
/// daily jobs and costs a few indexed lookups.
pub const TICK_EVERY: Duration = Duration::from_secs(60);

/// Ticks every [`TICK_EVERY`], starting at once, until `shutdown` turns `true`
/// (or its sender is dropped). A failed tick (database away) is logged and the
/// next one tries again.
pub async fn run(db: Database, mut shutdown: watch::Receiver<bool>, fetch_fx: bool) {
    while !*shutdown.borrow() {
        if let Err(error) = tick(&db, now(), fetch_fx).await {
            tracing::error!(error = %format!("{error:#}"), "scheduler tick failed");
        }
        // Totals stay exact without it; it only keeps them cheap to read.
        if let Err(error) = domain::list_totals::fold_changes(&db).await {
            tracing::error!(error = %error, "folding the kept totals' changes failed");
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
