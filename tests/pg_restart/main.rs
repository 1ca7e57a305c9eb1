//! PostgreSQL stopped and started under a running `fairhire api` and
//! `fairhire worker`: `/health/ready` answers `503` (quickly) while the database
//! is away and `200` again by itself, without a restart; answers saved before the
//! outage are kept and every submitted assessment is scored once.
//!
//! The server it stops is its own (`own_postgres`: a cluster the test creates and
//! removes), never one other tests use, so it runs in the plain
//! `cargo test --workspace`, beside everything else.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../api/fixtures.rs"]
mod fixtures;
#[allow(dead_code)]
#[path = "../api/helpers.rs"]
mod helpers;
#[path = "../scale/own_postgres.rs"]
mod own_postgres;
#[allow(dead_code)]
#[path = "../scale/support.rs"]
mod support;
#[path = "../api/system_packages.rs"]
mod system_packages;

use std::time::{Duration, Instant};

use helpers::database_on;
use own_postgres::OwnPostgres;

use support::{
    Proc, answered_assessment, migrated_database, pairs, scalar, smtp_server, submit, wait_until, world,
};

/// `/health/ready`'s status and how long it took (a refused connection is `0`).
async fn ready(client: &reqwest::Client, api: &Proc) -> (u16, Duration) {
    let started = Instant::now();
    let status = match client.get(api.url("/health/ready")).send().await {
        Ok(response) => response.status().as_u16(),
        Err(_) => 0,
    };
    (status, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_rides_out_a_database_restart() {
    let mut postgres = OwnPostgres::start();
    let dir = tempfile::tempdir().unwrap();
    let (smtp, _maildir) = smtp_server(dir.path());
    let (database_url, db) = migrated_database(dir.path(), database_on(&postgres.url()).await).await;
    let lease = [("FAIRHIRE_JOB_LEASE_SECONDS", "3")];
    let api = Proc::start("api", dir.path(), &database_url, &smtp.url(), &lease);
    let _worker = Proc::start("worker", dir.path(), &database_url, &smtp.url(), &lease);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap();
    let world = world(&client, &api, &smtp).await;
    let mut ids = Vec::new();
    for _ in 0..10 {
        ids.push(answered_assessment(&client, &api, &world).await);
    }
    for id in &ids[..5] {
        submit(&client, &api, &world, id).await;
    }
    assert_eq!(ready(&client, &api).await.0, 200);

    postgres.stop();
    let down = Instant::now();
    let mut saw_503 = false;
    while down.elapsed() < Duration::from_secs(20) {
        let (status, took) = ready(&client, &api).await;
        assert!(took < Duration::from_secs(4), "/health/ready took {took:?}");
        if status == 503 {
            saw_503 = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // A request that needs the database fails fast instead of hanging.
    let during = client
        .post(api.url(&format!("/api/v1/assessments/{}/submit", ids[5])))
        .bearer_auth(&world.supplier_token)
        .json(&serde_json::json!({}))
        .send()
        .await;
    postgres.resume();
    assert!(saw_503, "/health/ready answered 503 while the database was away");
    if let Ok(response) = during {
        assert!(
            response.status().is_server_error() || response.status().as_u16() == 202,
            "{}",
            response.status()
        );
    }

    let up = Instant::now();
    wait_until(
        Duration::from_secs(30),
        "/health/ready to answer 200 again",
        || async { ready(&client, &api).await.0 == 200 },
    )
    .await;
    eprintln!("ready again {:?} after the start", up.elapsed());

    // The same processes carry on: the rest is submitted and everything is scored.
    for id in &ids[5..] {
        submit(&client, &api, &world, id).await;
    }
    let expected = ids.len() as i64;
    let company = world.company_id.clone();
    wait_until(Duration::from_secs(60), "every assessment scored", || {
        let (db, company) = (&db, &company);
        async move {
            scalar(
                db,
                &format!(
                    "SELECT COUNT(*) FROM assessments WHERE company_id = '{company}' AND status = 'scored'"
                ),
            )
            .await
                == expected
        }
    })
    .await;
    // Findings are matched, never duplicated. The risk history is another matter: a
    // job whose scoring committed just before the database went away, but whose
    // `done` could not be recorded, runs again once its lease ends, and each run
    // of `score_assessment` adds a history row (at-least-once delivery; the
    // use case does not deduplicate history). So: at least one row each here;
    // exactly one is asserted where nothing crashes (tests/scale).
    let findings = pairs(
        &db,
        &format!(
            "SELECT CAST(assessment_id AS TEXT), COUNT(*) FROM findings \
             WHERE company_id = '{company}' AND assessment_id IS NOT NULL GROUP BY assessment_id"
        ),
    )
    .await;
    assert_eq!(findings.len(), ids.len(), "findings of every assessment");
    assert!(
        findings.iter().all(|(_, n)| *n == 1),
        "no duplicate finding: {findings:?}"
    );
    let history = pairs(
        &db,
        &format!(
            "SELECT CAST(assessment_id AS TEXT), COUNT(*) FROM supplier_risk_history \
             WHERE company_id = '{company}' GROUP BY assessment_id"
        ),
    )
    .await;
    assert_eq!(
        history.len(),
        ids.len(),
        "a risk history row for every assessment"
    );
    let repeated: Vec<_> = history.iter().filter(|(_, n)| *n > 1).collect();
    if !repeated.is_empty() {
        eprintln!("note: scored again after the outage (history rows): {repeated:?}");
    }
    // The answers saved before the outage are all there (3 per assessment).
    for id in &ids {
        let answers = scalar(
            &db,
            &format!("SELECT COUNT(*) FROM assessment_answers WHERE assessment_id = '{id}'"),
        )
        .await;
        assert_eq!(answers, 3, "answers of {id}");
    }
}
