//! The things a benchmark stands on: a fresh database (a SQLite file or a new
//! PostgreSQL database), the release `fairhire` binary serving it, and the data
//! (a company, its suppliers, submitted assessments) put in through the same domain
//! use cases the API calls.

use domain::transaction::BeginWrite as _;
use std::{
    collections::BTreeMap,
    io::{Read, Write},
    net::TcpStream,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use anyhow::{Context, anyhow, bail};
use domain::{
    assessments::{self, SendAssessment},
    entities::{job, organization, outbound_email, questionnaire, supplier},
    questionnaire::{Definition, QuestionType, validate::parse_definition},
    suppliers::{NewSupplier, create_supplier},
    values::{CountryCode, Email, RequiredText},
};
use fairhire::config::Settings;
use rand::{Rng, SeedableRng, rngs::StdRng};
use rust_decimal::prelude::ToPrimitive;
use sea_orm::{ColumnTrait, ConnectionTrait, Database, EntityTrait, QueryFilter};
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// The JWT secret every process of a run shares, so tokens work everywhere.
pub const JWT_SECRET: &str = "bench-secret-bench-secret-bench-secret-0042";

/// Which database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DbKind {
    /// A SQLite file.
    Sqlite,
    /// A fresh database on the PostgreSQL server (`FAIRHIRE_BENCH_PG`).
    Postgres,
}

impl DbKind {
    /// As BENCHMARKS.md names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }
}

/// The PostgreSQL server to create benchmark databases on.
pub fn pg_server() -> String {
    std::env::var("FAIRHIRE_BENCH_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A fresh, migrated database and a data directory of its own.
pub struct BenchDb {
    /// Its URL.
    pub url: String,
    /// The data directory (SQLite file, outbox, files).
    pub dir: PathBuf,
    /// The connection the harness seeds and scores with.
    pub db: domain::database::Database,
    pg_name: Option<String>,
}

impl BenchDb {
    /// Creates and migrates a database named after `label` under `root`.
    pub async fn fresh(kind: DbKind, root: &Path, label: &str) -> anyhow::Result<Self> {
        let dir = root.join(format!("{label}-{}", kind.label().to_lowercase()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let (url, pg_name) = match kind {
            DbKind::Sqlite => (format!("sqlite://{}/fairhire.db?mode=rwc", dir.display()), None),
            DbKind::Postgres => {
                let server = pg_server();
                let admin = Database::connect(server.clone())
                    .await
                    .with_context(|| format!("connecting to {server} (set FAIRHIRE_BENCH_PG)"))?;
                let name = format!("fh_bench_{}_{}", label.replace('-', "_"), Uuid::new_v4().simple());
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await?;
                let _ = admin.close().await;
                let base = server
                    .rsplit_once('/')
                    .map_or(server.clone(), |(b, _)| b.to_string());
                (format!("{base}/{name}"), Some(name))
            }
        };
        let settings = settings(&dir, &url, "127.0.0.1:0")?;
        let db = fairhire::database::connect(&settings).await?;
        fairhire::database::migrate(&db).await?;
        Ok(Self {
            url,
            dir,
            db,
            pg_name,
        })
    }

    /// Closes the pool and drops the PostgreSQL database (the SQLite file stays in
    /// the scratch directory, which the caller removes).
    pub async fn drop_db(self) -> anyhow::Result<()> {
        let _ = self.db.close().await;
        if let Some(name) = self.pg_name {
            let admin = Database::connect(pg_server()).await?;
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await?;
            let _ = admin.close().await;
        }
        Ok(())
    }
}

/// The `FAIRHIRE_*` values of a benchmark process.
pub fn env_values(dir: &Path, url: &str, bind: &str) -> BTreeMap<String, String> {
    let public = format!("http://{}", bind.replace(":0", ":8080"));
    [
        ("FAIRHIRE_BIND", bind.to_string()),
        ("FAIRHIRE_DATA_DIR", dir.display().to_string()),
        ("FAIRHIRE_DATABASE_URL", url.to_string()),
        ("FAIRHIRE_PUBLIC_URL", public),
        ("FAIRHIRE_JWT_SECRET", JWT_SECRET.to_string()),
        ("FAIRHIRE_LOG", "warn".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn settings(dir: &Path, url: &str, bind: &str) -> anyhow::Result<Settings> {
    Settings::from_values(&env_values(dir, url, bind)).map_err(|e| anyhow!("settings: {e}"))
}

/// A port that was free a moment ago.
pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The release `fairhire` binary next to this one.
pub fn fairhire_binary() -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let path = exe
        .parent()
        .map(|dir| dir.join("fairhire"))
        .ok_or_else(|| anyhow!("no directory for {}", exe.display()))?;
    if !path.exists() {
        bail!(
            "{} is missing: build it first with `cargo build --release -p fairhire -p fairhire-bench`",
            path.display()
        );
    }
    Ok(path)
}

/// A running `fairhire` process.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// Time from spawn to `/health/ready` answering 200.
    pub ready_after: Duration,
}

/// `fairhire {command}` on `db`, its output discarded (see `BENCH_SERVER_LOG`), only the benchmark's own settings
/// (none inherited from the caller's `FAIRHIRE_*`) plus `extra`.
fn fairhire_command(
    db: &BenchDb,
    command: &str,
    addr: &str,
    extra: &[(&str, &str)],
) -> anyhow::Result<Command> {
    let mut cmd = Command::new(fairhire_binary()?);
    cmd.arg(command).stdin(Stdio::null());
    // `BENCH_SERVER_LOG=<file>` keeps the processes' logs, for looking into a figure.
    match std::env::var_os("BENCH_SERVER_LOG") {
        Some(path) => {
            let log = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
            cmd.stdout(log.try_clone()?).stderr(log);
        }
        None => {
            cmd.stdout(Stdio::null()).stderr(Stdio::null());
        }
    }
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("FAIRHIRE_")) {
        cmd.env_remove(key);
    }
    cmd.envs(env_values(&db.dir, &db.url, addr));
    cmd.envs(extra.iter().copied());
    if std::env::var_os("BENCH_SERVER_LOG").is_some() {
        cmd.env("FAIRHIRE_LOG", "info");
    }
    Ok(cmd)
}

/// A running `fairhire worker` process (no HTTP of its own).
pub struct Worker {
    child: Child,
}

impl Worker {
    /// Spawns `fairhire worker` on `db`, as an operator runs one worker process.
    pub fn spawn(db: &BenchDb, extra: &[(&str, &str)]) -> anyhow::Result<Self> {
        let addr = format!("127.0.0.1:{}", free_port()?);
        let child = fairhire_command(db, "worker", &addr, extra)?
            .spawn()
            .context("spawning fairhire worker")?;
        Ok(Self { child })
    }

    /// Fails when the process has already exited (a bad setting, say).
    pub fn check_alive(&mut self) -> anyhow::Result<()> {
        if let Some(status) = self.child.try_wait()? {
            bail!("fairhire worker exited early: {status}");
        }
        Ok(())
    }

    /// SIGKILL and reap (the benchmark database is thrown away anyway).
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Spawns `fairhire {command}` on `db` and waits (≤ 60 s) until it is ready.
    pub fn spawn(db: &BenchDb, command: &str) -> anyhow::Result<Self> {
        let addr = format!("127.0.0.1:{}", free_port()?);
        let mut cmd = fairhire_command(db, command, &addr, &[])?;
        let started = Instant::now();
        let mut child = cmd.spawn().context("spawning fairhire")?;
        loop {
            if http_status(&addr, "/health/ready").ok() == Some(200) {
                break;
            }
            if let Some(status) = child.try_wait()? {
                bail!("fairhire {command} exited early: {status}");
            }
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                bail!("fairhire {command} was not ready within 60 s");
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let ready_after = started.elapsed();
        Ok(Self {
            child,
            addr,
            ready_after,
        })
    }

    /// Its process id.
    pub fn pid(&self) -> String {
        self.child.id().to_string()
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// SIGKILL and reap (the benchmark database is thrown away anyway).
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A blocking GET on a fresh connection: the status code.
pub fn http_status(addr: &str, path: &str) -> anyhow::Result<u16> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head)?;
    let text = String::from_utf8_lossy(&head);
    text.get(9..12)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| anyhow!("bad status line {text}"))
}

/// An HTTP client for loopback.
pub fn client() -> anyhow::Result<reqwest::Client> {
    worker::webhooks::install_tls_provider();
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(600))
        .build()?)
}

/// What the data set holds.
pub struct Seeded {
    /// The company.
    pub company_id: Uuid,
    /// Its admin's bearer token.
    pub admin_token: String,
    /// The admin's user id.
    pub admin_id: Uuid,
    /// A supplier whose contact has accepted the invitation.
    pub user_supplier_id: Uuid,
    /// That contact's bearer token.
    pub supplier_token: String,
    /// Open (sent, editable) assessments of that supplier, for saving answers.
    pub open_assessments: Vec<Uuid>,
    /// The benchmark questionnaire.
    pub questionnaire_id: Uuid,
}

async fn json_ok(response: reqwest::Response, what: &str) -> anyhow::Result<Value> {
    let status = response.status();
    let body = response.text().await?;
    if !status.is_success() {
        bail!("{what}: {status}: {body}");
    }
    Ok(serde_json::from_str(&body)?)
}

fn uuid_at(value: &Value, pointer: &str) -> anyhow::Result<Uuid> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or_else(|| anyhow!("no {pointer} in {value}"))
}

/// The standard SAQ without its file questions (uploading evidence 10,000 times is
/// not what is measured): 38 questions of every other type, scored as shipped.
/// Version 1, the one BENCHMARKS.md was measured with, so that runs stay comparable.
pub fn bench_definition() -> anyhow::Result<Value> {
    let mut value = serde_json::to_value(&domain::questionnaire::standard::shipped_saqs()[0])?;
    value["key"] = json!("bench-saq");
    let sections = value["sections"]
        .as_array_mut()
        .ok_or_else(|| anyhow!("definition without sections"))?;
    let mut files = Vec::new();
    for section in sections.iter() {
        for q in section["questions"].as_array().into_iter().flatten() {
            if q["type"] == "file" {
                files.push(q["key"].clone());
            }
        }
    }
    for section in sections.iter_mut() {
        if let Some(questions) = section["questions"].as_array_mut() {
            questions.retain(|q| q["type"] != "file" && !files.contains(&q["show_if"]["question"]));
        }
    }
    Ok(value)
}

/// A complete, valid set of answers: every question answered by its type, choices
/// drawn at random so that scores and findings vary.
pub fn answers_for(definition: &Definition, rng: &mut StdRng) -> Map<String, Value> {
    let mut answers = Map::new();
    for (_, q) in definition.questions() {
        let options: Vec<&str> = q.options.iter().flatten().map(|o| o.value.as_str()).collect();
        let value = match q.kind {
            QuestionType::YesNo => json!(if rng.random_bool(0.7) { "yes" } else { "no" }),
            QuestionType::SingleChoice if !options.is_empty() => {
                json!(options[rng.random_range(0..options.len())])
            }
            QuestionType::MultiChoice if !options.is_empty() => json!([options[0]]),
            QuestionType::Number => {
                let min = q.min.and_then(|d| d.ceil().to_i64()).unwrap_or(0).max(0);
                let max = q
                    .max
                    .and_then(|d| d.floor().to_i64())
                    .unwrap_or(min + 80)
                    .max(min);
                json!(rng.random_range(min..=max.min(min + 80)))
            }
            QuestionType::Text => json!("Benchmark answer"),
            QuestionType::Date => json!("2025-06-30"),
            _ => continue,
        };
        answers.insert(q.key.clone(), value);
    }
    answers
}

/// Registers a company over HTTP, uploads its FX rates, stores the benchmark
/// questionnaire, and gives it one supplier whose contact has accepted the
/// invitation (the token comes from the queued email's parameters).
pub async fn seed_company(db: &BenchDb, server: &Server, fx_csv: &str) -> anyhow::Result<Seeded> {
    let http = client()?;
    let email = format!("admin-{}@bench.example", Uuid::new_v4().simple());
    let registered = json_ok(
        http.post(server.url("/api/v1/auth/register"))
            .json(&json!({"company_name": "Bench Textiles", "name": "Bench Admin", "email": email, "password": "a-long-password-1"}))
            .send()
            .await?,
        "register",
    )
    .await?;
    let company_id = uuid_at(&registered, "/organization/id")?;
    let admin_token = registered["access_token"]
        .as_str()
        .ok_or_else(|| anyhow!("no token"))?
        .to_string();
    let admin_id =
        domain::accounts::find_user_by_email(&db.db, &Email::parse(&email).map_err(|e| anyhow!(e))?)
            .await?
            .ok_or_else(|| anyhow!("registered admin not found"))?
            .id;
    let fx = http
        .post(server.url(&format!("/api/v1/companies/{company_id}/fx-rates")))
        .bearer_auth(&admin_token)
        .header("content-type", "text/csv")
        .body(fx_csv.to_string())
        .send()
        .await?;
    json_ok(fx, "fx rates").await?;
    let stored = json_ok(
        http.post(server.url(&format!("/api/v1/companies/{company_id}/questionnaires")))
            .bearer_auth(&admin_token)
            .json(&bench_definition()?)
            .send()
            .await?,
        "questionnaire",
    )
    .await?;
    let questionnaire_id = uuid_at(&stored, "/id")?;

    let contact = format!("contact-{}@supplier.example", Uuid::new_v4().simple());
    let created = json_ok(
        http.post(server.url(&format!("/api/v1/companies/{company_id}/suppliers")))
            .bearer_auth(&admin_token)
            .json(&json!({"name": "Selangor Circuits", "country": "MY", "sector": "electronics", "contact_email": contact}))
            .send()
            .await?,
        "create supplier",
    )
    .await?;
    let user_supplier_id = uuid_at(&created, "/id")?;
    let invitation = outbound_email::Entity::find()
        .filter(outbound_email::Column::ToAddress.eq(contact.as_str()))
        .one(&db.db)
        .await?
        .ok_or_else(|| anyhow!("no invitation email queued"))?;
    let token = invitation
        .params
        .as_ref()
        .and_then(|p| p["token"].as_str())
        .ok_or_else(|| anyhow!("invitation without token"))?
        .to_string();
    let accepted = json_ok(
        http.post(server.url(&format!("/api/v1/invitations/{token}/accept")))
            .json(&json!({"name": "Supplier Contact", "password": "supplier-password-1"}))
            .send()
            .await?,
        "accept invitation",
    )
    .await?;
    let supplier_token = accepted["access_token"]
        .as_str()
        .ok_or_else(|| anyhow!("no supplier token"))?
        .to_string();
    Ok(Seeded {
        company_id,
        admin_token,
        admin_id,
        user_supplier_id,
        supplier_token,
        open_assessments: Vec::new(),
        questionnaire_id,
    })
}

const COUNTRIES: [&str; 12] = [
    "MY", "TH", "VN", "BD", "IN", "ID", "KH", "MM", "NP", "PH", "CN", "TR",
];
const SECTORS: [&str; 8] = [
    "electronics",
    "apparel_textiles",
    "agriculture",
    "construction",
    "fishing",
    "manufacturing",
    "logistics",
    "food_processing",
];

/// The `i`-th benchmark supplier: countries and sectors in turn, names that sort
/// by number.
pub fn numbered_supplier(i: usize) -> anyhow::Result<NewSupplier> {
    Ok(NewSupplier {
        name: RequiredText::parse(&format!("Supplier {i:06} Sdn Bhd"), 200).map_err(|e| anyhow!(e))?,
        country: CountryCode::parse(COUNTRIES[i % COUNTRIES.len()]).map_err(|e| anyhow!(e))?,
        sector: SECTORS[(i / COUNTRIES.len()) % SECTORS.len()].to_string(),
        contact_email: Email::parse(&format!("contact{i}@s{i}.example")).map_err(|e| anyhow!(e))?,
        contact_name: None,
    })
}

/// The seeded company's row, as the create use cases take it.
async fn company_of(db: &BenchDb, seeded: &Seeded) -> anyhow::Result<organization::Model> {
    organization::Entity::find_by_id(seeded.company_id)
        .one(&db.db)
        .await?
        .ok_or_else(|| anyhow!("company not found"))
}

/// Creates the `i`-th benchmark supplier ([`numbered_supplier`]) as the admin.
async fn create_numbered(
    txn: &sea_orm::DatabaseTransaction,
    company: &organization::Model,
    seeded: &Seeded,
    i: usize,
) -> anyhow::Result<supplier::Model> {
    Ok(create_supplier(
        txn,
        company,
        seeded.admin_id,
        numbered_supplier(i)?,
        "http://127.0.0.1:8080",
    )
    .await?)
}

/// The `next_cursor` of page `page - 1` of the list at `list_url` (which has its
/// query started), read as the admin: where page `page` starts for a client
/// walking the list.
pub async fn cursor_to(list_url: &str, token: &str, page: usize) -> anyhow::Result<String> {
    let before: Value = client()?
        .get(format!("{list_url}&page={}", page - 1))
        .bearer_auth(token)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(before["next_cursor"]
        .as_str()
        .context("the page before the deep page has no next_cursor")?
        .to_string())
}

/// Adds suppliers `from..to` (numbered as [`numbered_supplier`]) through the
/// domain's create use case, 1,000 per transaction, with no assessment: for the
/// list's growth figures, where seeding assessments too would take a quarter of
/// an hour per database at 100,000.
pub async fn seed_bare_suppliers(
    db: &BenchDb,
    seeded: &Seeded,
    from: usize,
    to: usize,
) -> anyhow::Result<()> {
    let company = company_of(db, seeded).await?;
    let mut done = from;
    while done < to {
        let txn = db.db.begin_write().await?;
        for i in done..(done + 1000).min(to) {
            create_numbered(&txn, &company, seeded, i).await?;
        }
        txn.commit().await?;
        done = (done + 1000).min(to);
    }
    Ok(())
}

/// Adds `count` suppliers across countries and sectors, each with the benchmark
/// assessment sent, fully answered and submitted (so a `score_assessment` job is
/// queued per supplier), through the domain use cases, 200 per transaction. Then
/// removes the queued invitation emails, so that the queue holds only scoring.
/// Also sends `open` assessments to the supplier with a user, left editable.
pub async fn seed_suppliers(
    db: &BenchDb,
    seeded: &mut Seeded,
    count: usize,
    open: usize,
) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(11);
    let company = company_of(db, seeded).await?;
    let questionnaire = questionnaire::Entity::find_by_id(seeded.questionnaire_id)
        .one(&db.db)
        .await?
        .ok_or_else(|| anyhow!("questionnaire not found"))?;
    let definition = parse_definition(&questionnaire.definition).map_err(|e| anyhow!("definition: {e:?}"))?;
    let due = chrono::Utc::now().date_naive() + chrono::Duration::days(30);
    let send = |supplier: supplier::Model| SendAssessment {
        company: company.clone(),
        supplier,
        questionnaire: questionnaire.clone(),
        due_date: due,
        actor: seeded.admin_id,
        public_url: "http://127.0.0.1:8080".into(),
    };
    let mut done = 0;
    while done < count {
        let txn = db.db.begin_write().await?;
        for i in done..(done + 200).min(count) {
            let supplier = create_numbered(&txn, &company, seeded, i).await?;
            let sent = assessments::send_assessment(&txn, send(supplier)).await?;
            let answers = answers_for(&definition, &mut rng);
            let saved = assessments::save_answers(&txn, sent, &definition, &answers, seeded.admin_id).await?;
            assessments::submit_assessment(&txn, saved, &definition, seeded.admin_id).await?;
        }
        txn.commit().await?;
        done = (done + 200).min(count);
    }
    let own = supplier::Entity::find_by_id(seeded.user_supplier_id)
        .one(&db.db)
        .await?
        .ok_or_else(|| anyhow!("supplier not found"))?;
    for _ in 0..open {
        let sent = assessments::send_assessment(&db.db, send(own.clone())).await?;
        seeded.open_assessments.push(sent.id);
    }
    job::Entity::delete_many()
        .filter(job::Column::Kind.ne(<domain::assessments::ScoreAssessment as domain::jobs::Job>::KIND))
        .exec(&db.db)
        .await?;
    Ok(())
}
