//! Connecting to the database (SQLite or PostgreSQL) and applying migrations.

use std::time::Duration;

use anyhow::Context;
use domain::database::Database;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, DatabaseBackend, DatabaseConnection};
use secrecy::ExposeSecret;

use crate::config::Settings;

/// How many prepared statements each connection keeps (sqlx's default is 100).
/// Every query of the app is prepared once per connection and reused by its
/// text (sqlx prepares what sea-orm sends and caches it by SQL); the lists alone
/// have a statement per combination of filters, so 100 let the busiest ones be
/// evicted and prepared again.
const STATEMENT_CACHE: usize = 512;

/// How long an SQLite connection waits for the write lock before failing.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// SQLite's page cache per connection, in KiB (`PRAGMA cache_size` takes a
/// negative number as KiB). The default is 2,000 KiB per connection, so a pool
/// of 8 can hold 16 MB of pages the operating system's file cache holds too;
/// idle memory was over its 50 MB target with 10,000 suppliers (issue #23). The
/// lists read a few index pages and `per_page` rows, far under this.
const SQLITE_CACHE_KIB: i64 = 1024;

/// Connections of the read pool on SQLite.
const SQLITE_READERS: u32 = 8;

/// Connections of the write pool on SQLite: its one writer.
const SQLITE_WRITERS: u32 = 1;

/// Connections of the pool on PostgreSQL (reads and writes).
const POSTGRES_POOL: u32 = 20;

/// How long a request waits for a connection. On SQLite writers queue here for
/// the write connection, as long as they waited for the file lock before
/// ([`SQLITE_BUSY_TIMEOUT`]).
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a pooled connection may sit idle before it is closed (the pool
/// keeps one): a burst of requests opens up to the maximum, and each connection
/// holds its page cache and prepared statements until closed.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// Opens the pools: on PostgreSQL one pool of [`POSTGRES_POOL`]; on SQLite a
/// read pool of [`SQLITE_READERS`] and a write pool of [`SQLITE_WRITERS`] (one:
/// SQLite has one writer, and writers queued in the pool start the moment the
/// last commits instead of sleeping in SQLite's busy handler; see
/// `domain::database`). For SQLite the data directory is created first, and
/// every connection of the pools (not only the first) is set up the same way:
/// - WAL journal: readers never wait for the writer, nor the writer for readers;
/// - `synchronous=NORMAL`, the setting SQLite documents for WAL: a commit is
///   appended to the WAL without waiting for the disk, which is synced at each
///   checkpoint. The database cannot be corrupted by a crash; a power cut (not a
///   process crash) can lose the last commits before the checkpoint. `FULL`
///   syncs on every commit, which made each save wait for the disk (issue #23);
/// - a busy timeout, so a writer waits its turn rather than failing;
/// - a page cache of [`SQLITE_CACHE_KIB`] each, and idle connections closed
///   after [`IDLE_TIMEOUT`] (idle memory);
/// - a larger prepared-statement cache (both databases; see [`STATEMENT_CACHE`]).
///
/// A session's caller and the supplier list's page are read on the calling
/// thread instead, on a read-only connection of its own to the same file
/// (`domain::database::in_thread`, set up the same way).
pub async fn connect(settings: &Settings) -> anyhow::Result<Database> {
    let url = settings.database_url.expose_secret();
    if !url.starts_with("sqlite:") {
        return Ok(Database::one_pool(open_pool(url, POSTGRES_POOL).await?));
    }
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("creating the data directory {}", settings.data_dir.display()))?;
    // The write pool opens first: with `mode=rwc` it creates the file and turns
    // WAL on, so the readers find both.
    let writes = open_pool(url, SQLITE_WRITERS).await?;
    let reads = open_pool(url, SQLITE_READERS).await?;
    // Each connection sets these when it opens; asked here so that a file
    // system without WAL support (some network shares) stops the start
    // instead of running without it.
    let mode = writes
        .query_one_raw(sea_orm::Statement::from_string(
            DatabaseBackend::Sqlite,
            "PRAGMA journal_mode",
        ))
        .await
        .context("configuring SQLite")?
        .and_then(|row| row.try_get_by_index::<String>(0).ok())
        .unwrap_or_default();
    anyhow::ensure!(
        mode.eq_ignore_ascii_case("wal"),
        "SQLite could not use WAL journaling here (journal_mode is {mode:?}); put FAIRHIRE_DATA_DIR on a local disk"
    );
    // A list page's one-row read runs on the calling thread, and a save's
    // transaction on the write thread, each on a connection of its own to the
    // same file (`domain::database::{in_thread, in_thread_writes}`).
    let file = reads
        .get_sqlite_connection_pool()
        .connect_options()
        .get_filename()
        .to_path_buf();
    let database = Database::split(reads, writes);
    Ok(if url.contains(":memory:") || url.contains("mode=memory") {
        database
    } else {
        database
            .with_in_thread_reads(file.clone())
            .with_in_thread_writes(file)
    })
}

/// One pool of at most `size` connections on `url`, each set up as [`connect`] says.
async fn open_pool(url: &str, size: u32) -> anyhow::Result<DatabaseConnection> {
    let mut options = ConnectOptions::new(url.to_string());
    options
        .max_connections(size)
        .min_connections(1)
        .idle_timeout(IDLE_TIMEOUT)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.pragma("journal_mode", "WAL")
                .pragma("synchronous", "NORMAL")
                .pragma("cache_size", format!("-{SQLITE_CACHE_KIB}"))
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .statement_cache_capacity(STATEMENT_CACHE)
        })
        .map_sqlx_postgres_opts(|o| o.statement_cache_capacity(STATEMENT_CACHE));
    sea_orm::Database::connect(options)
        .await
        .context("connecting to the database (check FAIRHIRE_DATABASE_URL)")
}

/// Applies every pending migration, then stores the built-in questionnaires that
/// are not stored yet (their ids are stable across installations).
pub async fn migrate(db: &Database) -> anyhow::Result<()> {
    Migrator::up(db.write_pool(), None)
        .await
        .context("applying migrations")?;
    domain::questionnaire::store::ensure_builtins(db)
        .await
        .context("storing the built-in questionnaires")
}
