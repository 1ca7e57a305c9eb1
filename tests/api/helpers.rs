//! The test harness: `spawn_app()` gives a `TestApp` with one helper per route.

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use fairhire::{
    config::Settings,
    startup::{Application, Mode},
};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use tempfile::TempDir;

#[path = "smtp_server.rs"]
mod smtp_server;

/// A running app with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// A client that keeps cookies and never follows redirects.
    pub client: reqwest::Client,
    /// The app's database.
    pub db: domain::database::Database,
    /// Runs the queued jobs on demand.
    pub runner: worker::Runner,
    /// The settings the app runs with.
    pub settings: Settings,
    /// The real SMTP server, when the test asked for one.
    pub smtp: Option<SmtpServer>,
    _data: TempDir,
}

/// How to spawn.
#[derive(Default)]
pub struct Options {
    /// Start a real SMTP server and send email through it.
    pub smtp: bool,
    /// `FAIRHIRE_WEBHOOK_ALLOW_PRIVATE=true`: webhooks may target 127.0.0.1.
    pub allow_private_webhooks: bool,
    /// `FAIRHIRE_OS_HUB_URL` and `FAIRHIRE_OS_HUB_TOKEN`: a fake Open Supply Hub.
    pub os_hub: Option<(String, String)>,
    /// Listen on a fixed free port and use it as `FAIRHIRE_PUBLIC_URL`, so a
    /// browser can follow redirects back to the app (single sign-on).
    pub own_public_url: bool,
}

/// The app with the `.eml` outbox as its mail transport.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

/// The app with a real SMTP server.
pub async fn spawn_app_with_smtp() -> TestApp {
    spawn_app_with(Options {
        smtp: true,
        ..Options::default()
    })
    .await
}

/// A fresh, migrated database: PostgreSQL when FAIRHIRE_TEST_DATABASE_URL is set,
/// else a SQLite file in `dir`. Returns its URL.
pub async fn fresh_database(dir: &Path) -> String {
    // reqwest has no built-in TLS provider here (see worker::webhooks); every
    // test builds its clients after this point.
    worker::webhooks::install_tls_provider();
    match std::env::var("FAIRHIRE_TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => database_on(&server).await,
        _ => format!("sqlite://{}/test.db?mode=rwc", dir.display()),
    }
}

/// A new, empty database on the PostgreSQL `server` (a URL to its maintenance
/// database). Returns its URL.
pub async fn database_on(server: &str) -> String {
    let admin = Database::connect(server)
        .await
        .expect("connect to the PostgreSQL test server");
    let name = format!("fh_test_{}", uuid::Uuid::new_v4().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create the test database");
    let _ = admin.close().await;
    let base = server.rsplit_once('/').map_or(server, |(b, _)| b);
    format!("{base}/{name}")
}

/// Settings for a test in `dir` using `database_url`.
pub fn test_settings(dir: &Path, database_url: &str, smtp_url: Option<String>) -> Settings {
    let mut values = std::collections::BTreeMap::new();
    values.insert("FAIRHIRE_BIND".to_string(), "127.0.0.1:0".to_string());
    values.insert("FAIRHIRE_DATA_DIR".to_string(), dir.display().to_string());
    values.insert("FAIRHIRE_DATABASE_URL".to_string(), database_url.to_string());
    values.insert(
        "FAIRHIRE_PUBLIC_URL".to_string(),
        "http://portal.test".to_string(),
    );
    values.insert(
        "FAIRHIRE_JWT_SECRET".to_string(),
        "test-secret-test-secret-test-secret-42".to_string(),
    );
    values.insert("FAIRHIRE_LOG".to_string(), "warn".to_string());
    if let Some(url) = smtp_url {
        values.insert("FAIRHIRE_SMTP_URL".to_string(), url);
    }
    Settings::from_values(&values).expect("test settings")
}

/// Spawns the app as the options say.
pub async fn spawn_app_with(options: Options) -> TestApp {
    let data = tempfile::tempdir().expect("temp dir");
    let smtp = options.smtp.then(|| SmtpServer::start(data.path()));
    let database_url = fresh_database(data.path()).await;
    let mut settings = test_settings(data.path(), &database_url, smtp.as_ref().map(SmtpServer::url));
    settings.webhook_allow_private = options.allow_private_webhooks;
    if options.own_public_url {
        let port = free_port();
        settings.bind = format!("127.0.0.1:{port}");
        settings.public_url = format!("http://127.0.0.1:{port}");
    }
    if let Some((url, token)) = options.os_hub {
        settings.os_hub_url = url;
        settings.os_hub_token = Some(token.into());
    }
    let db = fairhire::database::connect(&settings).await.expect("connect");
    fairhire::database::migrate(&db).await.expect("migrate");
    let app = Application::build_with(&settings, db.clone(), Mode::Api)
        .await
        .expect("build app");
    let address = format!("http://{}", app.address().expect("bound"));
    tokio::spawn(app.run_until_stopped());
    let mut config = fairhire::startup::worker_config(&settings).expect("worker config");
    config.backoff_base = Duration::from_millis(10);
    let runner = fairhire::startup::runner(db.clone(), config).expect("runner");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client");
    TestApp {
        address,
        client,
        db,
        runner,
        settings,
        smtp,
        _data: data,
    }
}

/// A registered company and its admin's token.
pub struct Company {
    /// The company id.
    pub id: String,
    /// The admin's access token.
    pub token: String,
    /// The admin's email.
    pub email: String,
}

impl TestApp {
    /// `{address}{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// POST JSON to an API path (`/api/v1` is prefixed), with an optional token.
    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> reqwest::Response {
        let mut request = self.client.post(self.url(&format!("/api/v1{path}"))).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request")
    }

    /// GET an API path with an optional token.
    pub async fn get_api(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut request = self.client.get(self.url(&format!("/api/v1{path}")));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request")
    }

    /// `POST /auth/register`.
    pub async fn register(&self, company: &str, email: &str, password: &str) -> reqwest::Response {
        self.post_json(
            "/auth/register",
            None,
            &json!({"company_name": company, "name": "Test Person", "email": email, "password": password}),
        )
        .await
    }

    /// Registers a company with a random admin email and returns it.
    pub async fn registered_company(&self) -> Company {
        let email = format!("admin-{}@example.org", uuid::Uuid::new_v4().simple());
        let response = self.register("Acme Textiles", &email, "a-long-password-1").await;
        assert_eq!(response.status(), 201, "register");
        let body: Value = response.json().await.expect("json");
        Company {
            id: body["organization"]["id"].as_str().expect("org id").to_string(),
            token: body["access_token"].as_str().expect("token").to_string(),
            email,
        }
    }

    /// Turns on `company`'s second-factor policy for its staff, as its admin
    /// (`PUT /companies/{cid}/security`; `mfa_totp` tests that route itself).
    pub async fn require_second_factor(&self, company: &Company) {
        let set = self
            .client
            .put(self.url(&format!("/api/v1/companies/{}/security", company.id)))
            .bearer_auth(&company.token)
            .json(&json!({"mfa_required": true}))
            .send()
            .await
            .expect("request");
        assert_eq!(set.status(), 200, "second-factor policy set");
    }

    /// `POST /auth/login`.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_json(
            "/auth/login",
            None,
            &json!({"email": email, "password": password}),
        )
        .await
    }

    /// `GET /me`.
    pub async fn me(&self, token: &str) -> reqwest::Response {
        self.get_api("/me", Some(token)).await
    }

    /// `POST /companies/{cid}/advisors`.
    pub async fn invite_advisor(&self, company: &Company, email: &str) -> reqwest::Response {
        self.post_json(
            &format!("/companies/{}/advisors", company.id),
            Some(&company.token),
            &json!({"email": email}),
        )
        .await
    }

    /// `POST /invitations/{token}/accept`.
    pub async fn accept_invitation(&self, token: &str, password: &str) -> reqwest::Response {
        self.post_json(
            &format!("/invitations/{token}/accept"),
            None,
            &json!({"name": "Invited Person", "password": password}),
        )
        .await
    }

    /// Runs every due job; returns how many ran.
    pub async fn run_jobs(&self) -> usize {
        self.runner.run_until_idle().await.expect("run jobs")
    }

    /// The `.eml` files written to the outbox, as text.
    pub fn outbox(&self) -> Vec<String> {
        read_dir_texts(&self.settings.data_dir.join("outbox"))
    }

    /// POST a `text/csv` body to an API path, with an optional token.
    pub async fn post_csv(&self, path: &str, token: Option<&str>, csv: &str) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(&format!("/api/v1{path}")))
            .header("content-type", "text/csv")
            .body(csv.to_string());
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request")
    }

    /// `POST /companies/{cid}/fx-rates`.
    pub async fn upload_fx_rates(&self, cid: &str, token: &str, csv: &str) -> reqwest::Response {
        self.post_csv(&format!("/companies/{cid}/fx-rates"), Some(token), csv)
            .await
    }

    /// `GET /companies/{cid}/fx-rates{query}` (query: e.g. `?currency=NPR`, or empty).
    pub async fn list_fx_rates(&self, cid: &str, token: &str, query: &str) -> reqwest::Response {
        self.get_api(&format!("/companies/{cid}/fx-rates{query}"), Some(token))
            .await
    }

    /// `POST /suppliers/{sid}/fee-audits`.
    pub async fn upload_fee_audit(&self, sid: &str, token: &str, csv: &str) -> reqwest::Response {
        self.post_csv(&format!("/suppliers/{sid}/fee-audits"), Some(token), csv)
            .await
    }

    /// `GET /suppliers/{sid}/fee-audits`.
    pub async fn list_fee_audits(&self, sid: &str, token: &str) -> reqwest::Response {
        self.get_api(&format!("/suppliers/{sid}/fee-audits"), Some(token))
            .await
    }

    /// `GET /fee-audits/{id}`.
    pub async fn get_fee_audit(&self, id: &str, token: &str) -> reqwest::Response {
        self.get_api(&format!("/fee-audits/{id}"), Some(token)).await
    }

    /// `POST /fee-audits/{id}/repayments`.
    pub async fn upload_repayments(&self, id: &str, token: &str, csv: &str) -> reqwest::Response {
        self.post_csv(&format!("/fee-audits/{id}/repayments"), Some(token), csv)
            .await
    }

    /// `GET /companies/{cid}/recruiters`.
    pub async fn list_recruiters(&self, cid: &str, token: &str) -> reqwest::Response {
        self.get_api(&format!("/companies/{cid}/recruiters"), Some(token))
            .await
    }

    /// `GET /recruiters/{id}`.
    pub async fn get_recruiter(&self, id: &str, token: &str) -> reqwest::Response {
        self.get_api(&format!("/recruiters/{id}"), Some(token)).await
    }

    /// `PATCH /recruiters/{id}`.
    pub async fn patch_recruiter(&self, id: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client
            .patch(self.url(&format!("/api/v1/recruiters/{id}")))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request")
    }
}

fn read_dir_texts(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect()
}

/// A received email, decoded.
#[derive(Debug)]
pub struct ReceivedEmail {
    /// `To` header.
    pub to: String,
    /// `Subject` header (decoded).
    pub subject: String,
    /// The decoded text/plain part.
    pub text: String,
    /// The decoded text/html part.
    pub html: String,
}

/// Parses a raw RFC 5322 message (multipart/alternative) into its parts.
pub fn parse_email(raw: &[u8]) -> ReceivedEmail {
    use mailparse::MailHeaderMap;
    let parsed = mailparse::parse_mail(raw).expect("parse email");
    let mut text = String::new();
    let mut html = String::new();
    let mut stack = vec![&parsed];
    while let Some(part) = stack.pop() {
        let mime = part.ctype.mimetype.to_lowercase();
        if mime == "text/plain" {
            text = part.get_body().unwrap_or_default();
        } else if mime == "text/html" {
            html = part.get_body().unwrap_or_default();
        }
        stack.extend(part.subparts.iter());
    }
    ReceivedEmail {
        to: parsed.headers.get_first_value("To").unwrap_or_default(),
        subject: parsed.headers.get_first_value("Subject").unwrap_or_default(),
        text,
        html,
    }
}

/// The value after `Invitation code: ` in an email's text.
pub fn invitation_code(email: &ReceivedEmail) -> String {
    email
        .text
        .lines()
        .find_map(|line| line.trim().strip_prefix("Invitation code: "))
        .expect("an 'Invitation code:' line")
        .trim()
        .to_string()
}

/// A real SMTP server (the harness's own, see `smtp_server.rs`) storing mail in a
/// Maildir.
pub struct SmtpServer {
    server: smtp_server::RunningServer,
    /// The port it listens on.
    pub port: u16,
    maildir: PathBuf,
}

/// A port that was free a moment ago.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl SmtpServer {
    /// Starts the server on a free port; it accepts connections once this returns.
    pub fn start(dir: &Path) -> Self {
        let maildir = dir.join("maildir");
        Self::start_on(free_port(), maildir)
    }

    /// Starts on a given port (used to bring a server back after an outage).
    pub fn start_on(port: u16, maildir: PathBuf) -> Self {
        let server = smtp_server::serve(port, &maildir);
        Self {
            server,
            port,
            maildir,
        }
    }

    /// `smtp://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, decoded.
    pub fn messages(&self) -> Vec<ReceivedEmail> {
        let mut all = Vec::new();
        for sub in ["new", "cur"] {
            let dir = self.maildir.join(sub);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                if let Ok(bytes) = std::fs::read(entry.path()) {
                    all.push(parse_email(&bytes));
                }
            }
        }
        all
    }

    /// Stops the server (an outage): the port refuses connections afterwards.
    pub fn stop(&mut self) {
        self.server.stop();
    }
}

/// Reads a problem+json body and checks its shape and status.
pub async fn assert_problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "status");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("application/problem+json"),
        "content type was {content_type}"
    );
    let body: Value = response.json().await.expect("problem json");
    for key in ["type", "title", "status", "detail"] {
        assert!(body.get(key).is_some(), "problem lacks {key}: {body}");
    }
    assert_eq!(body["status"], status);
    body
}
