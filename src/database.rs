//! Connecting to the database (SQLite or PostgreSQL) and applying migrations.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection};
use secrecy::ExposeSecret;

use crate::config::Settings;

/// Opens the pool. For SQLite the data directory is created first and the file is
/// put in WAL mode (readers do not block the writer).
pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let url = settings.database_url.expose_secret();
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("creating the data directory {}", settings.data_dir.display()))?;
    }
    let mut options = ConnectOptions::new(url.to_string());
    options
        .max_connections(if url.starts_with("sqlite:") { 8 } else { 20 })
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let db = Database::connect(options)
        .await
        .context("connecting to the database (check FAIRHIRE_DATABASE_URL)")?;
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        db.execute_unprepared("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000;")
            .await
            .context("configuring SQLite")?;
    }
    Ok(db)
}

/// Applies every pending migration, then stores the built-in questionnaires that
/// are not stored yet (their ids are stable across installations).
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await.context("applying migrations")?;
    domain::questionnaire::store::ensure_builtins(db)
        .await
        .context("storing the built-in questionnaires")
}
