//! Scaling out, with the real binary: several `fairhire api` and `fairhire worker`
//! processes on one PostgreSQL database score every assessment exactly once and
//! send every email exactly once; a worker stopped (SIGTERM) or killed (SIGKILL)
//! mid-job leaves the job to another worker, which completes it once.
//! PostgreSQL only: on the server `FAIRHIRE_TEST_DATABASE_URL` names when set,
//! else on a cluster each test starts for itself (`own_postgres`), so the plain
//! `cargo test --workspace` runs them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../api/fixtures.rs"]
mod fixtures;
#[allow(dead_code)]
#[path = "../api/helpers.rs"]
mod helpers;
mod own_postgres;
#[allow(dead_code)]
mod support;
#[path = "../api/system_packages.rs"]
mod system_packages;

use std::{
    net::TcpListener,
    time::{Duration, Instant},
};

use futures_util::{StreamExt, stream};
use helpers::fresh_database;
use support::{
    Postgres, Proc, answered_assessment, assert_emails_once, assert_scored_once, migrated_database, scalar,
    send, smtp_server, wait_until, world,
};

/// How many assessments the multi-instance test submits. The issue asks for 500;
/// on this 2-core machine, in a debug build, 500 took 63 s with the machine
/// otherwise quiet and 85 s while other builds ran (setup ~20 s, then 2000 jobs:
/// 500 scorings, 500 notifications, 1000 emails through the harness SMTP server), over the
/// 60 s budget. 200 takes about 25-35 s. `FAIRHIRE_TEST_SCALE_ASSESSMENTS=500`
/// runs the full size.
fn assessments() -> usize {
    std::env::var("FAIRHIRE_TEST_SCALE_ASSESSMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_apis_and_two_workers_score_every_assessment_exactly_once() {
    let postgres = Postgres::start();
    let started = Instant::now();
    let count = assessments();
    let dir = tempfile::tempdir().unwrap();
    let (smtp, maildir) = smtp_server(dir.path());
    let (database_url, db) = migrated_database(dir.path(), postgres.database().await).await;
    let smtp_url = smtp.url();
    let start = |role: &str| Proc::start(role, dir.path(), &database_url, &smtp_url, &[]);
    let apis = [start("api"), start("api")];
    let _workers = [start("worker"), start("worker")];
    let client = reqwest::Client::new();
    let world = world(&client, &apis[0], &smtp).await;

    // Sent and answered through both APIs, a few requests at a time.
    let ids: Vec<String> = stream::iter(0..count)
        .map(|i| answered_assessment(&client, &apis[i % 2], &world))
        .buffer_unordered(8)
        .collect()
        .await;
    let prepared = started.elapsed();

    // Each assessment submitted through both APIs at once: one submission wins,
    // the other is refused, and the workers score it once.
    let statuses: Vec<(u16, u16)> = stream::iter(ids.iter())
        .map(|id| {
            let path = format!("/api/v1/assessments/{id}/submit");
            let (a, b) = (apis[0].url(&path), apis[1].url(&path));
            let (client, token) = (&client, world.supplier_token.as_str());
            async move {
                let body = serde_json::json!({});
                let (first, second) = tokio::join!(
                    send(client, reqwest::Method::POST, &a, Some(token), &body),
                    send(client, reqwest::Method::POST, &b, Some(token), &body),
                );
                (first.0, second.0)
            }
        })
        .buffer_unordered(8)
        .collect()
        .await;
    for (i, (first, second)) in statuses.iter().enumerate() {
        let mut pair = [*first, *second];
        pair.sort_unstable();
        assert_eq!(pair[0], 202, "one submission of {} accepted", ids[i]);
        assert!(pair[1] >= 400, "the other refused, got {pair:?}");
    }

    let expected = ids.len() as i64;
    let company = world.company_id.clone();
    wait_until(
        Duration::from_secs(90),
        "every assessment scored and every email delivered",
        || {
            let (db, company, maildir) = (&db, &company, &maildir);
            async move {
                let scored = scalar(
                    db,
                    &format!("SELECT COUNT(*) FROM assessments WHERE company_id = '{company}' AND status = 'scored'"),
                )
                .await;
                let due = scalar(
                    db,
                    "SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running') \
                     AND run_at <= CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT)",
                )
                .await;
                let recorded = scalar(db, "SELECT COUNT(*) FROM outbound_emails").await;
                let received = support::message_ids(maildir).len() as i64;
                scored == expected && due == 0 && received >= recorded
            }
        },
    )
    .await;
    let finished = started.elapsed();
    eprintln!("{count} assessments: prepared in {prepared:?}, all scored and emailed after {finished:?}");

    assert_scored_once(&db, &world, &ids).await;
    // One invitation, one "assessment sent" per assessment, one priority-findings
    // email per assessment: each reached the SMTP server exactly once.
    let emails = scalar(&db, "SELECT COUNT(*) FROM outbound_emails").await;
    assert_eq!(emails, 1 + 2 * expected, "emails recorded");
    assert_emails_once(&db, &maildir).await;
    let failed = scalar(&db, "SELECT COUNT(*) FROM jobs WHERE status = 'failed'").await;
    assert_eq!(failed, 0, "no job failed");

    // Every replica reports the queue, cluster-wide, on /metrics.
    let metrics = client
        .get(apis[1].url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains(&format!(
            "fairhire_jobs{{kind=\"score_assessment\",status=\"done\"}} {expected}"
        )),
        "{metrics}"
    );
    assert!(metrics.contains("fairhire_http_requests_total{method=\"POST\",route=\"/api/v1/assessments/{aid}/submit\",status=\"202\"}"), "{metrics}");
}

/// An SMTP server that accepts connections and never answers: a send through it
/// hangs, which makes a real `send_email` job as slow as the test needs.
fn tarpit() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    format!("smtp://127.0.0.1:{port}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_stopped_or_killed_mid_job_leaves_it_to_another() {
    let postgres = Postgres::start();
    let dir = tempfile::tempdir().unwrap();
    let (smtp, maildir) = smtp_server(dir.path());
    let (database_url, db) = migrated_database(dir.path(), postgres.database().await).await;
    let stuck = tarpit();
    let short = [
        ("FAIRHIRE_JOB_LEASE_SECONDS", "2"),
        ("FAIRHIRE_SHUTDOWN_GRACE_SECONDS", "1"),
    ];
    let api = Proc::start("api", dir.path(), &database_url, &smtp.url(), &[]);
    let client = reqwest::Client::new();

    // The supplier's invitation is the job: its first workers send into the tarpit.
    let mut first = Proc::start("worker", dir.path(), &database_url, &stuck, &short);
    let contact = "slow-contact@supplier.example";
    let (status, body) = send(
        &client,
        reqwest::Method::POST,
        &api.url("/api/v1/auth/register"),
        None,
        &serde_json::json!({"company_name": "Slow", "name": "A", "email": "slow-admin@example.org", "password": "a-long-password-1"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let company = body["organization"]["id"].as_str().unwrap().to_string();
    let token = body["access_token"].as_str().unwrap().to_string();
    let (status, body) = send(
        &client,
        reqwest::Method::POST,
        &api.url(&format!("/api/v1/companies/{company}/suppliers")),
        Some(&token),
        &serde_json::json!({"name": "Slow Supplier", "country": "MY", "sector": "electronics", "contact_email": contact}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let running = |attempts: i64| {
        let db = &db;
        async move {
            scalar(
                db,
                &format!(
                    "SELECT COUNT(*) FROM jobs WHERE kind = 'send_email' AND status = 'running' AND attempts = {attempts}"
                ),
            )
            .await
                == 1
        }
    };
    wait_until(
        Duration::from_secs(20),
        "the first worker to take the email",
        || running(1),
    )
    .await;

    // SIGTERM: the job cannot finish within the 1 s grace period, so the worker
    // releases it and exits.
    let stopping = Instant::now();
    assert!(
        first.terminate(Duration::from_secs(10)),
        "the worker exits after SIGTERM"
    );
    assert!(
        stopping.elapsed() < Duration::from_secs(6),
        "within the grace period"
    );
    let queued = scalar(
        &db,
        "SELECT COUNT(*) FROM jobs WHERE kind = 'send_email' AND status = 'queued' AND lease_until IS NULL",
    )
    .await;
    assert_eq!(queued, 1, "the stopped worker released its job");

    // SIGKILL: no chance to release; the lease must run out.
    let mut second = Proc::start("worker", dir.path(), &database_url, &stuck, &short);
    wait_until(
        Duration::from_secs(20),
        "the second worker to take the email",
        || running(2),
    )
    .await;
    second.kill();
    assert!(
        running(2).await,
        "a killed worker's job stays claimed until its lease ends"
    );

    let _third = Proc::start("worker", dir.path(), &database_url, &smtp.url(), &short);
    wait_until(Duration::from_secs(30), "the email to be sent", || {
        let db = &db;
        async move {
            scalar(
                db,
                "SELECT COUNT(*) FROM jobs WHERE kind = 'send_email' AND status = 'done'",
            )
            .await
                == 1
        }
    })
    .await;
    let attempts = scalar(
        &db,
        "SELECT CAST(MAX(attempts) AS BIGINT) FROM jobs WHERE kind = 'send_email'",
    )
    .await;
    assert_eq!(attempts, 3, "released once, taken over once, done once");
    assert_emails_once(&db, &maildir).await;
    assert_eq!(support::message_ids(&maildir).len(), 1);
}

/// On either database: `/metrics` in the Prometheus text format on the API and on
/// a worker's `FAIRHIRE_METRICS_BIND`, and SIGTERM stops both promptly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_served_and_sigterm_stops_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _db) = migrated_database(dir.path(), fresh_database(dir.path()).await).await;
    let outbox = "smtp://127.0.0.1:9";
    let mut api = Proc::start("api", dir.path(), &database_url, outbox, &[]);
    let mut worker = Proc::start(
        "worker",
        dir.path(),
        &database_url,
        outbox,
        &[("FAIRHIRE_METRICS_BIND", "127.0.0.1:0")],
    );
    let client = reqwest::Client::new();
    assert_eq!(
        client
            .get(api.url("/health/ready"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let response = client.get(api.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_string();
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    let text = response.text().await.unwrap();
    for expected in [
        "fairhire_http_requests_total{method=\"GET\",route=\"/health/ready\",status=\"200\"} 1",
        "fairhire_http_request_duration_seconds_bucket{method=\"GET\",route=\"/health/ready\",status=\"200\",le=\"+Inf\"} 1",
        "fairhire_database_up 1",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }

    // The worker's own endpoint: its job durations once the scheduler's jobs ran.
    assert_eq!(
        client
            .get(worker.url("/health/ready"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    let worker_text = loop {
        let text = client
            .get(worker.url("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if text.contains("fairhire_job_duration_seconds_count{kind=") {
            break text;
        }
        assert!(Instant::now() < deadline, "no job metrics on the worker:\n{text}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(worker_text.contains("fairhire_jobs{kind="), "{worker_text}");

    for process in [&mut api, &mut worker] {
        let started = Instant::now();
        assert!(process.terminate(Duration::from_secs(10)), "exits on SIGTERM");
        assert!(started.elapsed() < Duration::from_secs(5), "promptly");
    }
}
