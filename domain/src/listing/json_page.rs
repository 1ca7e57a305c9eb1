//! A list page read as one row: the database runs the list's own page statement
//! (the one the plan tests `EXPLAIN`) as a subquery and aggregates the cut page
//! into one JSON array in the list's order (issue #23).
//!
//! Why: on SQLite every statement goes to the connection's own thread and every
//! row comes back as a message of its own, each column copied on the way, then
//! looked up by name and decoded: about 9 µs a row in the profile in
//! BENCHMARKS.md, most of a 50-row page. One row is one message.
//!
//! The lists that use it build the array's elements (an array of columns per
//! row) and parse it into the same types the row decoder gives; each has a test
//! that compares every listed item with the item read alone. The helpers below
//! write values so that they read back exactly on both databases.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone as _, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, QueryResult, Statement, Value};
use serde::de::DeserializeOwned;

use uuid::Uuid;

use crate::{
    access::claim::{Asked, Asker, Placeholders},
    database::{InThreadRow, in_thread_reads_of},
    error::DomainError,
};

/// The rows of one page, and the list's kept total when the page carried it.
pub(crate) struct JsonPage<R> {
    /// The page's rows, in the list's order.
    pub rows: Vec<R>,
    /// The kept total (`None` for a counted list, or a page with no row).
    pub kept_total: Option<i64>,
}

/// Runs `page` (a list's page statement as [`super::page_statement`] gives it)
/// inside `SELECT {aggregate} AS page_rows FROM ({page}) AS page {joins}`:
/// `aggregate` must give one JSON array (text) of the page's rows, each
/// deserialising as `R`; `kept` says the page carries `list_total`. Read on the
/// pool: a page that takes SQLite longer than a hand-off costs (the assessment
/// list, the audit trail) was slower on the calling thread (BENCHMARKS.md).
pub(crate) async fn read<C: ConnectionTrait, R: DeserializeOwned>(
    db: &C,
    page: Statement,
    kept: bool,
    aggregate: &str,
    joins: &str,
) -> Result<JsonPage<R>, DomainError> {
    let row = pooled_row(db, aggregated(page, kept, aggregate, joins)).await?;
    page_of(&row, kept)
}

/// The statement [`read`] runs.
fn aggregated(page: Statement, kept: bool, aggregate: &str, joins: &str) -> Statement {
    Statement {
        sql: format!(
            "SELECT {aggregate} AS page_rows{total} FROM ({page}) AS page {joins}",
            total = kept_total(kept),
            page = page.sql
        ),
        values: page.values,
        db_backend: page.db_backend,
    }
}

/// [`read`] for `asker`, of a list of company `company_id`. A known caller who
/// is no member of it reads nothing. A session's claim rides in the page's
/// statement (see [`crate::access::claim`]): the caller's rows come back with
/// the page, and the page is computed only behind the claim's gate. For a short
/// page (the supplier list's): on SQLite it is read on the calling thread
/// ([`crate::database::in_thread`]).
pub(crate) async fn read_asked<C: ConnectionTrait + 'static, R: DeserializeOwned>(
    db: &C,
    asker: Asker,
    company_id: Uuid,
    page: Statement,
    kept: bool,
    aggregate: &str,
    joins: &str,
) -> Result<Asked<JsonPage<R>>, DomainError> {
    let claim = match asker {
        Asker::Known(caller) => {
            let admitted = caller.company_role(company_id).is_ok();
            let value = if admitted {
                let row = row_here(db, aggregated(page, kept, aggregate, joins)).await?;
                page_of(&row, kept)?
            } else {
                JsonPage::empty()
            };
            return Ok(Asked {
                caller: Some(caller),
                admitted,
                value,
            });
        }
        Asker::Claimed(claim) => claim,
    };
    let backend = page.db_backend;
    let page_values = page.values.map(|values| values.0).unwrap_or_default();
    let mut places = Placeholders::after(backend, page_values.len());
    let rows = claim.rows(&mut places);
    let gate = claim.gate(&mut places, company_id);
    let sql = format!(
        "SELECT {rows} AS caller_rows, (CASE WHEN {gate} THEN 1 ELSE 0 END) AS admitted, \
           {aggregate} AS page_rows{total} FROM ({page}) AS page {joins} WHERE {gate}",
        rows = rows.sql,
        gate = gate.sql,
        total = kept_total(kept),
        page = page.sql,
    );
    // PostgreSQL numbers its placeholders (the page's first, the gate's twice
    // under the same numbers); SQLite binds them in the order they are written.
    let values: Vec<Value> = if backend == DatabaseBackend::Postgres {
        [page_values, rows.values, gate.values].concat()
    } else {
        [rows.values, gate.values.clone(), page_values, gate.values].concat()
    };
    let row = row_here(db, Statement::from_sql_and_values(backend, sql, values)).await?;
    let admitted = row.admitted()?;
    let caller_rows = row.text("caller_rows")?;
    let caller = claim.caller(db, caller_rows.as_deref()).await?;
    let value = if admitted {
        page_of(&row, kept)?
    } else {
        JsonPage::empty()
    };
    Ok(Asked {
        caller,
        admitted,
        value,
    })
}

impl<R> JsonPage<R> {
    fn empty() -> Self {
        Self {
            rows: Vec::new(),
            kept_total: None,
        }
    }
}

fn kept_total(kept: bool) -> &'static str {
    if kept {
        ", MAX(page.list_total) AS list_total"
    } else {
        ""
    }
}

/// The one row of an aggregate statement, read on the calling thread where the
/// database does that (SQLite, see [`crate::database::in_thread`]), else on the
/// pool.
async fn row_here<C: ConnectionTrait + 'static>(db: &C, statement: Statement) -> Result<OneRow, DomainError> {
    if let Some(reads) = in_thread_reads_of(db)
        && let Some(found) = reads.one_row(&statement)?
    {
        return found.map(OneRow::InThread).ok_or_else(no_row);
    }
    pooled_row(db, statement).await
}

/// The one row of an aggregate statement, read on the pool.
async fn pooled_row<C: ConnectionTrait>(db: &C, statement: Statement) -> Result<OneRow, DomainError> {
    db.query_one_raw(statement)
        .await?
        .map(OneRow::Pooled)
        .ok_or_else(no_row)
}

fn no_row() -> DomainError {
    DomainError::Internal("the page's aggregate returned no row".into())
}

/// The one row of a page's statement, however it was read.
enum OneRow {
    Pooled(QueryResult),
    InThread(InThreadRow),
}

impl OneRow {
    /// A text column (`None` for `NULL`).
    fn text(&self, name: &str) -> Result<Option<String>, DomainError> {
        Ok(match self {
            Self::Pooled(row) => row.try_get("", name)?,
            Self::InThread(row) => row.text(name)?,
        })
    }

    /// A bigint column (`None` for `NULL`).
    fn integer(&self, name: &str) -> Result<Option<i64>, DomainError> {
        Ok(match self {
            Self::Pooled(row) => row.try_get("", name)?,
            Self::InThread(row) => row.integer(name)?,
        })
    }

    /// The gate's `admitted` (an `integer` on PostgreSQL, not a bigint).
    fn admitted(&self) -> Result<bool, DomainError> {
        Ok(match self {
            Self::Pooled(row) => row.try_get::<i32>("", "admitted")? == 1,
            Self::InThread(row) => row.integer("admitted")? == Some(1),
        })
    }
}

/// The page in `row` (its `page_rows`, and `list_total` when `kept`).
fn page_of<R: DeserializeOwned>(row: &OneRow, kept: bool) -> Result<JsonPage<R>, DomainError> {
    // An aggregate over no row is NULL on PostgreSQL (the lists COALESCE it,
    // this is the last guard) and `[]` on SQLite.
    let text = row.text("page_rows")?;
    let kept_total = if kept { row.integer("list_total")? } else { None };
    let rows = match text {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| DomainError::Internal(format!("a list page does not parse: {e}")))?,
        None => Vec::new(),
    };
    Ok(JsonPage { rows, kept_total })
}

/// An id column as text on SQLite: hex of the 16-byte blob sqlx stores, or the
/// text itself for a row written as text. `NULL` stays `NULL`.
pub(crate) fn sqlite_id(column: &str) -> String {
    format!("CASE typeof({column}) WHEN 'blob' THEN hex({column}) ELSE {column} END")
}

/// A real column as text with every digit on SQLite: its JSON writes a real
/// with 15 significant digits, which does not always give the same `f64` back.
pub(crate) fn sqlite_real(column: &str) -> String {
    format!("CASE WHEN {column} IS NULL THEN NULL ELSE printf('%!.17g', {column}) END")
}

/// A real written by [`sqlite_real`] (or PostgreSQL's `::text`) read back.
pub(crate) fn stored_real(text: Option<&str>, what: &str) -> Result<Option<f64>, DomainError> {
    text.map(|text| {
        text.parse::<f64>()
            .map_err(|e| DomainError::Internal(format!("a stored {what} does not parse: {e}")))
    })
    .transpose()
}

/// A stored time, read as the row decoder reads it: RFC 3339 (what sqlx writes
/// on SQLite, and PostgreSQL's JSON), or one of SQLite's own date-time forms
/// (UTC when no offset is written).
pub(crate) fn stored_time(text: &str) -> Result<DateTime<Utc>, DomainError> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    const FORMS: [&str; 12] = [
        "%F %T%.f",
        "%F %R",
        "%F %RZ",
        "%F %R%:z",
        "%F %T%.fZ",
        "%F %T%.f%:z",
        "%FT%R",
        "%FT%RZ",
        "%FT%R%:z",
        "%FT%T%.f",
        "%FT%T%.fZ",
        "%FT%T%.f%:z",
    ];
    for form in FORMS {
        if let Ok(at) = DateTime::<FixedOffset>::parse_from_str(text, form) {
            return Ok(at.with_timezone(&Utc));
        }
        if let Ok(at) = NaiveDateTime::parse_from_str(text, form) {
            return Ok(Utc.from_utc_datetime(&at));
        }
    }
    Err(DomainError::Internal(format!(
        "a stored time does not parse: {text:?}"
    )))
}

/// [`stored_time`] of a nullable column.
pub(crate) fn stored_time_opt(text: Option<&str>) -> Result<Option<DateTime<Utc>>, DomainError> {
    text.map(stored_time).transpose()
}

#[cfg(test)]
mod tests {
    use super::{stored_real, stored_time};

    #[test]
    fn stored_times_read_as_the_row_decoder_reads_them() -> Result<(), crate::error::DomainError> {
        let nanos = stored_time("2026-12-06T01:41:06.150437984+00:00")?;
        assert_eq!(nanos.timestamp_subsec_nanos(), 150_437_984);
        let offset = stored_time("2026-12-06T02:41:06.5+01:00")?;
        assert_eq!(offset.to_rfc3339(), "2026-12-06T01:41:06.500+00:00");
        let sqlite = stored_time("2026-12-06 01:41:06")?;
        assert_eq!(sqlite.to_rfc3339(), "2026-12-06T01:41:06+00:00");
        assert!(stored_time("yesterday").is_err());
        Ok(())
    }

    #[test]
    fn stored_reals_read_back_to_the_same_f64() -> Result<(), crate::error::DomainError> {
        let third = 100.0_f64 / 3.0;
        let written = format!("{third:.17e}");
        assert_eq!(stored_real(Some(&written), "score")?, Some(third));
        assert_eq!(stored_real(None, "score")?, None);
        assert!(stored_real(Some("high"), "score").is_err());
        Ok(())
    }

    /// On SQLite a short page is read on the calling thread, not on the read pool:
    /// with that pool closed it is still read, and it is not without the
    /// in-thread reads (so this test sees which way the read went).
    #[tokio::test]
    #[allow(clippy::unwrap_used)]
    async fn a_page_on_sqlite_is_read_on_the_calling_thread() {
        use sea_orm::{DbBackend, Statement};

        use crate::database::Database;

        let path = std::env::temp_dir().join(format!("fh-json-page-{}.db", uuid::Uuid::new_v4().simple()));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let writes = sea_orm::Database::connect(&url).await.unwrap();
        let reads = sea_orm::Database::connect(&url).await.unwrap();
        let pooled = Database::split(reads.clone(), writes.clone());
        let in_thread = Database::split(reads.clone(), writes.clone()).with_in_thread_reads(path.clone());
        reads.close().await.unwrap();
        let page = || Statement::from_string(DbBackend::Sqlite, "SELECT 1 AS x UNION ALL SELECT 2");
        let aggregate = "json_group_array(page.x)";

        let statement = || super::aggregated(page(), false, aggregate, "");
        let row = super::row_here(&in_thread, statement()).await.unwrap();
        assert_eq!(super::page_of::<i64>(&row, false).unwrap().rows, vec![1, 2]);
        assert!(
            super::row_here(&pooled, statement()).await.is_err(),
            "the read pool is closed"
        );
        assert!(
            super::read::<_, i64>(&in_thread, page(), false, aggregate, "")
                .await
                .is_err(),
            "a page read by `read` takes the pool"
        );
        writes.close().await.unwrap();
        drop((pooled, in_thread));
        let _ = std::fs::remove_file(&path);
    }
}
