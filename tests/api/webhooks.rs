//! Webhooks: subscriptions, signed deliveries to a real local receiver, retries
//! after errors and timeouts, disabling after 20 failures, and the SSRF guard at
//! creation and at delivery.

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use domain::entities::webhook;
use hmac::{Hmac, KeyInit, Mac};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{Company, Options, TestApp, assert_problem, spawn_app, spawn_app_with},
};

pub const SECRET: &str = "whsec-test-0123456789abcdef";

/// What the receiver answers to the next request.
#[derive(Clone, Copy)]
pub enum Reply {
    /// Answer with this status at once.
    Status(u16),
    /// Answer 200, but only after this long (longer than the client waits).
    Slow(Duration),
}

/// One request the receiver got.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The `Fairhire-Signature` header.
    pub signature: String,
    /// The raw body.
    pub body: Vec<u8>,
}

/// A webhook receiver on 127.0.0.1 answering from a plan (then `fallback`).
pub struct Receiver {
    /// `http://127.0.0.1:PORT/hook`.
    pub url: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    plan: Arc<Mutex<VecDeque<Reply>>>,
}

struct Shared {
    hits: Arc<Mutex<Vec<Hit>>>,
    plan: Arc<Mutex<VecDeque<Reply>>>,
    fallback: Reply,
}

async fn receive(req: HttpRequest, body: web::Bytes, shared: web::Data<Shared>) -> HttpResponse {
    let signature = req
        .headers()
        .get("Fairhire-Signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    shared.hits.lock().unwrap().push(Hit {
        signature,
        body: body.to_vec(),
    });
    let reply = shared.plan.lock().unwrap().pop_front().unwrap_or(shared.fallback);
    match reply {
        Reply::Status(code) => HttpResponse::build(actix_web::http::StatusCode::from_u16(code).unwrap())
            .body(format!("answered {code}")),
        Reply::Slow(wait) => {
            tokio::time::sleep(wait).await;
            HttpResponse::Ok().body("late")
        }
    }
}

impl Receiver {
    /// Starts a receiver answering `plan` in order, then `fallback`.
    pub fn start(plan: Vec<Reply>, fallback: Reply) -> Self {
        let hits = Arc::new(Mutex::new(Vec::new()));
        let plan = Arc::new(Mutex::new(VecDeque::from(plan)));
        let shared = web::Data::new(Shared {
            hits: hits.clone(),
            plan: plan.clone(),
            fallback,
        });
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(shared.clone())
                .route("/hook", web::post().to(receive))
        })
        .workers(1)
        .disable_signals()
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        Self {
            url: format!("http://127.0.0.1:{port}/hook"),
            hits,
            plan,
        }
    }

    /// Every request so far.
    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    /// Replies not used yet.
    pub fn pending(&self) -> usize {
        self.plan.lock().unwrap().len()
    }
}

/// Checks `Fairhire-Signature: t=<unix>,v1=<hex>` over the raw body, computing the
/// HMAC here rather than with the server's code.
pub fn verify(hit: &Hit, secret: &str) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in hit.signature.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = Some(value.to_string()),
            Some(("v1", value)) => v1 = Some(value.to_string()),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else {
        return false;
    };
    let mut mac = <Hmac<sha2_hmac::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(&hit.body);
    mac.verify_slice(&hex::decode(v1).unwrap_or_default()).is_ok()
}

impl TestApp {
    /// `POST /companies/{cid}/webhooks`.
    pub async fn create_webhook(&self, company: &Company, url: &str, events: &[&str]) -> reqwest::Response {
        self.post_json(
            &format!("/companies/{}/webhooks", company.id),
            Some(&company.token),
            &json!({"url": url, "events": events, "secret": SECRET}),
        )
        .await
    }

    /// `POST /webhooks/{id}/test`.
    pub async fn send_test_event(&self, token: &str, id: &str) -> reqwest::Response {
        self.post_json(&format!("/webhooks/{id}/test"), Some(token), &json!({}))
            .await
    }

    /// `GET /webhooks/{id}/deliveries` (newest first).
    pub async fn deliveries(&self, token: &str, id: &str) -> Vec<Value> {
        let response = self
            .get_api(&format!("/webhooks/{id}/deliveries?per_page=200"), Some(token))
            .await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        body["items"].as_array().unwrap().clone()
    }
}

/// A supplier's assessment of the small questionnaire, submitted with answers
/// that raise a red flag; returns the supplier user's token and the assessment id.
pub async fn submitted_assessment(app: &TestApp, company: &Company) -> (String, String, String) {
    let supplier = app.supplier_with_user(company, "Selangor Circuits").await;
    let created: Value = app
        .post_json(
            &format!("/companies/{}/questionnaires", company.id),
            Some(&company.token),
            &small_definition("small", 1),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = app
        .send_assessment(company, &supplier.supplier_id, created["id"].as_str().unwrap())
        .await;
    let saved = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 66}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.submit(&supplier.token, &id).await.status(), 202);
    (supplier.token, supplier.supplier_id, id)
}

pub async fn private_app() -> TestApp {
    spawn_app_with(Options {
        allow_private_webhooks: true,
        ..Options::default()
    })
    .await
}

/// A runner on the app's database with a short HTTP timeout and a tiny backoff.
fn fast_runner(app: &TestApp, timeout: Duration) -> worker::Runner {
    let mut config = fairhire::startup::worker_config(&app.settings).unwrap();
    config.backoff_base = Duration::from_millis(10);
    config.webhooks.timeout = timeout;
    fairhire::startup::runner(app.db.clone(), config).unwrap()
}

/// Runs jobs (waiting out backoffs) until `done` holds or 30 s pass.
async fn run_until(runner: &worker::Runner, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "gave up waiting for deliveries");
        runner.run_until_idle().await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn events_are_delivered_with_the_contract_body_and_a_valid_signature() {
    let app = private_app().await;
    let company = app.registered_company().await;
    let receiver = Receiver::start(vec![], Reply::Status(200));
    let created = app
        .create_webhook(
            &company,
            &receiver.url,
            &["assessment.submitted", "assessment.scored", "finding.created"],
        )
        .await;
    assert_eq!(created.status(), 201);
    let hook: Value = created.json().await.unwrap();
    assert!(hook.get("secret").is_none(), "the secret is never returned");
    assert_eq!(hook["secret_hint"], "…cdef");
    assert_eq!(hook["active"], true);

    let (_, supplier_id, assessment) = submitted_assessment(&app, &company).await;
    app.run_jobs().await; // score, then deliver
    app.run_jobs().await;

    let hits = receiver.hits();
    let bodies: Vec<Value> = hits
        .iter()
        .map(|h| serde_json::from_slice(&h.body).unwrap())
        .collect();
    let events: Vec<&str> = bodies.iter().map(|b| b["event"].as_str().unwrap()).collect();
    assert!(events.contains(&"assessment.submitted"), "{events:?}");
    assert!(events.contains(&"assessment.scored"), "{events:?}");
    assert!(events.contains(&"finding.created"), "{events:?}");
    for (hit, body) in hits.iter().zip(&bodies) {
        assert!(verify(hit, SECRET), "signature of {}", body["event"]);
        assert!(!verify(hit, "another-secret-entirely"));
        let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 4, "{body}");
        assert!(body["id"].as_str().unwrap().len() == 36);
        chrono::DateTime::parse_from_rfc3339(body["created_at"].as_str().unwrap()).unwrap();
    }
    let submitted = bodies
        .iter()
        .find(|b| b["event"] == "assessment.submitted")
        .unwrap();
    assert_eq!(submitted["data"]["assessment_id"], assessment.as_str());
    assert_eq!(submitted["data"]["supplier_id"], supplier_id.as_str());
    let scored = bodies.iter().find(|b| b["event"] == "assessment.scored").unwrap();
    assert_eq!(scored["data"]["risk_band"], "critical");

    // The log shows each attempt with its status.
    let log = app.deliveries(&company.token, hook["id"].as_str().unwrap()).await;
    assert_eq!(log.len(), hits.len());
    assert!(log.iter().all(|d| d["status_code"] == 200 && d["attempt"] == 1));
    assert!(log.iter().all(|d| d["duration_ms"].as_i64().is_some()));
    assert_eq!(log[0]["response_snippet"], "answered 200");
}

#[tokio::test]
async fn failed_deliveries_are_retried_after_errors_and_timeouts_until_one_succeeds() {
    let app = private_app().await;
    let company = app.registered_company().await;
    let receiver = Receiver::start(
        vec![
            Reply::Status(500),
            Reply::Slow(Duration::from_secs(3)),
            Reply::Status(503),
        ],
        Reply::Status(204),
    );
    let hook: Value = app
        .create_webhook(&company, &receiver.url, &["report.ready"])
        .await
        .json()
        .await
        .unwrap();
    let id = hook["id"].as_str().unwrap();
    assert_eq!(app.send_test_event(&company.token, id).await.status(), 202);

    let runner = fast_runner(&app, Duration::from_millis(500));
    run_until(&runner, || receiver.hits().len() >= 4).await;
    runner.run_until_idle().await.unwrap();

    assert_eq!(receiver.pending(), 0);
    let mut log = app.deliveries(&company.token, id).await;
    log.reverse();
    let attempts: Vec<i64> = log.iter().map(|d| d["attempt"].as_i64().unwrap()).collect();
    assert_eq!(attempts, [1, 2, 3, 4]);
    assert_eq!(log[0]["status_code"], 500);
    assert_eq!(log[1]["status_code"], Value::Null);
    assert!(
        log[1]["error"].as_str().unwrap().contains("timed out"),
        "{}",
        log[1]
    );
    assert_eq!(log[2]["status_code"], 503);
    assert_eq!(log[3]["status_code"], 204);
    // The same event every time, so the receiver can de-duplicate by its id.
    let ids: Vec<Value> = receiver
        .hits()
        .iter()
        .map(|h| serde_json::from_slice::<Value>(&h.body).unwrap()["id"].clone())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]));
    let listed: Value = app
        .get_api(
            &format!("/companies/{}/webhooks", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["items"][0]["consecutive_failures"], 0);
    assert_eq!(listed["items"][0]["active"], true);
}

#[tokio::test]
async fn twenty_failures_in_a_row_disable_the_webhook_and_email_the_admins() {
    let app = private_app().await;
    let company = app.registered_company().await;
    let receiver = Receiver::start(vec![], Reply::Status(500));
    let hook: Value = app
        .create_webhook(&company, &receiver.url, &["fee_audit.created"])
        .await
        .json()
        .await
        .unwrap();
    let id = hook["id"].as_str().unwrap();
    for _ in 0..21 {
        assert_eq!(app.send_test_event(&company.token, id).await.status(), 202);
    }
    let runner = fast_runner(&app, Duration::from_secs(2));
    runner.run_until_idle().await.unwrap();

    // The 21st event finds the webhook disabled and is not sent.
    assert_eq!(receiver.hits().len(), 20);
    let listed: Value = app
        .get_api(
            &format!("/companies/{}/webhooks", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["items"][0]["active"], false);
    assert_eq!(listed["items"][0]["consecutive_failures"], 20);

    app.run_jobs().await;
    let mail = app
        .outbox()
        .iter()
        .map(|raw| crate::helpers::parse_email(raw.as_bytes()))
        .find(|m| m.subject.contains("webhook"))
        .expect("the admins are told");
    assert!(mail.to.contains(&company.email));
    assert!(mail.text.contains(&receiver.url), "{}", mail.text);

    // Re-enabling clears the streak.
    let enabled = app
        .patch_json(
            &format!("/webhooks/{id}"),
            &company.token,
            &json!({"active": true}),
        )
        .await;
    let enabled: Value = enabled.json().await.unwrap();
    assert_eq!(enabled["active"], true);
    assert_eq!(enabled["consecutive_failures"], 0);
}

#[tokio::test]
async fn loopback_and_private_targets_are_refused_at_creation() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://localhost:9/hook",
        "http://10.0.0.8/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://100.64.1.1/hook",
        "ftp://example.org/hook",
    ] {
        let problem = assert_problem(app.create_webhook(&company, url, &["report.ready"]).await, 422).await;
        assert_eq!(problem["errors"][0]["field"], "url", "{url}: {problem}");
    }
    let problem = assert_problem(
        app.post_json(
            &format!("/companies/{}/webhooks", company.id),
            Some(&company.token),
            &json!({"url": "https://example.org/hook", "events": ["nope"], "secret": "short"}),
        )
        .await,
        422,
    )
    .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["events[0]", "secret"]);
}

#[tokio::test]
async fn a_target_that_resolves_to_loopback_is_refused_at_delivery() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let receiver = Receiver::start(vec![], Reply::Status(200));
    // Stored as if it had passed the check earlier (e.g. DNS changed since).
    let port = receiver.url.split(':').nth(2).unwrap().to_string();
    let mut ids = Vec::new();
    for url in [receiver.url.clone(), format!("http://localhost:{port}")] {
        let row = webhook::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            company_id: Set(company.id.parse().unwrap()),
            url: Set(url),
            events: Set(json!(["report.ready"])),
            secret: Set(SECRET.into()),
            active: Set(true),
            consecutive_failures: Set(0),
            created_at: Set(chrono::Utc::now()),
        }
        .insert(&app.db)
        .await
        .unwrap();
        ids.push(row.id.to_string());
    }
    for id in &ids {
        assert_eq!(app.send_test_event(&company.token, id).await.status(), 202);
    }
    app.runner.run_once().await.unwrap();
    app.runner.run_once().await.unwrap();

    assert!(
        receiver.hits().is_empty(),
        "nothing reached the loopback receiver"
    );
    for id in &ids {
        let log = app.deliveries(&company.token, id).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0]["status_code"], Value::Null);
        assert!(
            log[0]["error"].as_str().unwrap().contains("loopback"),
            "{}",
            log[0]
        );
    }
}

#[tokio::test]
async fn webhooks_are_for_officers_and_admins_of_the_company() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    let created: Value = app
        .create_webhook(&company, "https://93.184.216.34/hook", &["report.ready"])
        .await
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let advisor = app.advisor_of(&company).await;
    assert_problem(
        app.get_api(&format!("/companies/{}/webhooks", company.id), Some(&advisor))
            .await,
        403,
    )
    .await;
    assert_problem(
        app.get_api(&format!("/webhooks/{id}/deliveries"), Some(&other.token))
            .await,
        404,
    )
    .await;
    assert_problem(app.send_test_event(&other.token, id).await, 404).await;
    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/webhooks/{id}")))
        .bearer_auth(&company.token)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    assert_problem(
        app.get_api(&format!("/webhooks/{id}/deliveries"), Some(&company.token))
            .await,
        404,
    )
    .await;
}
