//! Rows read on SQLite's own connections (`in_thread`, `in_thread_writes`),
//! made into sea-orm's rows so that the domain decodes them as it decodes
//! sqlx's (issue #23).
//!
//! Each column is read by the type its table declares, as sea-orm's schema
//! writes each entity's column type on SQLite (`uuid_text` 16-byte blobs,
//! `timestamp_with_timezone_text` read as sqlx reads times, `json_text`,
//! `boolean` as 0/1, `double`, `date_text`). sea-orm converts a value only from
//! its own kind (a NULL too), so a value of another kind is an error naming the
//! column, never a guess. An `integer` column reads as an `i64`; where the
//! entity is known, [`Row`]s are fitted to it ([`fit_to`]).

use std::{borrow::Cow, collections::BTreeMap};

use rusqlite::types::{Value as Bound, ValueRef};
use sea_orm::{
    ColumnTrait as _, ColumnType, ConnectionTrait as _, DbBackend, DbErr, EntityTrait, ExecResult,
    IdenStatic as _, Iterable as _, MockDatabase, MockExecResult, QueryResult, Statement, Value,
};

use super::in_thread::failed;
use crate::listing::json_page::stored_time;

/// Every row of `sql` with `values` bound, on `connection`, each column read by
/// its declared type.
pub(super) fn read_rows(
    connection: &rusqlite::Connection,
    sql: &str,
    values: Vec<Bound>,
) -> Result<Vec<Row>, DbErr> {
    let mut prepared = connection.prepare_cached(sql).map_err(failed)?;
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
        let mut values = Row::new();
        for (index, (name, declared)) in columns.iter().enumerate() {
            let raw = row.get_ref(index).map_err(failed)?;
            values.insert(name.clone(), declared.value(name, raw)?);
        }
        found.push(values);
    }
    Ok(found)
}

/// One row: its columns by name.
pub(super) type Row = BTreeMap<String, Value>;

// sea-orm 2.0.4 makes its row and result types from values only in its proxy
// feature (which does not build beside `sqlx-sqlite` in that version) and in
// its mock database. The mock database is used here as that constructor and
// nothing else: it hands back, at once, the rows or the result it is given.

/// `rows` as sea-orm's rows.
pub(super) async fn query_results(rows: Vec<Row>) -> Result<Vec<QueryResult>, DbErr> {
    MockDatabase::new(DbBackend::Sqlite)
        .append_query_results([rows])
        .into_connection()
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, ""))
        .await
}

/// `done` as sea-orm's result of a statement.
pub(super) async fn exec_result(done: MockExecResult) -> Result<ExecResult, DbErr> {
    MockDatabase::new(DbBackend::Sqlite)
        .append_exec_results([done])
        .into_connection()
        .execute_raw(Statement::from_string(DbBackend::Sqlite, ""))
        .await
}

/// How a column is read, by the type its table declares (as sea-orm's schema
/// writes each entity's column type on SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Declared {
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
    pub(super) fn of(declared: Option<&str>) -> Self {
        let Some(declared) = declared else {
            return Self::Undeclared;
        };
        // Compared without a lowered copy: this runs for every column read.
        let is = |name: &str| declared.eq_ignore_ascii_case(name);
        let starts = |prefix: &str| {
            declared
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        };
        if is("uuid_text") {
            Self::Id
        } else if is("timestamp_with_timezone_text") {
            Self::Time
        } else if is("date_text") {
            Self::Date
        } else if is("json_text") {
            Self::Json
        } else if is("boolean") {
            Self::Bool
        } else if is("double") || is("real") || is("float") {
            Self::Real
        } else if is("integer") || is("bigint") {
            Self::Integer
        } else if starts("varchar") || is("text") {
            Self::Text
        } else {
            Self::Undeclared
        }
    }

    /// The column's value as sea-orm's row decoder wants it for the entity's
    /// field type (sea-orm converts a value only from its own kind, NULL too).
    pub(super) fn value(self, name: &str, raw: ValueRef<'_>) -> Result<Value, DbErr> {
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

/// `row` as entity `E` reads it: an `integer` column of an `i32` (or smaller)
/// field becomes that field's kind. A number that does not fit is an error.
/// `prefix` is what sea-orm puts before `E`'s columns in a select of two
/// entities (`A_`, `B_`), and empty otherwise.
pub(super) fn fit_to<E: EntityTrait>(mut row: Row, prefix: &str) -> Result<Row, DbErr> {
    for column in E::Column::iter() {
        let name: Cow<str> = if prefix.is_empty() {
            column.as_str().into()
        } else {
            format!("{prefix}{}", column.as_str()).into()
        };
        let Some(Value::BigInt(stored)) = row.get(name.as_ref()).cloned() else {
            continue;
        };
        let narrowed = |what: &str| DbErr::Type(format!("column {name}: {stored:?} does not fit {what}"));
        let fitted = match column.def().get_column_type() {
            ColumnType::Integer => Value::Int(
                stored
                    .map(i32::try_from)
                    .transpose()
                    .map_err(|_| narrowed("i32"))?,
            ),
            ColumnType::SmallInteger => Value::SmallInt(
                stored
                    .map(i16::try_from)
                    .transpose()
                    .map_err(|_| narrowed("i16"))?,
            ),
            ColumnType::TinyInteger => {
                Value::TinyInt(stored.map(i8::try_from).transpose().map_err(|_| narrowed("i8"))?)
            }
            _ => continue,
        };
        row.insert(name.into_owned(), fitted);
    }
    Ok(row)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::Value;
    use uuid::Uuid;

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

    /// Where the entity is known, an `integer` column of an `i32` field is an
    /// `i32`; one of an `i64` field stays as read.
    #[test]
    fn integers_are_fitted_to_the_entity() {
        use crate::entities::{evidence_file, questionnaire};
        let row = |name: &str, n: i64| super::Row::from([(name.to_string(), Value::BigInt(Some(n)))]);
        let fitted = super::fit_to::<questionnaire::Entity>(row("version", 3), "").unwrap();
        assert_eq!(fitted.get("version"), Some(&Value::Int(Some(3))));
        assert!(super::fit_to::<questionnaire::Entity>(row("version", i64::MAX), "").is_err());
        let kept = super::fit_to::<evidence_file::Entity>(row("size_bytes", i64::MAX), "").unwrap();
        assert_eq!(kept.get("size_bytes"), Some(&Value::BigInt(Some(i64::MAX))));
    }
}
