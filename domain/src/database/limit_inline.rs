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
    if statement.db_backend == DbBackend::Sqlite && contains_limit(&statement.sql) {
        Cow::Owned(inline_limits(statement.clone()))
    } else {
        Cow::Borrowed(statement)
    }
}

/// `statement` with each bound integer `LIMIT ?` written as its number
/// (SQLite only; any other statement is returned as it is).
pub(crate) fn inline_limits(statement: Statement) -> Statement {
    if statement.db_backend != DbBackend::Sqlite || !contains_limit(&statement.sql) {
        return statement;
    }
    let Some(Values(values)) = statement.values else {
        return statement;
    };
    let mut sql = String::with_capacity(statement.sql.len());
    let mut kept = Vec::with_capacity(values.len());
    let mut values = values.into_iter();
    let mut quote: Option<char> = None;
    let mut after_limit = false;
    for (at, c) in statement.sql.char_indices() {
        if let Some(open) = quote {
            if c == open {
                quote = None;
            }
            sql.push(c);
            continue;
        }
        match c {
            '\'' | '"' | '`' => {
                quote = Some(c);
                after_limit = false;
                sql.push(c);
            }
            '?' => {
                let value = values.next();
                match (after_limit, value.as_ref().and_then(integer)) {
                    (true, Some(n)) => sql.push_str(&n.to_string()),
                    _ => {
                        sql.push('?');
                        kept.extend(value);
                    }
                }
                after_limit = false;
            }
            c if c.is_whitespace() => sql.push(c),
            _ => {
                after_limit = is_limit_word(&statement.sql, at);
                sql.push(c);
            }
        }
    }
    kept.extend(values);
    Statement {
        sql,
        values: Some(Values(kept)),
        db_backend: statement.db_backend,
    }
}

fn contains_limit(sql: &str) -> bool {
    sql.as_bytes()
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"LIMIT"))
}

/// Whether the character at `at` ends the word `LIMIT` (a whole word).
fn is_limit_word(sql: &str, at: usize) -> bool {
    let end = at + 1;
    let Some(start) = end.checked_sub(5) else {
        return false;
    };
    let word = sql.as_bytes();
    let before_is_word = start > 0
        && word
            .get(start - 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    !before_is_word
        && word
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
