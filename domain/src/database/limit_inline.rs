//! On SQLite, a `LIMIT` is written into the statement's text, not bound
//! (issue #23).
//!
//! Why: since SQLite 3.47 (here 3.51, bundled) the planner reads a bound
//! `LIMIT ?` and marks the statement to be prepared again whenever that value
//! is bound anew: every run of a cached statement with `LIMIT ?` parsed and
//! planned its SQL again. sea-query binds every limit (`find_by_id(…).one(…)`
//! is `… LIMIT ?` with 1; a list page is `LIMIT ?` with one more than a page),
//! so on SQLite the parser ran on nearly every request (`sqlite3Reprepare` in
//! the profile of saves). A literal limit is planned once; a bound `OFFSET` is
//! not re-prepared and stays bound. The test counts SQLite's own re-prepares.
//!
//! Only a limit that is an integer value is written in; the text is scanned
//! for the word `LIMIT` followed by a placeholder, outside quotes, and the
//! placeholders are counted in order as SQLite numbers `?`.

use std::borrow::Cow;

use sea_orm::{DbBackend, Statement, Value, Values};

/// [`inline_limits`] for a borrowed statement: the same statement, not a
/// copy, unless it has a limit to write in.
pub(crate) fn inlined(statement: &Statement) -> Cow<'_, Statement> {
    if statement.db_backend == DbBackend::Sqlite && !limit_placeholders(&statement.sql).is_empty() {
        Cow::Owned(inline_limits(statement.clone()))
    } else {
        Cow::Borrowed(statement)
    }
}

/// `statement` with each bound integer `LIMIT ?` written as its number
/// (SQLite only; any other statement is returned as it is).
pub(crate) fn inline_limits(statement: Statement) -> Statement {
    if statement.db_backend != DbBackend::Sqlite {
        return statement;
    }
    let limits = limit_placeholders(&statement.sql);
    if limits.is_empty() {
        return statement;
    }
    let Some(Values(values)) = statement.values else {
        return statement;
    };
    // Spans between the written-in limits are copied whole: this runs for
    // every statement with a limit, on the request's thread.
    let mut sql = String::with_capacity(statement.sql.len());
    let mut kept = Vec::with_capacity(values.len());
    let mut copied = 0;
    let mut limits = limits.into_iter().peekable();
    for (ordinal, value) in values.into_iter().enumerate() {
        let Some((at, _)) = limits.next_if(|&(_, limit)| limit == ordinal) else {
            kept.push(value);
            continue;
        };
        match integer(&value) {
            Some(n) => {
                sql.push_str(&statement.sql[copied..at]);
                sql.push_str(&n.to_string());
                copied = at + 1;
            }
            None => kept.push(value),
        }
    }
    sql.push_str(&statement.sql[copied..]);
    Statement {
        sql,
        values: Some(Values(kept)),
        db_backend: statement.db_backend,
    }
}

/// Each `?` that follows the word `LIMIT` outside quotes: its byte offset and
/// its number among the statement's placeholders (from 0, in order, as SQLite
/// numbers `?`). The delimiters are ASCII, so bytes are scanned directly.
fn limit_placeholders(sql: &str) -> Vec<(usize, usize)> {
    let bytes = sql.as_bytes();
    let mut found = Vec::new();
    let mut quote: Option<u8> = None;
    let mut ordinal = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        if let Some(open) = quote {
            if byte == open {
                quote = None;
            }
            continue;
        }
        match byte {
            b'\'' | b'"' | b'`' => quote = Some(byte),
            b'?' => {
                if follows_limit(bytes, at) {
                    found.push((at, ordinal));
                }
                ordinal += 1;
            }
            _ => {}
        }
    }
    found
}

/// Whether the last word before `at` (past whitespace) is `LIMIT`, whole.
fn follows_limit(sql: &[u8], at: usize) -> bool {
    let before = sql.get(..at).unwrap_or_default();
    let end = before
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |last| last + 1);
    let Some(start) = end.checked_sub(5) else {
        return false;
    };
    let whole = start == 0
        || !before
            .get(start - 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    whole
        && before
            .get(start..end)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"LIMIT"))
}

fn integer(value: &Value) -> Option<i128> {
    match value {
        Value::TinyInt(Some(n)) => Some(i128::from(*n)),
        Value::SmallInt(Some(n)) => Some(i128::from(*n)),
        Value::Int(Some(n)) => Some(i128::from(*n)),
        Value::BigInt(Some(n)) => Some(i128::from(*n)),
        Value::TinyUnsigned(Some(n)) => Some(i128::from(*n)),
        Value::SmallUnsigned(Some(n)) => Some(i128::from(*n)),
        Value::Unsigned(Some(n)) => Some(i128::from(*n)),
        // Beyond `i64` SQLite would refuse it bound too; left bound, as it was.
        Value::BigUnsigned(Some(n)) if i64::try_from(*n).is_ok() => Some(i128::from(*n)),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{DbBackend, EntityTrait as _, QuerySelect as _, QueryTrait as _, Statement, Value};

    use super::inline_limits;
    use crate::entities::assessment;

    #[test]
    fn a_bound_limit_is_written_in_and_the_rest_stays_bound() {
        let id = uuid::Uuid::new_v4();
        let one = assessment::Entity::find_by_id(id)
            .limit(1)
            .build(DbBackend::Sqlite);
        assert!(
            one.sql.ends_with("LIMIT ?"),
            "sea-query binds the limit: {}",
            one.sql
        );
        let inlined = inline_limits(one.clone());
        assert_eq!(inlined.sql, one.sql.replace("LIMIT ?", "LIMIT 1"));
        assert_eq!(inlined.values.unwrap().0, vec![Value::from(id)]);

        let page = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            r#"SELECT "limit" FROM (SELECT 'LIMIT ?' AS "limit", ? AS x LIMIT ? OFFSET ?) AS page WHERE x = ? limit ?"#,
            [
                Value::from("a"),
                Value::BigUnsigned(Some(51)),
                Value::BigUnsigned(Some(100)),
                Value::from("b"),
                Value::from("not a number"),
            ],
        );
        let inlined = inline_limits(page);
        assert_eq!(
            inlined.sql,
            r#"SELECT "limit" FROM (SELECT 'LIMIT ?' AS "limit", ? AS x LIMIT 51 OFFSET ?) AS page WHERE x = ? limit ?"#,
            "quoted text and a limit that is no integer are left alone"
        );
        assert_eq!(
            inlined.values.unwrap().0,
            vec![
                Value::from("a"),
                Value::BigUnsigned(Some(100)),
                Value::from("b"),
                Value::from("not a number")
            ]
        );
        let postgres = assessment::Entity::find_by_id(uuid::Uuid::new_v4())
            .limit(1)
            .build(DbBackend::Postgres);
        assert_eq!(
            inline_limits(postgres.clone()),
            postgres,
            "PostgreSQL is left as it is"
        );
    }

    /// Why: SQLite prepares a statement with a bound `LIMIT ?` again each time
    /// the limit is bound; with the number written in, never.
    #[test]
    fn sqlite_prepares_a_bound_limit_again_on_every_run_and_a_written_one_once() {
        use rusqlite::StatementStatus;

        let connection = rusqlite::Connection::open_in_memory().unwrap();
        connection
            .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2), (3);")
            .unwrap();
        let reprepares = |sql: &str, limit: Option<i64>| {
            let mut prepared = connection.prepare(sql).unwrap();
            for id in 1..=3 {
                let params: Vec<i64> = std::iter::once(id).chain(limit).collect();
                prepared
                    .query_row(rusqlite::params_from_iter(params), |_| Ok(()))
                    .unwrap();
            }
            prepared.get_status(StatementStatus::RePrepare)
        };
        let bound = Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "SELECT id FROM t WHERE id = ? LIMIT ?",
            [Value::from(1_i64), Value::BigUnsigned(Some(1))],
        );
        assert_eq!(
            reprepares(&bound.sql, Some(1)),
            3,
            "bound: prepared again on every run"
        );
        assert_eq!(
            reprepares(&inline_limits(bound).sql, None),
            0,
            "written in: prepared once"
        );
    }
}
