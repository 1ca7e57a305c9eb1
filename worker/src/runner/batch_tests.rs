//! Batches against a real database: many jobs of one kind claimed and finished
//! together, each job's effects committed exactly once with its `done`; a failing
//! job (a database error included, which on PostgreSQL aborts the transaction)
//! left out and run alone without stopping the others; a batch given up when one
//! of its jobs is no longer ours; a batch cut off mid-way (the worker died) writes
//! nothing and every job of it runs again once. On SQLite here; on PostgreSQL too
//! when `FAIRHIRE_WORKER_TEST_PG_URL` names a scratch database, which is wiped.

#![allow(clippy::unwrap_used)]

use std::{
    collections::BTreeMap,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use domain::database::Database;
use domain::{
    entities::job,
    jobs::{self, JobOptions, status},
    transaction::BeginWrite as _,
};
use futures_util::FutureExt;
use migration::MigratorTrait;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

use super::{JobResult, Runner};
use crate::test_support::Fixture;

/// The kind the tests batch.
const KIND: &str = "batchy";
/// What a job of [`KIND`] writes: a job of this kind that never becomes due.
const EFFECT: &str = "effect";

/// Writes job `n`'s effect on `db`, then fails with a database error when the
/// payload says `fail` (after writing, so the effect must be rolled back).
async fn work<C: ConnectionTrait>(db: &C, payload: &serde_json::Value) -> anyhow::Result<()> {
    let never = JobOptions {
        run_at: Some(i64::MAX / 2),
        ..JobOptions::default()
    };
    jobs::enqueue_untyped(db, EFFECT, serde_json::json!({"of": payload["n"]}), never).await?;
    if payload["fail"].as_bool() == Some(true) {
        db.execute_unprepared("SELECT * FROM no_such_table").await?;
    }
    Ok(())
}

/// Counts of how often each path ran.
#[derive(Default)]
struct Calls {
    steps: AtomicUsize,
    alone: AtomicUsize,
}

/// A runner of [`KIND`] in batches and alone, both doing [`work`]; the step also
/// hangs on `hang` (as a worker that dies mid-batch) and marks its own job as
/// taken over by another runner on `take_over`.
fn runner(db: &Database, fx: &Fixture, worker_id: &str, calls: &Arc<Calls>) -> Runner {
    let mut config = fx.config();
    config.worker_id = worker_id.to_string();
    let mut runner = Runner::new(db.clone(), config, crate::runner::Catalogue::new()).unwrap();
    let counted = Arc::clone(calls);
    runner.register(KIND, move |ctx, payload| {
        counted.alone.fetch_add(1, Ordering::SeqCst);
        async move {
            let txn = ctx.db.begin_write().await?;
            work(&txn, &payload).await?;
            txn.commit().await?;
            Ok(())
        }
    });
    let counted = Arc::clone(calls);
    runner.register_batched(KIND, move |txn, payload| {
        counted.steps.fetch_add(1, Ordering::SeqCst);
        async move {
            if payload["hang"].as_bool() == Some(true) {
                std::future::pending::<()>().await;
            }
            if let Some(id) = payload["take_over"].as_str() {
                // Stands for another runner's claim after this one's lease ran out.
                job::Entity::update_many()
                    .col_expr(job::Column::LockedBy, Expr::value("other-runner"))
                    .filter(job::Column::Id.eq(uuid::Uuid::parse_str(id)?))
                    .exec(txn)
                    .await?;
            }
            work(txn, &payload).await
        }
        .boxed()
    });
    runner
}

async fn enqueue(db: &Database, payload: serde_json::Value) -> uuid::Uuid {
    jobs::enqueue_untyped(db, KIND, payload, JobOptions::default())
        .await
        .unwrap()
}

/// How many effects each job wrote, by its `n`.
async fn effects(db: &Database) -> BTreeMap<i64, usize> {
    let mut counts = BTreeMap::new();
    for row in job::Entity::find()
        .filter(job::Column::Kind.eq(EFFECT))
        .all(db)
        .await
        .unwrap()
    {
        *counts.entry(row.payload["of"].as_i64().unwrap()).or_default() += 1;
    }
    counts
}

async fn row(db: &Database, id: uuid::Uuid) -> job::Model {
    job::Entity::find_by_id(id).one(db).await.unwrap().unwrap()
}

/// The databases to run on: SQLite always, PostgreSQL when a scratch one is named
/// (held for the test's length, wiped first).
async fn databases(fx: &Fixture) -> (Vec<Database>, Option<tokio::sync::MutexGuard<'static, ()>>) {
    let mut dbs = vec![fx.db.clone()];
    let mut guard = None;
    if let Ok(url) = std::env::var("FAIRHIRE_WORKER_TEST_PG_URL") {
        guard = Some(crate::test_support::PG_SCRATCH.lock().await);
        let db = sea_orm::Database::connect(url).await.unwrap();
        migration::Migrator::fresh(&db).await.unwrap();
        dbs.push(Database::from(db));
    }
    (dbs, guard)
}

#[tokio::test]
async fn a_batch_claims_runs_and_finishes_its_jobs_together_each_effect_once() {
    let fx = Fixture::new().await;
    let (dbs, _scratch) = databases(&fx).await;
    for db in &dbs {
        let calls = Arc::new(Calls::default());
        let runner = runner(db, &fx, "runner-b", &calls);
        let mut ids = Vec::new();
        for n in 0..5 {
            ids.push(enqueue(db, serde_json::json!({"n": n})).await);
        }

        let outcomes = runner.run_next().await.unwrap();

        assert_eq!(outcomes.len(), 5, "one call ran the five as a batch");
        assert!(outcomes.iter().all(|o| o.result == JobResult::Done));
        assert_eq!(calls.steps.load(Ordering::SeqCst), 5);
        assert_eq!(calls.alone.load(Ordering::SeqCst), 0);
        for id in ids {
            let row = row(db, id).await;
            assert_eq!((row.status.as_str(), row.attempts), (status::DONE, 1));
            assert!(row.finished_at.is_some() && row.lease_until.is_none());
        }
        assert_eq!(effects(db).await, (0..5).map(|n| (n, 1)).collect());
        assert!(runner.run_next().await.unwrap().is_empty(), "nothing else is due");
    }
}

#[tokio::test]
async fn a_job_failing_in_its_batch_is_rolled_back_and_run_alone_while_the_others_finish() {
    let fx = Fixture::new().await;
    let (dbs, _scratch) = databases(&fx).await;
    for db in &dbs {
        let calls = Arc::new(Calls::default());
        let runner = runner(db, &fx, "runner-f", &calls);
        let mut ids = Vec::new();
        for n in 0..5 {
            ids.push(enqueue(db, serde_json::json!({"n": n, "fail": n == 2})).await);
        }

        let outcomes = runner.run_next().await.unwrap();

        assert_eq!(outcomes.len(), 5);
        let failing = outcomes.iter().find(|o| o.id == ids[2]).unwrap();
        assert!(matches!(failing.result, JobResult::Retry { .. }), "{failing:?}");
        assert_eq!(outcomes.iter().filter(|o| o.result == JobResult::Done).count(), 4);
        assert_eq!(
            calls.alone.load(Ordering::SeqCst),
            1,
            "only the failing job ran alone"
        );
        // The failing job's own writes are gone (in the batch and alone); the
        // others' are there once.
        assert_eq!(
            effects(db).await,
            [0, 1, 3, 4].into_iter().map(|n| (n, 1)).collect()
        );
        let failed = row(db, ids[2]).await;
        assert_eq!((failed.status.as_str(), failed.attempts), (status::QUEUED, 1));
        assert!(failed.last_error.unwrap_or_default().contains("no_such_table"));
        for n in [0, 1, 3, 4] {
            assert_eq!(row(db, ids[n]).await.status, status::DONE);
        }
    }
}

#[tokio::test]
async fn a_batch_with_a_job_no_longer_ours_writes_nothing_and_its_jobs_run_alone() {
    let fx = Fixture::new().await;
    let calls = Arc::new(Calls::default());
    let runner = runner(&fx.db, &fx, "runner-t", &calls);
    let mut ids = Vec::new();
    for n in 0..3 {
        ids.push(enqueue(&fx.db, serde_json::json!({"n": n})).await);
    }
    let taken = enqueue(&fx.db, serde_json::json!({"n": 3})).await;
    // Job 1's step marks job 3 as another runner's: marking the batch done then
    // misses a row, and the batch is given up.
    job::Entity::update_many()
        .col_expr(
            job::Column::Payload,
            Expr::value(serde_json::json!({"n": 1, "take_over": taken.to_string()})),
        )
        .filter(job::Column::Id.eq(ids[1]))
        .exec(&fx.db)
        .await
        .unwrap();

    let outcomes = runner.run_next().await.unwrap();

    assert_eq!(outcomes.len(), 4);
    assert!(outcomes.iter().all(|o| o.result == JobResult::Done));
    assert_eq!(calls.alone.load(Ordering::SeqCst), 4, "every job ran alone");
    // The batch's writes (the take-over included) were rolled back; each job's
    // effect was written once, alone.
    assert_eq!(effects(&fx.db).await, (0..4).map(|n| (n, 1)).collect());
    for id in ids.into_iter().chain([taken]) {
        assert_eq!(row(&fx.db, id).await.status, status::DONE);
    }
}

#[tokio::test]
async fn a_batch_cut_off_mid_way_writes_nothing_and_each_job_runs_again_once() {
    let fx = Fixture::new().await;
    let calls = Arc::new(Calls::default());
    let dying = runner(&fx.db, &fx, "runner-dies", &calls);
    let mut ids = Vec::new();
    for n in 0..5 {
        ids.push(enqueue(&fx.db, serde_json::json!({"n": n, "hang": n == 3})).await);
    }

    // The worker dies while job 3 runs: its future is dropped before the commit.
    let cut = tokio::time::timeout(Duration::from_millis(500), dying.run_next()).await;
    assert!(cut.is_err(), "the batch hung on job 3");
    drop(dying);

    assert!(
        effects(&fx.db).await.is_empty(),
        "nothing of the batch was written"
    );
    for &id in &ids {
        let row = row(&fx.db, id).await;
        assert_eq!(
            (row.status.as_str(), row.locked_by.as_deref()),
            (status::RUNNING, Some("runner-dies"))
        );
    }
    // Its leases run out; another runner (whose job 3 no longer hangs) takes over.
    job::Entity::update_many()
        .col_expr(
            job::Column::LeaseUntil,
            Expr::value(domain::clock::now_millis() - 1),
        )
        .col_expr(job::Column::Payload, Expr::value(serde_json::json!({"n": 3})))
        .filter(job::Column::Id.eq(ids[3]))
        .exec(&fx.db)
        .await
        .unwrap();
    job::Entity::update_many()
        .col_expr(
            job::Column::LeaseUntil,
            Expr::value(domain::clock::now_millis() - 1),
        )
        .filter(job::Column::Kind.eq(KIND))
        .exec(&fx.db)
        .await
        .unwrap();
    let survivor = runner(&fx.db, &fx, "runner-lives", &Arc::new(Calls::default()));

    assert_eq!(survivor.run_until_idle().await.unwrap(), 5);

    assert_eq!(effects(&fx.db).await, (0..5).map(|n| (n, 1)).collect());
    for id in ids {
        let row = row(&fx.db, id).await;
        assert_eq!(
            (row.status.as_str(), row.attempts, row.locked_by.as_deref()),
            (status::DONE, 2, Some("runner-lives"))
        );
    }
}

#[tokio::test]
async fn a_batch_size_of_one_runs_every_job_alone() {
    let fx = Fixture::new().await;
    let calls = Arc::new(Calls::default());
    let mut config = fx.config();
    config.batch = 1;
    let mut runner = runner(&fx.db, &fx, "runner-1", &calls);
    runner.config = Arc::new(config);
    for n in 0..3 {
        enqueue(&fx.db, serde_json::json!({"n": n})).await;
    }

    assert_eq!(runner.run_next().await.unwrap().len(), 1);
    assert_eq!(runner.run_until_idle().await.unwrap(), 2);

    assert_eq!(calls.steps.load(Ordering::SeqCst), 0);
    assert_eq!(calls.alone.load(Ordering::SeqCst), 3);
    assert_eq!(effects(&fx.db).await, (0..3).map(|n| (n, 1)).collect());
}
