//! A save's write transaction on SQLite, run at once on the write thread's own
//! connection (issue #23).
//!
//! Why: sqlx runs every SQLite statement on the connection's own thread. A save
//! is about six statements in one transaction (`BEGIN`, the assessment under
//! lock, its answers, the upsert, the assessment's `UPDATE`, `COMMIT`), each a
//! hand-off to that thread and back. Profiled under the save load, 44% of the
//! server's samples were on sqlx's connection threads and a third of all of
//! them the kernel switching threads, while SQLite's own work was under 1%
//! (BENCHMARKS.md, "Saves without sqlx's connection thread").
//!
//! Here the transaction runs on the write thread ([`super::on_write_thread`])
//! on a read-write `rusqlite` connection to the same file. The domain's sea-orm
//! code runs on it unchanged: [`WriteTransaction`] implements `ConnectionTrait`
//! by running each statement on that connection as it is asked, so the
//! transaction's future finishes without ever waiting ([`run_now`] refuses one
//! that would).
//!
//! Same file, same SQL, same bytes as sqlx: values are bound as sqlx binds them
//! (`in_thread::bind`), and each column is read by its declared type
//! (`sqlite_rows`). Two limits, both failing loudly rather than guessing: an
//! `integer` column reads as an `i64` (here the entity is not known, so an
//! entity field of `i32` is a type error), and a row is looked up by column name
//! (a tuple of several columns by position is not supported). The save's
//! statements have neither.
//!
//! SQLite has one writer: this connection and sqlx's write pool share the file
//! lock. A transaction here waits for the lock in a busy handler that retries
//! every 50–1,000 µs, for at most ten seconds as the pools wait.

use std::{
    future::Future,
    path::PathBuf,
    pin::pin,
    sync::{Mutex, PoisonError},
    task::{Context, Poll, Waker},
    time::Duration,
};

use rusqlite::OpenFlags;
use sea_orm::{DbBackend, DbErr, ExecResult, MockExecResult, QueryResult, Statement};

use super::{
    in_thread::{CACHE_KIB, STATEMENT_CACHE, bound_exactly, failed},
    limit_inline::inline_limits,
    sqlite_rows::{Row, exec_result, query_results, read_rows},
};
use crate::error::DomainError;

/// The write thread's connection to one SQLite file, opened at first use.
#[derive(Debug)]
pub(crate) struct InThreadWrites {
    path: PathBuf,
    idle: Mutex<Option<rusqlite::Connection>>,
}

impl InThreadWrites {
    /// Writes to the database file at `path`.
    pub(crate) fn new(path: PathBuf) -> Self {
        Self {
            path,
            idle: Mutex::new(None),
        }
    }

    /// Starts a write transaction (`BEGIN IMMEDIATE`: it holds the write lock
    /// from the start, as `BeginWrite` does). It rolls back when dropped
    /// without [`WriteTransaction::commit`].
    pub(crate) fn begin(&self) -> Result<WriteTransaction<'_>, DbErr> {
        // The connection leaves the slot for the transaction's life: a second
        // transaction at once (not expected: one write thread) opens its own
        // and meets this one at SQLite's lock, never inside it.
        let taken = self.idle.lock().unwrap_or_else(PoisonError::into_inner).take();
        let connection = match taken {
            Some(connection) => connection,
            None => self.open().map_err(failed)?,
        };
        connection.execute_batch("BEGIN IMMEDIATE").map_err(failed)?;
        Ok(WriteTransaction {
            home: self,
            connection: Mutex::new(Some(connection)),
        })
    }

    /// A read-write connection set up as the pools' are (WAL is the file's,
    /// set by the pools; the rest is per connection).
    fn open(&self) -> rusqlite::Result<rusqlite::Connection> {
        let connection = rusqlite::Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        connection.busy_handler(Some(wait_for_the_lock))?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        // sqlx turns foreign keys on for every connection; so does this one.
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.pragma_update(None, "cache_size", -CACHE_KIB)?;
        connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(connection)
    }

    fn give_back(&self, connection: rusqlite::Connection) {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.is_none() {
            *idle = Some(connection);
        }
    }
}

/// Tries before a transaction gives up on the write lock: each waits at most
/// 1 ms, so ten seconds at most in all, as the pools' busy timeout.
const LOCK_TRIES: i32 = 10_000;

/// SQLite's busy handler: `true` to try again. Short waits, growing by 50 µs
/// up to 1 ms (the writer's transactions take well under a millisecond, and
/// SQLite's own handler sleeps whole milliseconds from the first try).
fn wait_for_the_lock(attempt: i32) -> bool {
    if attempt >= LOCK_TRIES {
        return false;
    }
    let micros = (50 * u64::from(attempt.unsigned_abs().saturating_add(1))).min(1_000);
    std::thread::sleep(Duration::from_micros(micros));
    true
}

/// An open write transaction on the write thread's connection.
pub(crate) struct WriteTransaction<'w> {
    home: &'w InThreadWrites,
    // A mutex only so that the transaction is `Sync`, as `ConnectionTrait`
    // asks; one thread uses it, so it is never contended.
    connection: Mutex<Option<rusqlite::Connection>>,
}

impl WriteTransaction<'_> {
    /// Commits. On failure the transaction is rolled back and nothing is kept.
    pub(crate) fn commit(self) -> Result<(), DbErr> {
        self.with(|connection| connection.execute_batch("COMMIT").map_err(failed))
    }

    fn with<T>(&self, work: impl FnOnce(&rusqlite::Connection) -> Result<T, DbErr>) -> Result<T, DbErr> {
        let slot = self.connection.lock().unwrap_or_else(PoisonError::into_inner);
        let connection = slot
            .as_ref()
            .ok_or_else(|| DbErr::Custom("the in-thread write transaction has ended".into()))?;
        work(connection)
    }

    /// The rows of `statement`, each column by name as sea-orm's decoder wants it.
    fn query(&self, statement: Statement) -> Result<Vec<Row>, DbErr> {
        let statement = inline_limits(statement);
        let values = bound_exactly(&statement)?;
        self.with(|connection| read_rows(connection, &statement.sql, values))
    }
}

impl Drop for WriteTransaction<'_> {
    fn drop(&mut self) {
        let taken = self
            .connection
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(connection) = taken {
            // After a COMMIT there is no transaction and this is a no-op; after
            // a failed one it undoes what was written.
            if !connection.is_autocommit() && connection.execute_batch("ROLLBACK").is_err() {
                // A connection that cannot roll back is not given back.
                return;
            }
            self.home.give_back(connection);
        }
    }
}

#[async_trait::async_trait]
impl sea_orm::ConnectionTrait for WriteTransaction<'_> {
    fn get_database_backend(&self) -> DbBackend {
        DbBackend::Sqlite
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        let stmt = inline_limits(stmt);
        let values = bound_exactly(&stmt)?;
        let done = self.with(|connection| {
            let mut prepared = connection.prepare_cached(&stmt.sql).map_err(failed)?;
            let changed = prepared
                .execute(rusqlite::params_from_iter(values))
                .map_err(failed)?;
            Ok(done(connection, changed))
        })?;
        exec_result(done).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        let done = self.with(|connection| {
            connection.execute_batch(sql).map_err(failed)?;
            let changed = usize::try_from(connection.changes()).unwrap_or(usize::MAX);
            Ok(done(connection, changed))
        })?;
        exec_result(done).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let mut rows = self.query(stmt)?;
        rows.truncate(1);
        Ok(query_results(rows).await?.into_iter().next())
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        query_results(self.query(stmt)?).await
    }

    /// As the pools: the bundled SQLite has `RETURNING`, and sea-orm uses it.
    fn support_returning(&self) -> bool {
        true
    }
}

/// What a statement did, as sea-orm reports it.
fn done(connection: &rusqlite::Connection, changed: usize) -> MockExecResult {
    MockExecResult {
        last_insert_id: u64::try_from(connection.last_insert_rowid()).unwrap_or_default(),
        rows_affected: u64::try_from(changed).unwrap_or(u64::MAX),
    }
}

/// Drives `work` to its end on this thread: it must not wait, since every
/// statement it awaits runs at once on a [`WriteTransaction`]. One that would
/// wait (something else awaited inside) is refused, not blocked on.
pub(crate) fn run_now<T>(work: impl Future<Output = Result<T, DomainError>>) -> Result<T, DomainError> {
    let mut work = pin!(work);
    match work.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(result) => result,
        Poll::Pending => Err(DomainError::Internal(
            "a write transaction on the in-thread connection waited for something else".into(),
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use sea_orm::{EntityTrait as _, QueryOrder as _};
    use uuid::Uuid;

    use crate::{
        assessments::save_draft,
        database::{
            Database,
            test_file::{self, TestFile},
        },
        entities::{assessment, assessment_answer, audit_event},
        questionnaire::{QuestionType, store},
    };

    /// A save on SQLite runs on the write thread's own connection, not on the
    /// write pool: with that pool closed it is still made. What it returns is
    /// what sqlx reads back afterwards (the assessment, its answers, the audit
    /// entry: ids, times, JSON, booleans decoded alike), and a refused value
    /// rolls the whole transaction back.
    #[tokio::test]
    async fn a_save_runs_on_the_write_threads_connection_and_reads_as_sqlx_reads() {
        let (file, writes) = TestFile::migrated("in-thread-writes").await;
        store::ensure_builtins(&writes).await.unwrap();
        let definition = store::definition(&writes, store::current_standard_id())
            .await
            .unwrap()
            .unwrap();
        let (company, supplier) = test_file::company_and_supplier(&writes).await;
        let assessment_id = test_file::assessment_of(&writes, company, supplier, "sent").await;
        let actor = Uuid::now_v7();
        let open_question = |kind: QuestionType| {
            definition
                .sections
                .iter()
                .flat_map(|s| &s.questions)
                .find(|q| q.kind == kind && q.show_if.is_none())
                .map(|q| q.key.clone())
                .unwrap()
        };
        let (yes_no, text) = (
            open_question(QuestionType::YesNo),
            open_question(QuestionType::Text),
        );

        let reads = sea_orm::Database::connect(&file.url).await.unwrap();
        // The write pool is closed: only the in-thread connection can write.
        writes.clone().close().await.unwrap();
        let db = Database::split(reads.clone(), writes.clone()).with_in_thread_writes(file.path.clone());
        let current = assessment::Entity::find_by_id(assessment_id)
            .one(&reads)
            .await
            .unwrap()
            .unwrap();

        let mut draft = serde_json::Map::new();
        draft.insert(yes_no.clone(), "yes".into());
        draft.insert(text.clone(), "Agencia «Ñandú» — 12 km ✓".into());
        let saved = save_draft(&db, current.clone(), Arc::clone(&definition), draft, actor)
            .await
            .unwrap();
        let stored = assessment::Entity::find_by_id(assessment_id)
            .one(&reads)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            saved.assessment, stored,
            "the model the save returns is the row sqlx reads"
        );
        assert_eq!(stored.status, "in_progress");
        let answers = assessment_answer::Entity::find()
            .order_by_asc(assessment_answer::Column::QuestionKey)
            .all(&reads)
            .await
            .unwrap();
        let by_key: crate::questionnaire::visibility::Answers = answers
            .iter()
            .map(|a| (a.question_key.clone(), a.value.clone()))
            .collect();
        assert_eq!(saved.answers, by_key);
        assert_eq!(by_key.len(), 2);
        assert!(
            answers
                .iter()
                .all(|a| a.answered_by == Some(actor) && !a.carried_over)
        );
        let audit = audit_event::Entity::find().all(&reads).await.unwrap();
        assert_eq!(audit.len(), 1, "the status change is in the audit trail");
        assert_eq!(audit[0].after, Some(serde_json::json!({"status": "in_progress"})));

        // A refused value: nothing of the save is kept, the earlier one stays.
        let mut refused = serde_json::Map::new();
        refused.insert(text.clone(), "changed".into());
        refused.insert(yes_no.clone(), "perhaps".into());
        assert!(
            save_draft(&db, stored.clone(), Arc::clone(&definition), refused, actor)
                .await
                .is_err()
        );
        let after = assessment_answer::Entity::find()
            .order_by_asc(assessment_answer::Column::QuestionKey)
            .all(&reads)
            .await
            .unwrap();
        assert_eq!(after, answers, "the refused save changed nothing");

        // The next save on the same connection works (it was given back whole).
        let mut again = serde_json::Map::new();
        again.insert(yes_no.clone(), "no".into());
        let saved = save_draft(&db, stored.clone(), Arc::clone(&definition), again.clone(), actor)
            .await
            .unwrap();
        assert_eq!(saved.answers.get(&yes_no), Some(&serde_json::json!("no")));

        // Without the in-thread connection the save takes the closed pool.
        let pooled = Database::split(reads.clone(), writes.clone());
        assert!(
            save_draft(&pooled, stored, definition, again, actor)
                .await
                .is_err()
        );
        drop((db, pooled));
        reads.close().await.unwrap();
    }
}
