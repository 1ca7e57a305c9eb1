//! The runner against a real database: success, retries with backoff, panics,
//! expired leases, stale runners and the loop's shutdown.

#![allow(clippy::unwrap_used)]

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use domain::{entities::job, jobs::status};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use super::JobResult;
use crate::test_support::Fixture;

#[tokio::test]
async fn a_succeeding_job_ends_done() {
    let fx = Fixture::new().await;
    let mut runner = fx.runner();
    runner.register("ok", |_, _| async { Ok(()) });
    let id = fx.enqueue("ok", 3, 0).await;

    let outcome = runner.run_once().await.unwrap().unwrap();

    assert_eq!((outcome.id, outcome.result), (id, JobResult::Done));
    let row = fx.job(id).await;
    assert_eq!((row.status.as_str(), row.attempts), (status::DONE, 1));
    assert!(row.finished_at.is_some() && row.lease_until.is_none());
    assert!(runner.run_once().await.unwrap().is_none(), "nothing else is due");
}

#[tokio::test]
async fn a_failing_job_backs_off_then_fails_for_good() {
    let fx = Fixture::new().await;
    let mut runner = fx.runner();
    let attempts = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&attempts);
    runner.register("flaky", move |ctx, _| {
        seen.lock().unwrap().push(ctx.attempt);
        async { anyhow::bail!("boom") }
    });
    let id = fx.enqueue("flaky", 3, 0).await;

    let mut delays = Vec::new();
    for _ in 0..2 {
        let before = domain::clock::now_millis();
        let outcome = runner.run_once().await.unwrap().unwrap();
        let JobResult::Retry { at } = outcome.result else {
            panic!("expected a retry, got {outcome:?}")
        };
        delays.push(at - before);
        assert_eq!(
            runner.run_until_idle().await.unwrap(),
            0,
            "not due during backoff"
        );
        fx.make_due(id).await;
    }
    let outcome = runner.run_once().await.unwrap().unwrap();

    assert_eq!(outcome.result, JobResult::Failed);
    assert!((1_000_000..1_001_000).contains(&delays[0]), "{delays:?}");
    assert!((2_000_000..2_001_000).contains(&delays[1]), "{delays:?}");
    assert_eq!(*attempts.lock().unwrap(), [1, 2, 3]);
    let row = fx.job(id).await;
    assert_eq!((row.status.as_str(), row.attempts), (status::FAILED, 3));
    assert_eq!(row.last_error.as_deref(), Some("boom"));
    assert!(row.finished_at.is_some());
}

#[tokio::test]
async fn a_panic_or_an_unknown_kind_is_a_failed_attempt_and_the_runner_goes_on() {
    let fx = Fixture::new().await;
    let mut runner = fx.runner();
    runner.register("panics", |_, _| async { panic!("kaboom") });
    runner.register("ok", |_, _| async { Ok(()) });
    let panicking = fx.enqueue("panics", 1, 10).await;
    let unknown = fx.enqueue("nobody_handles_this", 1, 5).await;
    let fine = fx.enqueue("ok", 1, 0).await;

    assert_eq!(runner.run_until_idle().await.unwrap(), 3);

    let row = fx.job(panicking).await;
    assert_eq!(row.status, status::FAILED);
    assert_eq!(row.last_error.as_deref(), Some("panicked: kaboom"));
    let row = fx.job(unknown).await;
    assert_eq!(
        row.last_error.as_deref(),
        Some("no handler for kind nobody_handles_this")
    );
    assert_eq!(fx.job(fine).await.status, status::DONE);
}

#[tokio::test]
async fn a_payload_that_is_not_its_job_type_is_a_failed_attempt_naming_the_kind() {
    let fx = Fixture::new().await;
    let runner = fx.runner();
    // `score_assessment` reads `{"assessment_id": …}`; `{}` is not one.
    let id = fx.enqueue("score_assessment", 1, 0).await;
    assert_eq!(runner.run_until_idle().await.unwrap(), 1);
    let row = fx.job(id).await;
    assert_eq!(row.status, status::FAILED);
    let error = row.last_error.unwrap_or_default();
    assert!(
        error.starts_with("reading the score_assessment payload"),
        "{error}"
    );
}

#[tokio::test]
async fn a_job_whose_lease_expired_is_claimed_again() {
    let fx = Fixture::new().await;
    let mut runner = fx.runner();
    runner.register("ok", |_, _| async { Ok(()) });
    let id = fx.enqueue("ok", 3, 0).await;
    // As if a runner claimed it and was killed.
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(status::RUNNING))
        .col_expr(job::Column::Attempts, Expr::value(1))
        .col_expr(job::Column::LockedBy, Expr::value("dead-runner"))
        .col_expr(
            job::Column::LeaseUntil,
            Expr::value(domain::clock::now_millis() - 1),
        )
        .filter(job::Column::Id.eq(id))
        .exec(&fx.db)
        .await
        .unwrap();

    let outcome = runner.run_once().await.unwrap().unwrap();

    assert_eq!(outcome.result, JobResult::Done);
    let row = fx.job(id).await;
    assert_eq!((row.status.as_str(), row.attempts), (status::DONE, 2));
    assert_eq!(row.locked_by, Some(runner.config().worker_id.clone()));
}

#[tokio::test]
async fn a_stale_runner_cannot_overwrite_a_job_taken_over_by_another() {
    let fx = Fixture::new().await;
    let mut runner = fx.runner();
    runner.register("slow", |ctx, _| async move {
        // Meanwhile the lease expired and another runner claimed the job.
        job::Entity::update_many()
            .col_expr(job::Column::LockedBy, Expr::value("other-runner"))
            .col_expr(job::Column::Attempts, Expr::value(2))
            .filter(job::Column::Id.eq(ctx.job_id))
            .exec(&ctx.db)
            .await?;
        Ok(())
    });
    let id = fx.enqueue("slow", 3, 0).await;

    runner.run_once().await.unwrap().unwrap();

    let row = fx.job(id).await;
    assert_eq!(
        row.status,
        status::RUNNING,
        "the other runner's attempt still owns it"
    );
    assert_eq!(row.locked_by.as_deref(), Some("other-runner"));
}

#[tokio::test]
async fn the_loop_runs_jobs_and_stops_on_shutdown() {
    let fx = Fixture::new().await;
    let mut runner = fx.runner();
    runner.register("ok", |_, _| async { Ok(()) });
    let (stop, shutdown) = tokio::sync::watch::channel(false);
    let handle = tokio::spawn(runner.run(shutdown));
    let id = fx.enqueue("ok", 1, 0).await;

    let mut done = false;
    for _ in 0..200 {
        if fx.job(id).await.status == status::DONE {
            done = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    stop.send(true).unwrap();

    assert!(done, "the loop picked the job up");
    tokio::time::timeout(Duration::from_secs(5), handle)
        .await
        .unwrap()
        .unwrap();
}

/// Two runners sharing a PostgreSQL queue take each job exactly once. Runs only
/// when `FAIRHIRE_WORKER_TEST_PG_URL` names a scratch database (it is wiped).
#[tokio::test]
async fn postgres_runners_share_the_queue_without_running_a_job_twice() {
    use migration::MigratorTrait;

    let Ok(url) = std::env::var("FAIRHIRE_WORKER_TEST_PG_URL") else {
        return;
    };
    let _scratch = crate::test_support::PG_SCRATCH.lock().await;
    let fx = Fixture::new().await;
    let db = sea_orm::Database::connect(url).await.unwrap();
    migration::Migrator::fresh(&db).await.unwrap();
    let runs = Arc::new(Mutex::new(Vec::new()));
    let mut runners = Vec::new();
    for _ in 0..2 {
        let mut runner =
            super::Runner::new(db.clone().into(), fx.config(), crate::runner::Catalogue::new()).unwrap();
        let runs = Arc::clone(&runs);
        runner.register("ok", move |ctx, _| {
            runs.lock().unwrap().push(ctx.job_id);
            async {
                tokio::time::sleep(Duration::from_millis(5)).await;
                Ok(())
            }
        });
        runners.push(runner);
    }
    for _ in 0..30 {
        domain::jobs::enqueue_untyped(&db, "ok", serde_json::json!({}), Default::default())
            .await
            .unwrap();
    }

    let (a, b) = tokio::join!(runners[0].run_until_idle(), runners[1].run_until_idle());

    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a + b, 30);
    assert!(a > 0 && b > 0, "both runners worked: {a} + {b}");
    let mut ids = runs.lock().unwrap().clone();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 30, "every job ran exactly once");
    let done = job::Entity::find()
        .filter(job::Column::Status.eq(status::DONE))
        .filter(job::Column::Attempts.eq(1))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(done.len(), 30);
}
