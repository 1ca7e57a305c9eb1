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
//! (`in_thread::bind`), and each column is read by its declared type as the
//! entities declare it (`uuid_text` 16-byte blobs, `timestamp_with_timezone_text`
//! as sqlx reads times, `json_text`, `boolean` as 0/1, `double`, `date_text`).
//! Two limits, both failing loudly rather than guessing: an `integer` column
//! reads as an `i64` (an entity field of `i32` is a type error), and a row is
//! looked up by column name (a tuple of several columns by position is not
//! supported). The save's statements have neither.
//!
//! SQLite has one writer: this connection and sqlx's write pool share the file
//! lock. A transaction here waits for the lock in a busy handler that retries
//! every 50–1,000 µs, for at most ten seconds as the pools wait.

use std::{
    collections::BTreeMap,
    future::Future,
    path::PathBuf,
    pin::pin,
    sync::{Mutex, PoisonError},
    task::{Context, Poll, Waker},
    time::Duration,
};

use rusqlite::{OpenFlags, types::ValueRef};
use sea_orm::{
    ConnectionTrait as _, DbBackend, DbErr, ExecResult, MockDatabase, MockExecResult, QueryResult, Statement,
    Value,
};

use super::in_thread::{bound_exactly, failed};
use crate::{error::DomainError, listing::json_page::stored_time};

/// The page cache of the connection, in KiB, as the pools'.
const CACHE_KIB: i64 = 1024;

/// Prepared statements the connection keeps, by their text.
const STATEMENT_CACHE: usize = 64;

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
    fn query(&self, statement: &Statement) -> Result<Vec<Row>, DbErr> {
        let values = bound_exactly(statement)?;
        self.with(|connection| {
            let mut prepared = connection.prepare_cached(&statement.sql).map_err(failed)?;
            let columns: Vec<(String, Declared)> = prepared
                .columns()
                .iter()
                .map(|column| (column.name().to_string(), Declared::of(column.decl_type())))
                .collect();
            let mut rows = prepared
                .query(rusqlite::params_from_iter(values))
                .map_err(failed)?;
            let mut found = Vec::new();
            while let Some(row) = rows.next().map_err(failed)? {
                let mut values = BTreeMap::new();
                for (index, (name, declared)) in columns.iter().enumerate() {
                    let raw = row.get_ref(index).map_err(failed)?;
                    values.insert(name.clone(), declared.value(name, raw)?);
                }
                found.push(values);
            }
            Ok(found)
        })
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
        let mut rows = self.query(&stmt)?;
        rows.truncate(1);
        Ok(query_results(rows).await?.into_iter().next())
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        query_results(self.query(&stmt)?).await
    }

    /// As the pools: the bundled SQLite has `RETURNING`, and sea-orm uses it.
    fn support_returning(&self) -> bool {
        true
    }
}

/// One row: its columns by name.
type Row = BTreeMap<String, Value>;

/// What a statement did, as sea-orm reports it.
fn done(connection: &rusqlite::Connection, changed: usize) -> MockExecResult {
    MockExecResult {
        last_insert_id: u64::try_from(connection.last_insert_rowid()).unwrap_or_default(),
        rows_affected: u64::try_from(changed).unwrap_or(u64::MAX),
    }
}

// sea-orm 2.0.4 makes its row and result types from values only in its proxy
// feature (which does not build beside `sqlx-sqlite` in that version) and in
// its mock database. The mock database is used here as that constructor and
// nothing else: it hands back, at once, the rows or the result it is given.

/// `rows` as sea-orm's rows.
async fn query_results(rows: Vec<Row>) -> Result<Vec<QueryResult>, DbErr> {
    MockDatabase::new(DbBackend::Sqlite)
        .append_query_results([rows])
        .into_connection()
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, ""))
        .await
}

/// `done` as sea-orm's result of a statement.
async fn exec_result(done: MockExecResult) -> Result<ExecResult, DbErr> {
    MockDatabase::new(DbBackend::Sqlite)
        .append_exec_results([done])
        .into_connection()
        .execute_raw(Statement::from_string(DbBackend::Sqlite, ""))
        .await
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

/// How a column is read, by the type its table declares (as sea-orm's schema
/// writes each entity's column type on SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Declared {
    Id,
    Time,
    Date,
    Json,
    Bool,
    Real,
    Integer,
    Text,
    /// An expression: read as SQLite stored it.
    Undeclared,
}

impl Declared {
    fn of(declared: Option<&str>) -> Self {
        let Some(declared) = declared else {
            return Self::Undeclared;
        };
        let declared = declared.to_ascii_lowercase();
        match declared.as_str() {
            "uuid_text" => Self::Id,
            "timestamp_with_timezone_text" => Self::Time,
            "date_text" => Self::Date,
            "json_text" => Self::Json,
            "boolean" => Self::Bool,
            "double" | "real" | "float" => Self::Real,
            "integer" | "bigint" => Self::Integer,
            other if other.starts_with("varchar") || other == "text" => Self::Text,
            _ => Self::Undeclared,
        }
    }

    /// The column's value as sea-orm's row decoder wants it for the entity's
    /// field type (sea-orm converts a value only from its own kind, NULL too).
    fn value(self, name: &str, raw: ValueRef<'_>) -> Result<Value, DbErr> {
        let wrong = || {
            DbErr::Type(format!(
                "column {name} (declared {self:?}) holds {:?}",
                raw.data_type()
            ))
        };
        let text = |raw: ValueRef<'_>| raw.as_str().map(str::to_string).map_err(|_| wrong());
        Ok(match (self, raw) {
            (Self::Id, ValueRef::Null) => Value::Uuid(None),
            (Self::Id, ValueRef::Blob(bytes)) => {
                Value::from(uuid::Uuid::from_slice(bytes).map_err(|_| wrong())?)
            }
            (Self::Time, ValueRef::Null) => Value::ChronoDateTimeUtc(None),
            (Self::Time, raw) => {
                Value::from(stored_time(&text(raw)?).map_err(|e| DbErr::Type(e.to_string()))?)
            }
            (Self::Date, ValueRef::Null) => Value::ChronoDate(None),
            (Self::Date, raw) => {
                Value::from(chrono::NaiveDate::parse_from_str(&text(raw)?, "%F").map_err(|_| wrong())?)
            }
            (Self::Json, ValueRef::Null) => Value::Json(None),
            (Self::Json, raw) => {
                Value::from(serde_json::from_str::<serde_json::Value>(&text(raw)?).map_err(|_| wrong())?)
            }
            (Self::Bool, ValueRef::Null) => Value::Bool(None),
            (Self::Bool, ValueRef::Integer(n)) => Value::from(n != 0),
            (Self::Real, ValueRef::Null) => Value::Double(None),
            (Self::Real, ValueRef::Real(x)) => Value::from(x),
            #[allow(clippy::cast_precision_loss)] // as sqlx reads an integer stored in a real column
            (Self::Real, ValueRef::Integer(n)) => Value::from(n as f64),
            (Self::Integer, ValueRef::Null) => Value::BigInt(None),
            (Self::Integer, ValueRef::Integer(n)) => Value::from(n),
            (Self::Text, ValueRef::Null) => Value::String(None),
            (Self::Text, raw) => Value::from(text(raw)?),
            (Self::Undeclared, ValueRef::Null) => Value::String(None),
            (Self::Undeclared, ValueRef::Integer(n)) => Value::from(n),
            (Self::Undeclared, ValueRef::Real(x)) => Value::from(x),
            (Self::Undeclared, ValueRef::Text(_)) => Value::from(text(raw)?),
            (Self::Undeclared, ValueRef::Blob(bytes)) => Value::from(bytes.to_vec()),
            _ => return Err(wrong()),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use migration::MigratorTrait as _;
    use sea_orm::{ConnectionTrait as _, DbBackend, EntityTrait as _, QueryOrder as _, Statement, Value};
    use uuid::Uuid;

    use crate::{
        assessments::save_draft,
        database::Database,
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
        let path = std::env::temp_dir().join(format!("fh-in-thread-writes-{}.db", Uuid::new_v4().simple()));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let writes = sea_orm::Database::connect(&url).await.unwrap();
        writes
            .execute_unprepared("PRAGMA journal_mode=WAL")
            .await
            .unwrap();
        migration::Migrator::up(&writes, None).await.unwrap();
        store::ensure_builtins(&writes).await.unwrap();
        let definition = store::definition(&writes, store::current_standard_id())
            .await
            .unwrap()
            .unwrap();
        let (company, supplier, assessment_id, actor) =
            (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
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
                "INSERT INTO suppliers (id, company_id, name, country, sector, contact_email, created_at) \
                 VALUES (?, ?, 'Maker', 'MY', 'electronics', 'maker@example.com', ?)",
                vec![Value::from(supplier), Value::from(company), Value::from(now)],
            ),
            (
                "INSERT INTO assessments (id, company_id, supplier_id, questionnaire_id, status, due_date, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, 'sent', '2027-01-31', ?, ?)",
                vec![
                    Value::from(assessment_id),
                    Value::from(company),
                    Value::from(supplier),
                    Value::from(store::current_standard_id()),
                    Value::from(now),
                    Value::from(now),
                ],
            ),
        ] {
            writes
                .execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, sql, values))
                .await
                .unwrap();
        }
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

        let reads = sea_orm::Database::connect(&url).await.unwrap();
        // The write pool is closed: only the in-thread connection can write.
        writes.clone().close().await.unwrap();
        let db = Database::split(reads.clone(), writes.clone()).with_in_thread_writes(path.clone());
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
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }

    #[test]
    fn columns_are_read_by_their_declared_type() {
        use super::Declared;
        assert_eq!(Declared::of(Some("uuid_text")), Declared::Id);
        assert_eq!(Declared::of(Some("TIMESTAMP_WITH_TIMEZONE_TEXT")), Declared::Time);
        assert_eq!(Declared::of(Some("varchar(8)")), Declared::Text);
        assert_eq!(Declared::of(None), Declared::Undeclared);
        let id = Uuid::new_v4();
        let blob = id.as_bytes().to_vec();
        assert_eq!(
            Declared::Id
                .value("id", rusqlite::types::ValueRef::Blob(&blob))
                .unwrap(),
            Value::from(id)
        );
        assert_eq!(
            Declared::Id.value("id", rusqlite::types::ValueRef::Null).unwrap(),
            Value::Uuid(None),
            "a NULL is of the column's kind, as sea-orm wants it"
        );
        assert!(
            Declared::Id
                .value("id", rusqlite::types::ValueRef::Text(b"not an id"))
                .is_err(),
            "a value of another kind is an error, not a guess"
        );
        assert_eq!(
            Declared::Time
                .value("at", rusqlite::types::ValueRef::Text(b"2026-12-06 15:04:05"))
                .unwrap(),
            Value::from(
                chrono::DateTime::parse_from_rfc3339("2026-12-06T15:04:05Z")
                    .unwrap()
                    .with_timezone(&chrono::Utc)
            ),
            "times in SQLite's own form read as sqlx reads them"
        );
    }
}
