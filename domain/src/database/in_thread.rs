//! Short reads on SQLite run on the calling thread (issue #23).
//!
//! sqlx gives every SQLite connection a thread of its own: a statement is sent
//! to it, the caller's task sleeps, the connection's thread wakes, runs it and
//! sends the row back, and the task is woken again. Under the list load on two
//! cores that hand-off (the kernel switching threads) led the server's profile,
//! ahead of SQLite's own work. Three reads are one short statement each and
//! run on every request they serve: a session's caller (every signed-in
//! request, [`crate::access::claim::SessionClaim::caller_here`]), the supplier
//! list's page with its gate ([`crate::listing::json_page::read_asked`]), and a
//! row by its primary key ([`super::row_by_id`]: the assessment, finding or
//! supplier a request is about). They run here, on the thread that asks, on a
//! read-only connection that thread keeps: no hand-off, no pool to wait for.
//! Same machine, same data: `/me` +65% requests per second, the supplier list
//! +30–40%, saves +25% for their two rows by id (BENCHMARKS.md).
//!
//! Only for statements that read a bounded, small amount: it blocks the
//! calling thread (an HTTP worker) for as long as SQLite runs. The assessment
//! list and the audit trail, whose pages take SQLite longer, were slower this
//! way and stay on the pool. A statement with a value this module does not
//! bind as sqlx does returns `None`, and the caller takes the pool: the bound
//! bytes must be exactly sqlx's, since the stored rows were written by it (ids
//! as 16-byte blobs, times as RFC 3339).

use std::{any::Any, cell::RefCell, path::PathBuf, time::Duration};

use chrono::SecondsFormat;
use rusqlite::{OpenFlags, types::Value as Bound};
use sea_orm::{DbErr, Statement, Value};
use thread_local::ThreadLocal;

use super::{
    Database,
    limit_inline::inlined,
    sqlite_rows::{Row, read_rows},
};

/// How long a read waits when SQLite reports the database busy (in WAL mode
/// only while the write-ahead log's index is rebuilt); as the pools wait.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The page cache of each connection, in KiB, as the pools' (see `connect`).
pub(super) const CACHE_KIB: i64 = 1024;

/// Prepared statements each connection keeps, by their text.
pub(super) const STATEMENT_CACHE: usize = 64;

/// The read-only connections of one database file, one per thread that reads.
#[derive(Debug)]
pub(crate) struct InThreadReads {
    path: PathBuf,
    connections: ThreadLocal<RefCell<Option<rusqlite::Connection>>>,
}

/// One row read on the calling thread: its columns by name, as SQLite gave them.
#[derive(Debug)]
pub(crate) struct InThreadRow {
    columns: Vec<(String, Bound)>,
}

/// The in-thread reads of `db` when it is the app's [`Database`] and has them
/// (SQLite in a file); a transaction or a bare connection reads on its own.
pub(crate) fn in_thread_reads_of<C: 'static>(db: &C) -> Option<&InThreadReads> {
    (db as &dyn Any)
        .downcast_ref::<Database>()
        .and_then(Database::in_thread_reads)
}

impl InThreadReads {
    /// Reads of the database file at `path` (connections open on first use).
    pub(crate) fn new(path: PathBuf) -> Self {
        Self {
            path,
            connections: ThreadLocal::new(),
        }
    }

    /// The first row of `statement`, run on this thread; `Ok(None)` when the
    /// statement has a value this module does not bind (the caller takes the
    /// pool), `Ok(Some(None))` when it returned no row.
    pub(crate) fn one_row(&self, statement: &Statement) -> Result<Option<Option<InThreadRow>>, DbErr> {
        let statement = &*inlined(statement);
        let Some(values) = bound(statement) else {
            return Ok(None);
        };
        self.with_connection(|connection| {
            let mut prepared = connection.prepare_cached(&statement.sql).map_err(failed)?;
            let names: Vec<String> = prepared.column_names().into_iter().map(str::to_string).collect();
            let mut rows = prepared
                .query(rusqlite::params_from_iter(values))
                .map_err(failed)?;
            let Some(row) = rows.next().map_err(failed)? else {
                return Ok(Some(None));
            };
            let columns = names
                .into_iter()
                .enumerate()
                .map(|(index, name)| row.get::<_, Bound>(index).map(|value| (name, value)))
                .collect::<Result<Vec<_>, _>>()
                .map_err(failed)?;
            Ok(Some(Some(InThreadRow { columns })))
        })
    }

    /// Every row of `statement`, run on this thread, each column read by its
    /// declared type (`sqlite_rows`); `Ok(None)` when the statement has a value
    /// this module does not bind (the caller takes the pool).
    pub(super) fn rows(&self, statement: &Statement) -> Result<Option<Vec<Row>>, DbErr> {
        let statement = &*inlined(statement);
        let Some(values) = bound(statement) else {
            return Ok(None);
        };
        self.with_connection(|connection| read_rows(connection, &statement.sql, values).map(Some))
    }

    /// [`Self::rows`] of SQLite text whose limits are already written in
    /// (`limit_inline`), with `values` bound in order.
    pub(super) fn rows_of(&self, sql: &str, values: &[Value]) -> Result<Option<Vec<Row>>, DbErr> {
        let Some(values) = values.iter().map(bind).collect::<Option<Vec<_>>>() else {
            return Ok(None);
        };
        self.with_connection(|connection| read_rows(connection, sql, values).map(Some))
    }

    /// Runs `read` on this thread's connection, opened at its first use.
    fn with_connection<T>(
        &self,
        read: impl FnOnce(&rusqlite::Connection) -> Result<T, DbErr>,
    ) -> Result<T, DbErr> {
        let cell = self.connections.get_or(|| RefCell::new(None));
        // A read never re-enters this module on the same thread (it holds no
        // await), so the borrow is always free; refuse rather than panic.
        let mut slot = cell
            .try_borrow_mut()
            .map_err(|_| DbErr::Custom("an in-thread read re-entered its connection".into()))?;
        if slot.is_none() {
            *slot = Some(self.open().map_err(failed)?);
        }
        let Some(connection) = slot.as_ref() else {
            return Err(DbErr::Custom("the in-thread connection did not open".into()));
        };
        read(connection)
    }

    /// A read-only connection set up as the pools' are.
    fn open(&self) -> rusqlite::Result<rusqlite::Connection> {
        let connection = rusqlite::Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        connection.pragma_update(None, "cache_size", -CACHE_KIB)?;
        connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(connection)
    }
}

impl InThreadRow {
    /// A text column (`None` for `NULL`).
    pub(crate) fn text(&self, name: &str) -> Result<Option<String>, DbErr> {
        match self.column(name)? {
            Bound::Null => Ok(None),
            Bound::Text(text) => Ok(Some(text.clone())),
            other => Err(mistyped(name, "text", other)),
        }
    }

    /// An integer column (`None` for `NULL`).
    pub(crate) fn integer(&self, name: &str) -> Result<Option<i64>, DbErr> {
        match self.column(name)? {
            Bound::Null => Ok(None),
            Bound::Integer(n) => Ok(Some(*n)),
            other => Err(mistyped(name, "integer", other)),
        }
    }

    fn column(&self, name: &str) -> Result<&Bound, DbErr> {
        self.columns
            .iter()
            .find(|(column, _)| column == name)
            .map(|(_, value)| value)
            .ok_or_else(|| DbErr::Custom(format!("the row has no column {name}")))
    }
}

fn mistyped(name: &str, wanted: &str, found: &Bound) -> DbErr {
    DbErr::Type(format!("column {name}: {wanted} expected, found {found:?}"))
}

pub(super) fn failed(error: rusqlite::Error) -> DbErr {
    DbErr::Custom(format!("SQLite (in-thread): {error}"))
}

/// The statement's values bound as sqlx binds them on SQLite (see
/// `sea-query-sqlx` and sqlx's `Encode` for SQLite), or `None` if one is of a
/// kind the app does not use.
fn bound(statement: &Statement) -> Option<Vec<Bound>> {
    let Some(values) = &statement.values else {
        return Some(Vec::new());
    };
    values.0.iter().map(bind).collect()
}

/// [`bound`], where there is no pool to fall back on (`in_thread_writes`): a
/// value of another kind is an error naming it.
pub(super) fn bound_exactly(statement: &Statement) -> Result<Vec<Bound>, DbErr> {
    let Some(values) = &statement.values else {
        return Ok(Vec::new());
    };
    values
        .0
        .iter()
        .map(|value| bind(value).ok_or_else(|| DbErr::Type(format!("no in-thread binding for {value:?}"))))
        .collect()
}

fn bind(value: &Value) -> Option<Bound> {
    let or_null = |bound: Option<Bound>| Some(bound.unwrap_or(Bound::Null));
    match value {
        Value::Bool(b) => or_null(b.map(|b| Bound::Integer(i64::from(b)))),
        Value::TinyInt(i) => or_null(i.map(|i| Bound::Integer(i64::from(i)))),
        Value::SmallInt(i) => or_null(i.map(|i| Bound::Integer(i64::from(i)))),
        Value::Int(i) => or_null(i.map(|i| Bound::Integer(i64::from(i)))),
        Value::BigInt(i) => or_null(i.map(Bound::Integer)),
        Value::TinyUnsigned(i) => or_null(i.map(|i| Bound::Integer(i64::from(i)))),
        Value::SmallUnsigned(i) => or_null(i.map(|i| Bound::Integer(i64::from(i)))),
        Value::Unsigned(i) => or_null(i.map(|i| Bound::Integer(i64::from(i)))),
        // sqlx panics on a `u64` beyond `i64`; the pool is left to do so.
        Value::BigUnsigned(Some(i)) => i64::try_from(*i).ok().map(Bound::Integer),
        Value::BigUnsigned(None) => Some(Bound::Null),
        Value::Float(f) => or_null(f.map(|f| Bound::Real(f64::from(f)))),
        Value::Double(d) => or_null(d.map(Bound::Real)),
        Value::Char(c) => or_null(c.map(|c| Bound::Text(c.to_string()))),
        Value::String(s) => or_null(s.as_ref().map(|s| Bound::Text(s.to_string()))),
        Value::Bytes(b) => or_null(b.as_ref().map(|b| Bound::Blob(b.to_vec()))),
        Value::Uuid(u) => or_null(u.as_ref().map(|u| Bound::Blob(u.as_bytes().to_vec()))),
        Value::ChronoDateTimeUtc(t) => or_null(
            t.as_ref()
                .map(|t| Bound::Text(t.to_rfc3339_opts(SecondsFormat::AutoSi, false))),
        ),
        Value::ChronoDate(d) => or_null(d.map(|d| Bound::Text(d.format("%F").to_string()))),
        // sqlx writes JSON as its compact text (`serde_json::to_string`).
        Value::Json(j) => match j {
            Some(j) => serde_json::to_string(j).ok().map(Bound::Text),
            None => Some(Bound::Null),
        },
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{DbBackend, Statement, Value};

    use super::{Bound, bind};

    #[test]
    fn values_bind_as_sqlx_binds_them() {
        let id = uuid::Uuid::new_v4();
        assert_eq!(bind(&Value::from(id)), Some(Bound::Blob(id.as_bytes().to_vec())));
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-06T15:04:05.250+00:00")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(
            bind(&Value::from(at)),
            Some(Bound::Text("2026-12-06T15:04:05.250+00:00".into()))
        );
        assert_eq!(bind(&Value::from(true)), Some(Bound::Integer(1)));
        assert_eq!(bind(&Value::from(None::<String>)), Some(Bound::Null));
        assert_eq!(bind(&Value::BigUnsigned(Some(u64::MAX))), None);
        assert_eq!(
            bind(&Value::from(serde_json::json!({"a": [1, "b"]}))),
            Some(Bound::Text(r#"{"a":[1,"b"]}"#.into())),
            "JSON as sqlx writes it: compact text"
        );
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert_eq!(bind(&Value::from(date)), Some(Bound::Text("2026-12-06".into())));
        let unbound = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "SELECT ?",
            [Value::ChronoDateTime(Some(date.and_hms_opt(1, 2, 3).unwrap()))],
        );
        assert_eq!(
            super::bound(&unbound),
            None,
            "a kind the app does not use is left to the pool"
        );
        assert!(
            super::bound_exactly(&unbound).is_err(),
            "and refused where there is no pool"
        );
    }

    /// A row written through sqlx (ids as blobs, times as text) is found by the
    /// same values bound here, and a commit on another connection is seen by
    /// the next read on this thread's connection.
    #[tokio::test]
    async fn reads_find_what_sqlx_wrote_and_see_later_commits() {
        use sea_orm::ConnectionTrait as _;

        let path = std::env::temp_dir().join(format!("fh-in-thread-{}.db", uuid::Uuid::new_v4().simple()));
        let writes = sea_orm::Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        writes
            .execute_unprepared("PRAGMA journal_mode=WAL; CREATE TABLE t (id BLOB, at TEXT, name TEXT)")
            .await
            .unwrap();
        let (id, at) = (uuid::Uuid::new_v4(), chrono::Utc::now());
        let insert = |name: &str| {
            Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "INSERT INTO t (id, at, name) VALUES (?, ?, ?)",
                [Value::from(id), Value::from(at), Value::from(name.to_string())],
            )
        };
        writes.execute_raw(insert("first")).await.unwrap();
        let reads = super::InThreadReads::new(path.clone());
        let select = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "SELECT group_concat(name, ',') AS names, COUNT(*) AS n FROM t WHERE id = ? AND at = ?",
            [Value::from(id), Value::from(at)],
        );
        let row = reads.one_row(&select).unwrap().unwrap().unwrap();
        assert_eq!(row.text("names").unwrap().as_deref(), Some("first"));
        assert_eq!(row.integer("n").unwrap(), Some(1));
        assert!(
            row.integer("names").is_err(),
            "a text column is not read as a number"
        );
        assert!(row.text("missing").is_err());

        writes.execute_raw(insert("second")).await.unwrap();
        let row = reads.one_row(&select).unwrap().unwrap().unwrap();
        assert_eq!(row.integer("n").unwrap(), Some(2), "the later commit is seen");

        let none = Statement::from_string(DbBackend::Sqlite, "SELECT name FROM t WHERE 0");
        assert!(reads.one_row(&none).unwrap().unwrap().is_none());
        let write = Statement::from_string(DbBackend::Sqlite, "DELETE FROM t");
        assert!(reads.one_row(&write).is_err(), "the connection is read-only");
        writes.close().await.unwrap();
        drop(reads);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}
