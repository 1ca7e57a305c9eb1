//! The real binary: starts, prints its address, answers health, keeps its data
//! across restarts, and refuses a bad setting with one line naming it.

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
};

use crate::helpers::fresh_database;

struct Running {
    child: Child,
    address: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `fairhire <args>` on this data directory and database, logging warnings only,
/// with the local file store.
pub fn fairhire(args: &[&str], data_dir: &std::path::Path, database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fairhire"));
    command
        .args(args)
        .env("FAIRHIRE_DATA_DIR", data_dir)
        .env("FAIRHIRE_DATABASE_URL", database_url)
        .env("FAIRHIRE_LOG", "warn")
        .env_remove("FAIRHIRE_STORAGE_URL");
    command
}

fn start(data_dir: &std::path::Path, database_url: &str) -> Running {
    start_with(data_dir, database_url, &[])
}

fn start_with(data_dir: &std::path::Path, database_url: &str, extra: &[(&str, &str)]) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fairhire"))
        .arg("serve")
        .envs(extra.iter().copied())
        .env("FAIRHIRE_BIND", "127.0.0.1:0")
        .env("FAIRHIRE_DATA_DIR", data_dir)
        .env("FAIRHIRE_DATABASE_URL", database_url)
        .env("FAIRHIRE_LOG", "warn")
        .env_remove("FAIRHIRE_JWT_SECRET")
        .env_remove("FAIRHIRE_SMTP_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start fairhire");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let address = loop {
        let line = lines.next().expect("a line").expect("readable");
        if let Some(rest) = line.strip_prefix("listening on ") {
            break rest.trim().to_string();
        }
    };
    Running { child, address }
}

#[tokio::test]
async fn serve_starts_answers_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database(dir.path()).await;
    let client = reqwest::Client::new();
    let email = "keeper@example.org";
    {
        let running = start(dir.path(), &database_url);
        assert!(running.address.starts_with("http://127.0.0.1:"));
        let ready = client
            .get(format!("{}/health/ready", running.address))
            .send()
            .await
            .unwrap();
        assert_eq!(ready.status(), 200);
        let registered = client
            .post(format!("{}/api/v1/auth/register", running.address))
            .json(&serde_json::json!({"company_name": "Keep", "name": "K", "email": email, "password": "a-long-password-1"}))
            .send()
            .await
            .unwrap();
        assert_eq!(registered.status(), 201);
    }
    assert!(
        dir.path().join("jwt-secret").exists(),
        "the generated signing key is kept"
    );
    let running = start(dir.path(), &database_url);
    let login = client
        .post(format!("{}/api/v1/auth/login", running.address))
        .json(&serde_json::json!({"email": email, "password": "a-long-password-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200, "the second start reuses the data");
}

#[test]
fn a_bad_setting_stops_the_start_with_one_line() {
    let output = Command::new(env!("CARGO_BIN_EXE_fairhire"))
        .arg("serve")
        .env("FAIRHIRE_BIND", "not-an-address")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("FAIRHIRE_BIND"), "{stderr}");
}

/// The shipped country table with Malaysia's row replaced by `row`.
fn country_table_with_malaysia(row: &str) -> String {
    include_str!("../../domain/data/country-risk.csv")
        .lines()
        .map(|line| if line.starts_with("MY,") { row } else { line })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_bad_country_risk_file_stops_the_start_naming_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("country-risk.csv");
    std::fs::write(&path, country_table_with_malaysia("MY,2,2026,,,,,")).unwrap();
    let row = include_str!("../../domain/data/country-risk.csv")
        .lines()
        .position(|l| l.starts_with("MY,"))
        .unwrap()
        + 1;
    let output = Command::new(env!("CARGO_BIN_EXE_fairhire"))
        .arg("serve")
        .env("FAIRHIRE_BIND", "127.0.0.1:0")
        .env("FAIRHIRE_DATA_DIR", dir.path())
        .env("FAIRHIRE_COUNTRY_RISK_FILE", &path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "FAIRHIRE_COUNTRY_RISK_FILE: {}: row {row}: tip_source is required",
            path.display()
        )),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_newer_country_table_is_served_without_a_release() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database(dir.path()).await;
    let path = dir.path().join("country-risk-2026.csv");
    let source = "https://www.state.gov/reports/2026-trafficking-in-persons-report/";
    std::fs::write(
        &path,
        country_table_with_malaysia(&format!("MY,2WL,2026,{source},,,,")),
    )
    .unwrap();
    let running = start_with(
        dir.path(),
        &database_url,
        &[("FAIRHIRE_COUNTRY_RISK_FILE", path.to_str().unwrap())],
    );
    let client = reqwest::Client::new();
    let registered: serde_json::Value = client
        .post(format!("{}/api/v1/auth/register", running.address))
        .json(&serde_json::json!({"company_name": "Newer", "name": "N", "email": "newer@example.org", "password": "a-long-password-1"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let countries: serde_json::Value = client
        .get(format!("{}/api/v1/reference/countries", running.address))
        .bearer_auth(registered["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let country = |code: &str| {
        countries
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .cloned()
            .unwrap()
    };
    let malaysia = country("MY");
    assert_eq!(malaysia["tip_tier"], "Tier 2 Watch List");
    assert_eq!(malaysia["tip_year"], 2026);
    assert_eq!(malaysia["tip_source"], source);
    assert_eq!(malaysia["risk"], 45.0);
    // The other rows are the file's too (here unchanged from the shipped table).
    assert_eq!(country("VN")["tip_tier"], "Tier 2");
    assert_eq!(country("VN")["tip_year"], 2025);
}

#[tokio::test]
async fn demo_seeds_once_and_prints_the_logins() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database(dir.path()).await;
    let run = || fairhire(&["demo"], dir.path(), &database_url).output().unwrap();
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let printed = String::from_utf8_lossy(&first.stdout);
    assert!(printed.contains("officer@northwind.example") && printed.contains("rahim@dhaka-stitch.example"));
    let second = run();
    assert!(
        second.status.success(),
        "idempotent: {}",
        String::from_utf8_lossy(&second.stderr)
    );
    let db = sea_orm::Database::connect(database_url.as_str()).await.unwrap();
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        domain::entities::supplier::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        5
    );
    let scored = domain::entities::assessment::Entity::find()
        .all(&db)
        .await
        .unwrap();
    // Three scored; the one with the fee audit then approved by the advisor, with its report.
    assert_eq!(scored.iter().filter(|a| a.status == "scored").count(), 2);
    assert_eq!(scored.iter().filter(|a| a.status == "approved").count(), 1);
    let reports = domain::entities::report::Entity::find().all(&db).await.unwrap();
    assert_eq!(reports.len(), 1, "one report, not one per run");
    assert_eq!(reports[0].status, "ready");
    assert_eq!(
        domain::entities::fee_audit::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        1
    );
}
