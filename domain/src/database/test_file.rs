//! (tests) A migrated SQLite database in a file of its own, for the tests of
//! the in-thread connections, which need the real schema's declared types.

use std::path::PathBuf;

use migration::MigratorTrait as _;
use sea_orm::{ConnectionTrait as _, DatabaseConnection, DbBackend, Statement, Value};
use uuid::Uuid;

/// A migrated database file, removed (with its WAL) when dropped.
pub(crate) struct TestFile {
    pub path: PathBuf,
    pub url: String,
}

impl TestFile {
    /// Creates and migrates the file; returns it and its first connection
    /// (which set WAL on the file, as the app's write pool does).
    #[allow(clippy::unwrap_used)]
    pub(crate) async fn migrated(name: &str) -> (Self, DatabaseConnection) {
        let path = std::env::temp_dir().join(format!("fh-{name}-{}.db", uuid::Uuid::new_v4().simple()));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let writes = sea_orm::Database::connect(&url).await.unwrap();
        writes
            .execute_unprepared("PRAGMA journal_mode=WAL")
            .await
            .unwrap();
        migration::Migrator::up(&writes, None).await.unwrap();
        (Self { path, url }, writes)
    }
}

/// A company and one supplier of it (their organizations and the supplier's
/// row, scored 61.25), written as plain SQL; returns their ids.
#[allow(clippy::unwrap_used)]
pub(crate) async fn company_and_supplier(writes: &DatabaseConnection) -> (Uuid, Uuid) {
    let (company, supplier) = (Uuid::now_v7(), Uuid::now_v7());
    let now = chrono::Utc::now();
    for (sql, values) in [
        (
            "INSERT INTO organizations (id, kind, name, created_at) VALUES (?, 'company', 'Buyer', ?)",
            vec![Value::from(company), Value::from(now)],
        ),
        (
            "INSERT INTO organizations (id, kind, name, company_id, created_at) VALUES (?, 'supplier', 'Maker', ?, ?)",
            vec![Value::from(supplier), Value::from(company), Value::from(now)],
        ),
        (
            "INSERT INTO suppliers (id, company_id, name, country, sector, contact_email, risk_score, created_at) \
             VALUES (?, ?, 'Fábrica Ñandú', 'MX', 'apparel', 'rh@example.com', 61.25, ?)",
            vec![Value::from(supplier), Value::from(company), Value::from(now)],
        ),
    ] {
        writes
            .execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, sql, values))
            .await
            .unwrap();
    }
    (company, supplier)
}

/// An assessment of `supplier` on the built-in standard questionnaire (which
/// must be stored), in `status`, due 2027-01-31; returns its id.
#[allow(clippy::unwrap_used)]
pub(crate) async fn assessment_of(
    writes: &DatabaseConnection,
    company: Uuid,
    supplier: Uuid,
    status: &str,
) -> Uuid {
    let id = Uuid::now_v7();
    let now = chrono::Utc::now();
    let values = [
        Value::from(id),
        Value::from(company),
        Value::from(supplier),
        Value::from(crate::questionnaire::store::current_standard_id()),
        Value::from(status),
        Value::from(now),
        Value::from(now),
    ];
    writes
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "INSERT INTO assessments (id, company_id, supplier_id, questionnaire_id, status, due_date, created_at, \
             updated_at) VALUES (?, ?, ?, ?, ?, '2027-01-31', ?, ?)",
            values,
        ))
        .await
        .unwrap();
    id
}

impl Drop for TestFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
}
