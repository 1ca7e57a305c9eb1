//! The database handle: a pool for reads and a pool for writes.
//!
//! SQLite has one writer at a time. With every connection of one pool free to
//! write, concurrent saves met at the file lock: `BEGIN IMMEDIATE` on a second
//! connection waits in SQLite's busy handler, which sleeps 1, 2, 5, 10 … up to
//! 100 ms between tries, so a save that lost a few times waited far longer than
//! the writes before it took (saving answers: p99 133 ms, issue #23). Writes now
//! go to a pool of one connection: they queue in the pool, first come first
//! served, and the next starts the moment the last commits. Reads keep a pool
//! of their own and never wait for the writer (WAL).
//!
//! PostgreSQL has row locks, not one file lock: both halves are the same pool.
//!
//! On SQLite in a file, two short reads of every request they serve (a
//! session's caller, the supplier list's page) skip the read pool and run on
//! the calling thread (`in_thread`), to spare the hand-off to a connection's
//! thread; everything else reads on the pool. For the same reason a save's
//! write transaction runs on the write thread's own connection
//! (`in_thread_writes`), beside the write pool, meeting it at SQLite's lock.
//!
//! On SQLite every statement's bound `LIMIT` is written into its text on the
//! way (`limit_inline`: SQLite prepares a bound limit again on every run).
//!
//! Routing: every transaction (`begin_write`, and `begin`, which clippy forbids)
//! takes the write pool. A statement outside a transaction goes by its first
//! word: `SELECT`, `WITH … SELECT`, `VALUES`, `EXPLAIN` and `PRAGMA` read, the
//! rest (`INSERT … RETURNING` included) write.

use std::{future::Future, path::PathBuf, pin::Pin, sync::Arc};

use super::{InThreadReads, InThreadWrites, limit_inline::inline_limits};
use sea_orm::{
    AccessMode, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, IsolationLevel,
    QueryResult, Statement, TransactionError, TransactionOptions, TransactionTrait,
};

/// The pools, cloned cheaply into each door's state and the job runner.
#[derive(Debug, Clone)]
pub struct Database {
    reads: DatabaseConnection,
    writes: DatabaseConnection,
    /// Whether `writes` is a pool of its own (SQLite), not a clone of `reads`.
    split: bool,
    /// One-row reads on the calling thread (SQLite, see `in_thread`).
    in_thread: Option<Arc<InThreadReads>>,
    /// A save's transaction on the write thread's own connection (SQLite, see
    /// `in_thread_writes`).
    in_thread_writes: Option<Arc<InThreadWrites>>,
}

impl Database {
    /// Reads on `reads`, transactions and writing statements on `writes` (SQLite).
    pub fn split(reads: DatabaseConnection, writes: DatabaseConnection) -> Self {
        Self {
            reads,
            writes,
            split: true,
            in_thread: None,
            in_thread_writes: None,
        }
    }

    /// The same pools, with a list page's one-row read run on the calling
    /// thread on a connection of its own to the SQLite file at `path` (see
    /// `in_thread`). Only for a database in a file: an in-memory one is not
    /// shared between connections.
    pub fn with_in_thread_reads(self, path: PathBuf) -> Self {
        Self {
            in_thread: Some(Arc::new(InThreadReads::new(path))),
            ..self
        }
    }

    /// The in-thread reads, when this database has them.
    pub(crate) fn in_thread_reads(&self) -> Option<&InThreadReads> {
        self.in_thread.as_deref()
    }

    /// The same pools, with a save's write transaction run on the write
    /// thread's own connection to the SQLite file at `path` (see
    /// `in_thread_writes`). Only for a database in a file.
    pub fn with_in_thread_writes(self, path: PathBuf) -> Self {
        Self {
            in_thread_writes: Some(Arc::new(InThreadWrites::new(path))),
            ..self
        }
    }

    /// The write thread's own connection, when this database has one.
    pub(crate) fn in_thread_writes(&self) -> Option<&Arc<InThreadWrites>> {
        self.in_thread_writes.as_ref()
    }

    /// Reads and writes on one pool (PostgreSQL, and tests that open their own).
    pub fn one_pool(pool: DatabaseConnection) -> Self {
        Self {
            reads: pool.clone(),
            writes: pool,
            split: false,
            in_thread: None,
            in_thread_writes: None,
        }
    }

    /// The pool writes take: migrations, which sea-orm runs on a plain connection.
    pub fn write_pool(&self) -> &DatabaseConnection {
        &self.writes
    }

    /// Closes both pools (the same pool once); the in-thread connections close
    /// when the last clone of this handle is dropped.
    pub async fn close(self) -> Result<(), DbErr> {
        self.reads.close().await?;
        if self.split {
            self.writes.close().await?;
        }
        Ok(())
    }

    /// Where a statement outside a transaction runs.
    fn pool_for(&self, sql: &str) -> &DatabaseConnection {
        if reads_only(sql) {
            &self.reads
        } else {
            &self.writes
        }
    }
}

impl From<DatabaseConnection> for Database {
    fn from(pool: DatabaseConnection) -> Self {
        Self::one_pool(pool)
    }
}

/// Whether a statement only reads, judged by its first word (a `WITH` by the
/// word after its last common-table expression would be exact; the app's `WITH`
/// statements all select, and a writing one sent to the read pool still works on
/// SQLite, through the busy handler, as every write did before).
fn reads_only(sql: &str) -> bool {
    let first = sql
        .trim_start_matches(|c: char| c.is_whitespace() || c == '(')
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    ["SELECT", "WITH", "VALUES", "EXPLAIN", "PRAGMA"]
        .iter()
        .any(|word| first.eq_ignore_ascii_case(word))
}

#[async_trait::async_trait]
impl sea_orm::ConnectionTrait for Database {
    fn get_database_backend(&self) -> DbBackend {
        self.reads.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        let stmt = inline_limits(stmt);
        self.pool_for(&stmt.sql).execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.pool_for(sql).execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let stmt = inline_limits(stmt);
        self.pool_for(&stmt.sql).query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let stmt = inline_limits(stmt);
        self.pool_for(&stmt.sql).query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.writes.support_returning()
    }
}

#[async_trait::async_trait]
impl TransactionTrait for Database {
    type Transaction = DatabaseTransaction;

    async fn begin(&self) -> Result<DatabaseTransaction, DbErr> {
        #[allow(clippy::disallowed_methods)]
        self.writes.begin().await
    }

    async fn begin_with_config(
        &self,
        isolation_level: Option<IsolationLevel>,
        access_mode: Option<AccessMode>,
    ) -> Result<DatabaseTransaction, DbErr> {
        self.writes.begin_with_config(isolation_level, access_mode).await
    }

    async fn begin_with_options(&self, options: TransactionOptions) -> Result<DatabaseTransaction, DbErr> {
        self.writes.begin_with_options(options).await
    }

    async fn transaction<F, T, E>(&self, callback: F) -> Result<T, TransactionError<E>>
    where
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>>
            + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send,
    {
        self.writes.transaction(callback).await
    }

    async fn transaction_with_config<F, T, E>(
        &self,
        callback: F,
        isolation_level: Option<IsolationLevel>,
        access_mode: Option<AccessMode>,
    ) -> Result<T, TransactionError<E>>
    where
        F: for<'c> FnOnce(&'c DatabaseTransaction) -> Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>>
            + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send,
    {
        self.writes
            .transaction_with_config(callback, isolation_level, access_mode)
            .await
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};

    use super::{Database, reads_only};
    use crate::transaction::BeginWrite as _;

    /// The read pool is opened read-only here, so a write routed to it fails:
    /// every write below has to take the write pool to succeed.
    #[tokio::test]
    async fn writes_and_transactions_take_the_write_pool_and_reads_the_read_pool() {
        let path = std::env::temp_dir().join(format!("fh-pools-{}.db", uuid::Uuid::new_v4().simple()));
        let url = |mode: &str| format!("sqlite://{}?mode={mode}", path.display());
        let writes = sea_orm::Database::connect(url("rwc")).await.unwrap();
        writes
            .execute_unprepared("CREATE TABLE t (id INTEGER PRIMARY KEY)")
            .await
            .unwrap();
        let reads = sea_orm::Database::connect(url("ro")).await.unwrap();
        assert!(
            reads
                .execute_unprepared("INSERT INTO t VALUES (100)")
                .await
                .is_err(),
            "the read pool refuses writes, so this test can tell where they went"
        );
        let db = Database::split(reads, writes);

        db.execute_unprepared("INSERT INTO t VALUES (1)").await.unwrap();
        let returned = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "INSERT INTO t VALUES (2) RETURNING id",
            ))
            .await
            .unwrap()
            .and_then(|row| row.try_get_by_index::<i64>(0).ok());
        assert_eq!(returned, Some(2));
        let txn = db.begin_write().await.unwrap();
        txn.execute_unprepared("INSERT INTO t VALUES (3)").await.unwrap();
        txn.commit().await.unwrap();

        let counted = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "SELECT COUNT(*) FROM t",
            ))
            .await
            .unwrap()
            .and_then(|row| row.try_get_by_index::<i64>(0).ok());
        assert_eq!(
            counted,
            Some(3),
            "read through the read pool, after the writer's commits"
        );
        db.close().await.unwrap();
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn statements_are_routed_by_their_first_word() {
        for read in [
            "SELECT 1",
            "  select * from suppliers",
            "(SELECT a) UNION (SELECT b)",
            "WITH x AS (SELECT 1) SELECT * FROM x",
            "EXPLAIN QUERY PLAN SELECT 1",
            "PRAGMA journal_mode",
        ] {
            assert!(reads_only(read), "{read}");
        }
        for write in [
            "INSERT INTO jobs VALUES (1)",
            "UPDATE jobs SET status = 'done'",
            "delete from sessions",
            "\nINSERT INTO x (a) VALUES (1) RETURNING id",
            "CREATE TABLE t (a INT)",
            "",
        ] {
            assert!(!reads_only(write), "{write}");
        }
    }
}
