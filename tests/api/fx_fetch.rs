//! The daily FX fetch from a provider, against a local HTTP server: success,
//! a malformed answer, and a 500 then success on retry.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use domain::{
    entities::{fx_rate, job},
    fee_audit::store::FetchFxRates,
    jobs::{self, JobOptions},
};
use sea_orm::{EntityTrait, PaginatorTrait};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpListener,
};

use crate::helpers::{TestApp, spawn_app};

/// A provider that answers each request with the next (status, body) in the list
/// (repeating the last one).
async fn provider(answers: Vec<(u16, &'static str)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let answers = Arc::new(Mutex::new(answers));
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = [0u8; 4096];
            let _ = socket.read(&mut buffer).await;
            let (status, body) = {
                let mut list = answers.lock().unwrap();
                if list.len() > 1 { list.remove(0) } else { list[0] }
            };
            let reply = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(reply.as_bytes()).await;
        }
    });
    format!("http://{address}/latest")
}

fn runner(app: &TestApp, url: String) -> worker::Runner {
    let mut config = fairhire::startup::worker_config(&app.settings).unwrap();
    config.fx_url = Some(url);
    config.backoff_base = Duration::from_millis(20);
    fairhire::startup::runner(app.db.clone(), config).unwrap()
}

const GOOD: &str = r#"{"date": "2026-01-15", "base": "USD", "rates": {"NPR": 125, "MYR": 4}}"#;

#[tokio::test]
async fn rates_are_fetched_for_every_company() {
    let app = spawn_app().await;
    app.registered_company().await;
    app.registered_company().await;
    let runner = runner(&app, provider(vec![(200, GOOD)]).await);
    jobs::enqueue(
        &app.db,
        &FetchFxRates {
            day: chrono::Utc::now().date_naive(),
        },
        JobOptions::default(),
    )
    .await
    .unwrap();
    runner.run_until_idle().await.unwrap();
    let rows = fx_rate::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 4, "two currencies for two companies");
    let npr = rows.iter().find(|r| r.currency == "NPR").unwrap();
    assert_eq!(npr.usd_per_unit, "0.008");
    assert_eq!(npr.source, "fetch");
}

#[tokio::test]
async fn a_malformed_answer_stores_nothing_and_fails_the_attempt() {
    let app = spawn_app().await;
    app.registered_company().await;
    let runner = runner(&app, provider(vec![(200, "<html>not json</html>")]).await);
    jobs::enqueue(
        &app.db,
        &FetchFxRates {
            day: chrono::Utc::now().date_naive(),
        },
        JobOptions {
            max_attempts: 1,
            ..JobOptions::default()
        },
    )
    .await
    .unwrap();
    runner.run_until_idle().await.unwrap();
    assert_eq!(fx_rate::Entity::find().count(&app.db).await.unwrap(), 0);
    let failed = job::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(failed.status, "failed");
    assert!(failed.last_error.unwrap().contains("not the expected JSON"));
}

#[tokio::test]
async fn a_500_is_retried_until_the_provider_answers() {
    let app = spawn_app().await;
    app.registered_company().await;
    let runner = runner(&app, provider(vec![(500, "{}"), (200, GOOD)]).await);
    jobs::enqueue(
        &app.db,
        &FetchFxRates {
            day: chrono::Utc::now().date_naive(),
        },
        JobOptions::default(),
    )
    .await
    .unwrap();
    // One attempt only: with a short backoff, `run_until_idle` could already take
    // the retry on a slow machine, and the first attempt's failure would go unseen.
    runner.run_once().await.unwrap().expect("the job ran");
    assert_eq!(
        fx_rate::Entity::find().count(&app.db).await.unwrap(),
        0,
        "the first attempt failed"
    );
    let waiting = job::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(
        (waiting.status.as_str(), waiting.attempts),
        ("queued", 1),
        "queued for a retry"
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while fx_rate::Entity::find().count(&app.db).await.unwrap() == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the retry never stored the rates"
        );
        tokio::time::sleep(Duration::from_millis(30)).await;
        runner.run_until_idle().await.unwrap();
    }
    let done = job::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(done.status, "done");
    assert_eq!(done.attempts, 2);
}

#[tokio::test]
async fn an_uploaded_rate_is_never_overwritten_by_a_fetched_one() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let uploaded = app
        .client
        .post(app.url(&format!("/api/v1/companies/{}/fx-rates", company.id)))
        .bearer_auth(&company.token)
        .header("content-type", "text/csv")
        .body("currency,date,usd_per_unit\nNPR,2026-01-15,0.0075\n")
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 201);
    let runner = runner(&app, provider(vec![(200, GOOD)]).await);
    jobs::enqueue(
        &app.db,
        &FetchFxRates {
            day: chrono::Utc::now().date_naive(),
        },
        JobOptions::default(),
    )
    .await
    .unwrap();
    runner.run_until_idle().await.unwrap();
    let rows = fx_rate::Entity::find().all(&app.db).await.unwrap();
    let npr = rows.iter().find(|r| r.currency == "NPR").unwrap();
    assert_eq!(npr.usd_per_unit, "0.0075", "the auditors' rate wins");
    assert!(rows.iter().any(|r| r.currency == "MYR" && r.source == "fetch"));
}
