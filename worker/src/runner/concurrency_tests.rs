//! [`Runner::run`] with several slots: jobs really run at the same time, and each
//! still runs exactly once (on SQLite here; on PostgreSQL too when
//! `FAIRHIRE_WORKER_TEST_PG_URL` names a scratch database, which is wiped).

#![allow(clippy::unwrap_used)]

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use domain::database::Database;
use domain::{entities::job, jobs::status, transaction::BeginWrite as _};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr};
use tokio::sync::{Barrier, watch};
use uuid::Uuid;

use super::Runner;
use crate::test_support::Fixture;

/// How long a test waits for the queue to drain before it gives up; a bound against
/// hanging forever, not a speed requirement.
const PATIENCE: Duration = Duration::from_secs(60);

/// Waits until `expected` jobs of `kind` are finished (done or failed), then stops
/// the loop. By kind: the loop's scheduler enqueues periodic jobs beside the test's.
async fn drain(db: &Database, kind: &str, expected: u64, stop: &watch::Sender<bool>) -> u64 {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    let mut finished = 0;
    while tokio::time::Instant::now() < deadline {
        finished = job::Entity::find()
            .filter(job::Column::Kind.eq(kind))
            .filter(job::Column::Status.is_in([status::DONE, status::FAILED]))
            .count(db)
            .await
            .unwrap();
        if finished >= expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.send(true).unwrap();
    finished
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slots_run_jobs_at_the_same_time() {
    const SLOTS: usize = 4;
    let fx = Fixture::new().await;
    let mut config = fx.config();
    config.concurrency = SLOTS;
    let mut runner = Runner::new(fx.db.clone(), config, crate::runner::Catalogue::new()).unwrap();
    // Each job waits until SLOTS jobs wait together: with fewer slots the first job
    // waits alone, gives up and the job fails.
    let barrier = Arc::new(Barrier::new(SLOTS));
    runner.register("together", move |_, _| {
        let barrier = Arc::clone(&barrier);
        async move {
            tokio::time::timeout(Duration::from_secs(20), barrier.wait())
                .await
                .map_err(|_| anyhow::anyhow!("the other jobs never ran beside this one"))?;
            Ok(())
        }
    });
    let mut ids = Vec::new();
    for _ in 0..SLOTS {
        ids.push(fx.enqueue("together", 1, 0).await);
    }
    let (stop, shutdown) = watch::channel(false);
    let handle = tokio::spawn(runner.run(shutdown));

    drain(&fx.db, "together", SLOTS as u64, &stop).await;
    tokio::time::timeout(PATIENCE, handle).await.unwrap().unwrap();

    for id in ids {
        let row = fx.job(id).await;
        assert_eq!(row.status, status::DONE, "{:?}", row.last_error);
    }
}

/// Runs `jobs` jobs through `runners` loops of `slots` slots on `db` and says how
/// often each job's handler ran.
async fn run_many(
    db: &Database,
    fx: &Fixture,
    runners: usize,
    slots: usize,
    jobs: usize,
) -> HashMap<Uuid, usize> {
    let runs = Arc::new(Mutex::new(HashMap::new()));
    let (stop, shutdown) = watch::channel(false);
    let mut handles = Vec::new();
    for _ in 0..runners {
        let mut config = fx.config();
        config.concurrency = slots;
        let mut runner = Runner::new(db.clone(), config, crate::runner::Catalogue::new()).unwrap();
        let runs = Arc::clone(&runs);
        runner.register("count", move |ctx, _| {
            *runs.lock().unwrap().entry(ctx.job_id).or_insert(0) += 1;
            // Each job writes in a transaction, as real jobs do: on SQLite the
            // slots' writers must queue for the lock, not fail with "database is
            // locked" (a failed attempt would leave the job not done at attempt 1).
            async move {
                let txn = ctx.db.begin_write().await?;
                job::Entity::update_many()
                    .col_expr(job::Column::LastError, Expr::value("written by its handler"))
                    .filter(job::Column::Id.eq(ctx.job_id))
                    .exec(&txn)
                    .await?;
                tokio::task::yield_now().await;
                txn.commit().await?;
                Ok(())
            }
        });
        handles.push(tokio::spawn(runner.run(shutdown.clone())));
    }
    for _ in 0..jobs {
        domain::jobs::enqueue_untyped(db, "count", serde_json::json!({}), Default::default())
            .await
            .unwrap();
    }

    let finished = drain(db, "count", jobs as u64, &stop).await;
    for handle in handles {
        tokio::time::timeout(PATIENCE, handle).await.unwrap().unwrap();
    }

    assert_eq!(finished, jobs as u64);
    let done_first_time = job::Entity::find()
        .filter(job::Column::Kind.eq("count"))
        .filter(job::Column::Status.eq(status::DONE))
        .filter(job::Column::Attempts.eq(1))
        .filter(job::Column::LastError.eq("written by its handler"))
        .count(db)
        .await
        .unwrap();
    assert_eq!(
        done_first_time, jobs as u64,
        "every job done, with its write, at its first attempt"
    );
    Arc::try_unwrap(runs).unwrap().into_inner().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_job_runs_exactly_once_with_several_slots() {
    let fx = Fixture::new().await;

    let runs = run_many(&fx.db, &fx, 1, 4, 120).await;

    assert_eq!(runs.len(), 120);
    assert!(runs.values().all(|&n| n == 1), "a job ran twice: {runs:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_runners_with_several_slots_run_each_job_once() {
    use migration::MigratorTrait;

    let Ok(url) = std::env::var("FAIRHIRE_WORKER_TEST_PG_URL") else {
        return;
    };
    let _scratch = crate::test_support::PG_SCRATCH.lock().await;
    let fx = Fixture::new().await;
    let db = sea_orm::Database::connect(url).await.unwrap();
    migration::Migrator::fresh(&db).await.unwrap();
    let db = Database::from(db);

    let runs = run_many(&db, &fx, 2, 4, 300).await;

    assert_eq!(runs.len(), 300);
    assert!(runs.values().all(|&n| n == 1), "a job ran twice: {runs:?}");
}
