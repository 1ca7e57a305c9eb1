//! (tests) A migrated SQLite database in a file of its own, for the tests of
//! the in-thread connections, which need the real schema's declared types.

use std::path::PathBuf;

use migration::MigratorTrait as _;
use sea_orm::{ConnectionTrait as _, DatabaseConnection};

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

impl Drop for TestFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
}
