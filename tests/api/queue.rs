//! The job queue: exclusive claims, retries with growing delays, panics survived,
//! and jobs of rolled-back transactions never run. Run against PostgreSQL in CI
//! (`FAIRHIRE_TEST_DATABASE_URL`) as well as SQLite.

use domain::transaction::BeginWrite as _;
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use domain::{
    entities::job,
    jobs::{self, JobOptions},
};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::{TestApp, spawn_app};

fn runner(app: &TestApp, id: &str) -> worker::Runner {
    runner_with_backoff(app, id, 50)
}

fn runner_with_backoff(app: &TestApp, id: &str, backoff_ms: u64) -> worker::Runner {
    let mut config = fairhire::startup::worker_config(&app.settings).unwrap();
    config.worker_id = id.to_string();
    config.backoff_base = Duration::from_millis(backoff_ms);
    config.poll_interval = Duration::from_millis(20);
    worker::Runner::new(app.db.clone(), config, worker::Catalogue::new()).unwrap()
}

#[tokio::test]
async fn two_runners_never_run_the_same_job() {
    let app = spawn_app().await;
    let runs: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
    let mut runners = Vec::new();
    for id in ["runner-a", "runner-b"] {
        let mut r = runner(&app, id);
        let runs = runs.clone();
        r.register("count", move |ctx, _payload| {
            let runs = runs.clone();
            async move {
                tokio::time::sleep(Duration::from_millis(5)).await;
                *runs.lock().unwrap().entry(ctx.job_id.to_string()).or_default() += 1;
                Ok(())
            }
        });
        runners.push(r);
    }
    for n in 0..40 {
        jobs::enqueue_untyped(
            &app.db,
            "count",
            serde_json::json!({"n": n}),
            JobOptions::default(),
        )
        .await
        .unwrap();
    }
    let b = runners.pop().unwrap();
    let a = runners.pop().unwrap();
    let (ran_a, ran_b) = tokio::join!(a.run_until_idle(), b.run_until_idle());
    let (ran_a, ran_b) = (ran_a.unwrap(), ran_b.unwrap());
    assert_eq!(ran_a + ran_b, 40);
    let counts = runs.lock().unwrap().clone();
    assert_eq!(counts.len(), 40);
    assert!(counts.values().all(|n| *n == 1), "a job ran twice: {counts:?}");
    let done = job::Entity::find().all(&app.db).await.unwrap();
    assert!(done.iter().all(|j| j.status == "done"));
}

#[tokio::test]
async fn a_failing_job_backs_off_and_ends_failed() {
    let app = spawn_app().await;
    // A base well above scheduling noise on a busy machine: 300, 600, 1200 ms.
    let mut r = runner_with_backoff(&app, "runner-f", 300);
    r.register("always_fails", |_ctx, _payload| async {
        anyhow::bail!("the remote said no")
    });
    let id = jobs::enqueue_untyped(
        &app.db,
        "always_fails",
        serde_json::json!({}),
        JobOptions {
            max_attempts: 4,
            ..JobOptions::default()
        },
    )
    .await
    .unwrap();
    let mut delays = Vec::new();
    for attempt in 1..=4 {
        // Wait until the job is due, then run it once.
        loop {
            let row = job::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
            if row.run_at <= domain::clock::now_millis() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let outcome = r.run_once().await.unwrap();
        // The backoff is counted from the failure, which happened before this instant:
        // run_at - after is a lower bound of the delay, close to it on a quiet machine.
        let after = domain::clock::now_millis();
        assert!(outcome.is_some(), "attempt {attempt} ran");
        let row = job::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
        assert_eq!(row.attempts, attempt);
        assert!(
            row.last_error
                .as_deref()
                .unwrap_or_default()
                .contains("the remote said no")
        );
        if attempt < 4 {
            assert_eq!(row.status, "queued");
            delays.push(row.run_at - after);
        } else {
            assert_eq!(row.status, "failed");
        }
    }
    assert!(
        delays.windows(2).all(|w| w[1] > w[0]),
        "delays must grow: {delays:?}"
    );
    // A failed job is not claimed again.
    assert!(r.run_once().await.unwrap().is_none());
}

#[tokio::test]
async fn a_panicking_job_does_not_stop_the_runner() {
    let app = spawn_app().await;
    let mut r = runner(&app, "runner-p");
    r.register("panics", |_ctx, _payload| async { panic!("boom") });
    r.register("works", |_ctx, _payload| async { Ok(()) });
    let bad = jobs::enqueue_untyped(
        &app.db,
        "panics",
        serde_json::json!({}),
        JobOptions {
            max_attempts: 1,
            ..JobOptions::default()
        },
    )
    .await
    .unwrap();
    let good = jobs::enqueue_untyped(&app.db, "works", serde_json::json!({}), JobOptions::default())
        .await
        .unwrap();
    r.run_until_idle().await.unwrap();
    let bad = job::Entity::find_by_id(bad).one(&app.db).await.unwrap().unwrap();
    let good = job::Entity::find_by_id(good).one(&app.db).await.unwrap().unwrap();
    assert_eq!(bad.status, "failed");
    assert!(bad.last_error.unwrap_or_default().contains("boom"));
    assert_eq!(good.status, "done");
}

#[tokio::test]
async fn a_job_enqueued_in_a_rolled_back_transaction_never_runs() {
    let app = spawn_app().await;
    let mut r = runner(&app, "runner-t");
    let ran = Arc::new(Mutex::new(0));
    let counter = ran.clone();
    r.register("in_txn", move |_ctx, _payload| {
        let counter = counter.clone();
        async move {
            *counter.lock().unwrap() += 1;
            Ok(())
        }
    });
    let txn = app.db.begin_write().await.unwrap();
    jobs::enqueue_untyped(&txn, "in_txn", serde_json::json!({}), JobOptions::default())
        .await
        .unwrap();
    txn.rollback().await.unwrap();
    assert_eq!(r.run_until_idle().await.unwrap(), 0);
    assert_eq!(*ran.lock().unwrap(), 0);
    assert_eq!(job::Entity::find().count(&app.db).await.unwrap(), 0);

    let txn = app.db.begin_write().await.unwrap();
    jobs::enqueue_untyped(&txn, "in_txn", serde_json::json!({}), JobOptions::default())
        .await
        .unwrap();
    txn.commit().await.unwrap();
    assert_eq!(r.run_until_idle().await.unwrap(), 1);
    assert_eq!(*ran.lock().unwrap(), 1);
}
