//! Running the real `fairhire` binary as several processes against one fresh
//! PostgreSQL database (see [`Postgres`]), and talking to them over HTTP.

use std::{
    collections::HashMap,
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use serde_json::{Value, json};

use crate::{
    helpers::{SmtpServer, database_on, free_port, invitation_code},
    own_postgres::OwnPostgres,
};

/// The signing key every replica shares.
pub const JWT_SECRET: &str = "scale-test-secret-scale-test-secret-0001";

/// The PostgreSQL server a scale-out test runs on: the one
/// `FAIRHIRE_TEST_DATABASE_URL` names (CI's), or else a cluster of the test's
/// own, running while this lives.
pub struct Postgres {
    server: String,
    _own: Option<OwnPostgres>,
}

impl Postgres {
    pub fn start() -> Self {
        match std::env::var("FAIRHIRE_TEST_DATABASE_URL") {
            Ok(server) if server.starts_with("postgres") => Self { server, _own: None },
            _ => {
                let own = OwnPostgres::start();
                Self {
                    server: own.url(),
                    _own: Some(own),
                }
            }
        }
    }

    /// A new, empty database on the server; its URL.
    pub async fn database(&self) -> String {
        database_on(&self.server).await
    }
}

/// `url` (an empty database) migrated by `fairhire migrate`, and a pool on it.
pub async fn migrated_database(dir: &Path, url: String) -> (String, DatabaseConnection) {
    // reqwest has no built-in TLS provider here (see worker::webhooks); the test
    // builds its clients after this point.
    worker::webhooks::install_tls_provider();
    let output = Command::new(env!("CARGO_BIN_EXE_fairhire"))
        .arg("migrate")
        .env("FAIRHIRE_DATABASE_URL", &url)
        .env("FAIRHIRE_DATA_DIR", dir)
        .env("FAIRHIRE_LOG", "warn")
        .output()
        .expect("run fairhire migrate");
    assert!(
        output.status.success(),
        "migrate failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let db = Database::connect(url.clone()).await.expect("connect");
    (url, db)
}

/// One `fairhire` process; killed (SIGKILL) when dropped.
pub struct Proc {
    pub child: Child,
    /// `http://127.0.0.1:PORT` for `api`, or a worker's metrics address.
    pub address: Option<String>,
    /// Its last output lines (logs), for a failing assertion.
    pub output: Arc<Mutex<Vec<String>>>,
}

impl Proc {
    /// Starts `fairhire <role>` with the common settings plus `extra`; for `api`,
    /// waits for its `listening on` line.
    pub fn start(role: &str, dir: &Path, database_url: &str, smtp_url: &str, extra: &[(&str, &str)]) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_fairhire"));
        command
            .arg(role)
            .env("FAIRHIRE_BIND", "127.0.0.1:0")
            .env("FAIRHIRE_DATABASE_URL", database_url)
            .env("FAIRHIRE_DATA_DIR", dir)
            .env("FAIRHIRE_JWT_SECRET", JWT_SECRET)
            .env("FAIRHIRE_SMTP_URL", smtp_url)
            .env("FAIRHIRE_PUBLIC_URL", "http://portal.test")
            .env("FAIRHIRE_LOG", "warn")
            .env_remove("FAIRHIRE_METRICS_BIND")
            .env_remove("FAIRHIRE_JOB_LEASE_SECONDS")
            .env_remove("FAIRHIRE_WORKER_CONCURRENCY")
            .env_remove("FAIRHIRE_SHUTDOWN_GRACE_SECONDS")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in extra {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start fairhire");
        let output = Arc::new(Mutex::new(Vec::new()));
        // Drain both pipes so a chatty process never blocks on a full pipe.
        let stderr = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                keep(&sink, line);
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let address = line
                    .strip_prefix("listening on ")
                    .or_else(|| line.strip_prefix("metrics on "))
                    .map(|a| a.trim().trim_end_matches("/metrics").to_string());
                if let Some(address) = address {
                    let _ = tx.send(address);
                }
                keep(&sink, line);
            }
        });
        let serves = role == "api" || extra.iter().any(|(k, _)| *k == "FAIRHIRE_METRICS_BIND");
        let address = serves.then(|| {
            rx.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| {
                panic!(
                    "fairhire {role} did not start: {:?}",
                    output.lock().map(|o| o.clone())
                )
            })
        });
        Self {
            child,
            address,
            output,
        }
    }

    /// The API's address.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address.as_deref().expect("an api process"))
    }

    /// SIGKILL: the process dies at once, mid-job.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then waits up to `within` for the exit; says whether it exited.
    pub fn terminate(&mut self, within: Duration) -> bool {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

fn keep(sink: &Mutex<Vec<String>>, line: String) {
    if let Ok(mut lines) = sink.lock() {
        if lines.len() > 200 {
            lines.remove(0);
        }
        lines.push(line);
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One number from a query.
pub async fn scalar(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .expect("a row");
    row.try_get_by_index::<i64>(0).expect("a number")
}

/// Rows of (text, number).
pub async fn pairs(db: &DatabaseConnection, sql: &str) -> Vec<(String, i64)> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql.to_string()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .map(|row| {
            (
                row.try_get_by_index::<String>(0).expect("text"),
                row.try_get_by_index::<i64>(1).expect("number"),
            )
        })
        .collect()
}

/// Polls `check` every 100 ms until it holds; panics with `what` after `within`.
pub async fn wait_until<F, Fut>(within: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + within;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A JSON request that retries on connection errors and 5xx (a replica or the
/// database briefly away) and returns the final status and body.
pub async fn send(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: &str,
    token: Option<&str>,
    body: &Value,
) -> (u16, Value) {
    let mut last = String::new();
    for _ in 0..40 {
        let mut request = client.request(method.clone(), url).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        match request.send().await {
            Ok(response) if response.status().as_u16() < 500 => {
                let status = response.status().as_u16();
                let body = response.json().await.unwrap_or(Value::Null);
                return (status, body);
            }
            Ok(response) => last = format!("status {}", response.status()),
            Err(error) => last = error.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("{method} {url} kept failing: {last}");
}

/// A company, a supplier whose contact accepted the invitation, and a small
/// questionnaire of the company's own: everything an assessment needs.
pub struct World {
    pub company_id: String,
    pub company_token: String,
    pub admin_email: String,
    pub supplier_id: String,
    pub supplier_token: String,
    pub questionnaire_id: String,
}

/// Builds a [`World`] through `api`; the invitation travels through the workers
/// and `smtp`.
pub async fn world(client: &reqwest::Client, api: &Proc, smtp: &SmtpServer) -> World {
    let admin_email = format!("admin-{}@example.org", uuid::Uuid::new_v4().simple());
    let (status, registered) = send(
        client,
        reqwest::Method::POST,
        &api.url("/api/v1/auth/register"),
        None,
        &json!({"company_name": "Scale Textiles", "name": "Admin", "email": admin_email, "password": "a-long-password-1"}),
    )
    .await;
    assert_eq!(status, 201, "register: {registered}");
    let company_id = registered["organization"]["id"]
        .as_str()
        .expect("org")
        .to_string();
    let company_token = registered["access_token"].as_str().expect("token").to_string();

    let contact = format!("contact-{}@supplier.example", uuid::Uuid::new_v4().simple());
    let (status, supplier) = send(
        client,
        reqwest::Method::POST,
        &api.url(&format!("/api/v1/companies/{company_id}/suppliers")),
        Some(&company_token),
        &json!({"name": "Selangor Circuits", "country": "MY", "sector": "electronics", "contact_email": contact}),
    )
    .await;
    assert_eq!(status, 201, "create supplier: {supplier}");
    let supplier_id = supplier["id"].as_str().expect("supplier id").to_string();
    let mut invitation = None;
    wait_until(Duration::from_secs(30), "the invitation email", || {
        let found = smtp
            .messages()
            .into_iter()
            .find(|m| m.to.contains(&contact) && m.text.contains("Invitation code: "));
        let done = found.is_some();
        if let Some(found) = found {
            invitation = Some(invitation_code(&found));
        }
        async move { done }
    })
    .await;
    let (status, accepted) = send(
        client,
        reqwest::Method::POST,
        &api.url(&format!(
            "/api/v1/invitations/{}/accept",
            invitation.expect("code")
        )),
        None,
        &json!({"name": "Supplier Contact", "password": "supplier-password-1"}),
    )
    .await;
    assert_eq!(status, 200, "accept: {accepted}");
    let supplier_token = accepted["access_token"].as_str().expect("token").to_string();

    let (status, created) = send(
        client,
        reqwest::Method::POST,
        &api.url(&format!("/api/v1/companies/{company_id}/questionnaires")),
        Some(&company_token),
        &crate::fixtures::small_definition("scale", 1),
    )
    .await;
    assert_eq!(status, 201, "questionnaire: {created}");
    World {
        company_id,
        company_token,
        admin_email,
        supplier_id,
        supplier_token,
        questionnaire_id: created["id"].as_str().expect("id").to_string(),
    }
}

/// Sends the questionnaire to the supplier once more and saves answers that raise
/// one priority finding (fees paid); returns the assessment id. Not submitted.
pub async fn answered_assessment(client: &reqwest::Client, api: &Proc, world: &World) -> String {
    let due = (chrono::Utc::now() + chrono::Duration::days(30))
        .date_naive()
        .to_string();
    let (status, created) = send(
        client,
        reqwest::Method::POST,
        &api.url(&format!("/api/v1/companies/{}/assessments", world.company_id)),
        Some(&world.company_token),
        &json!({"supplier_id": world.supplier_id, "questionnaire_id": world.questionnaire_id, "due_date": due}),
    )
    .await;
    assert_eq!(status, 201, "send assessment: {created}");
    let id = created["id"].as_str().expect("id").to_string();
    let (status, saved) = send(
        client,
        reqwest::Method::PUT,
        &api.url(&format!("/api/v1/assessments/{id}/answers")),
        Some(&world.supplier_token),
        &json!({"answers": {"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 66}}),
    )
    .await;
    assert_eq!(status, 200, "save answers: {saved}");
    id
}

/// Submits; `202` (or `409` when a retried request had already gone through).
pub async fn submit(client: &reqwest::Client, api: &Proc, world: &World, id: &str) {
    let (status, body) = send(
        client,
        reqwest::Method::POST,
        &api.url(&format!("/api/v1/assessments/{id}/submit")),
        Some(&world.supplier_token),
        &json!({}),
    )
    .await;
    assert!(status == 202 || status == 409, "submit {id}: {status} {body}");
}

/// Every assessment of `company` scored exactly once: one risk-history row and one
/// (the fees) finding each.
pub async fn assert_scored_once(db: &DatabaseConnection, world: &World, ids: &[String]) {
    let company = &world.company_id;
    let scored = scalar(
        db,
        &format!("SELECT COUNT(*) FROM assessments WHERE company_id = '{company}' AND status = 'scored'"),
    )
    .await;
    assert_eq!(scored, ids.len() as i64, "every assessment scored");
    let history: HashMap<String, i64> = pairs(
        db,
        &format!(
            "SELECT CAST(assessment_id AS TEXT), COUNT(*) FROM supplier_risk_history \
             WHERE company_id = '{company}' GROUP BY assessment_id"
        ),
    )
    .await
    .into_iter()
    .collect();
    let findings: HashMap<String, i64> = pairs(
        db,
        &format!(
            "SELECT CAST(assessment_id AS TEXT), COUNT(*) FROM findings \
             WHERE company_id = '{company}' AND assessment_id IS NOT NULL GROUP BY assessment_id"
        ),
    )
    .await
    .into_iter()
    .collect();
    for id in ids {
        assert_eq!(history.get(id), Some(&1), "risk history rows of {id}");
        assert_eq!(findings.get(id), Some(&1), "findings of {id}");
    }
}

/// Every email the platform recorded as sent reached `smtp` exactly once, and
/// nothing else did.
pub async fn assert_emails_once(db: &DatabaseConnection, maildir: &Path) {
    let unsent = scalar(db, "SELECT COUNT(*) FROM outbound_emails WHERE status <> 'sent'").await;
    assert_eq!(unsent, 0, "every email sent");
    let recorded: Vec<(String, i64)> = pairs(
        db,
        "SELECT message_id, COUNT(*) FROM outbound_emails GROUP BY message_id",
    )
    .await;
    let mut received: HashMap<String, i64> = HashMap::new();
    for id in message_ids(maildir) {
        *received.entry(id).or_default() += 1;
    }
    let duplicates: Vec<_> = received.iter().filter(|(_, n)| **n > 1).collect();
    assert!(duplicates.is_empty(), "received twice: {duplicates:?}");
    assert_eq!(received.len(), recorded.len(), "received as many as recorded");
    for (id, count) in recorded {
        assert_eq!(count, 1, "one row per message id");
        assert_eq!(received.get(&id), Some(&1), "{id} received once");
    }
}

/// The `Message-ID` of every message in the SMTP server's Maildir.
pub fn message_ids(maildir: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    for sub in ["new", "cur"] {
        let Ok(entries) = std::fs::read_dir(maildir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("read a message");
            let (headers, _) = mailparse::parse_headers(&bytes).expect("headers");
            use mailparse::MailHeaderMap;
            ids.push(headers.get_first_value("Message-ID").expect("a Message-ID"));
        }
    }
    ids
}

/// An SMTP server whose Maildir the test knows.
pub fn smtp_server(dir: &Path) -> (SmtpServer, std::path::PathBuf) {
    let maildir = dir.join("maildir");
    (SmtpServer::start_on(free_port(), maildir.clone()), maildir)
}
