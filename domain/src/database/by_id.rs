//! One row by its primary key: the read that every request about one row
//! (an assessment, a finding, a supplier…) starts with (issue #23).
//!
//! On SQLite in a file it runs on the calling thread (`in_thread`): a
//! primary-key lookup reads a bounded, small amount, which is what that module
//! is for, and spares the hand-off to a pool connection's thread. Elsewhere,
//! and for a transaction, it is sea-orm's own `find_by_id(…).one(…)`: the same
//! statement, decoded the same way.

use std::{any::TypeId, cell::RefCell, collections::HashMap, rc::Rc};

use sea_orm::{
    ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult as _, IdenStatic as _, JoinType,
    PrimaryKeyTrait, QuerySelect as _, QueryTrait as _, SelectTwo, SelectTwoModel, SelectorTrait as _,
    Statement, Value,
};
use uuid::Uuid;

use super::{
    InThreadReads, in_thread_reads_of,
    limit_inline::inline_limits,
    sqlite_rows::{Row, fit_to, query_results},
};
use crate::entities::supplier;

/// Row `id` of entity `E`, if there is one.
pub(crate) async fn row_by_id<E, C>(db: &C, id: Uuid) -> Result<Option<E::Model>, DbErr>
where
    E: EntityTrait + 'static,
    C: ConnectionTrait + 'static,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    if let Some(reads) = in_thread_reads_of(db)
        && let Some(rows) = sqlite_rows_by_id::<E>(reads, Shape::Row, id, |id| {
            E::find_by_id(id).limit(1).build(DbBackend::Sqlite)
        })?
    {
        let Some(row) = rows.into_iter().next() else {
            return Ok(None);
        };
        let found = query_results(vec![fit_to::<E>(row, "")?]).await?;
        return found
            .first()
            .map(|row| E::Model::from_query_result(row, ""))
            .transpose();
    }
    E::find_by_id(id).one(db).await
}

/// Row `id` of entity `E` and the supplier its column `supplier_key` names (if
/// that supplier exists), in one statement: a request about one row (saving an
/// assessment's answers, confirming a finding) needs both before anything
/// else, and one statement is one read transaction on SQLite and one round
/// trip on PostgreSQL, where two were.
pub(crate) async fn row_and_supplier<E, C>(
    db: &C,
    id: Uuid,
    supplier_key: E::Column,
) -> Result<Option<(E::Model, Option<supplier::Model>)>, DbErr>
where
    E: EntityTrait + 'static,
    C: ConnectionTrait + 'static,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    let select = |id: Uuid| with_supplier::<E>(id, supplier_key);
    if let Some(reads) = in_thread_reads_of(db)
        && let Some(rows) =
            sqlite_rows_by_id::<E>(reads, Shape::WithSupplier(supplier_key.as_str()), id, |id| {
                // What `one` runs: the select with `LIMIT 1`.
                select(id).limit(1).build(DbBackend::Sqlite)
            })?
    {
        let Some(row) = rows.into_iter().next() else {
            return Ok(None);
        };
        // sea-orm names the two entities' columns `A_…` and `B_…`.
        let row = fit_to::<supplier::Entity>(fit_to::<E>(row, "A_")?, "B_")?;
        let found = query_results(vec![row]).await?;
        return found
            .into_iter()
            .next()
            .map(SelectTwoModel::<E::Model, supplier::Model>::from_raw_query_result)
            .transpose();
    }
    select(id).one(db).await
}

/// Row `id` of `E` with the supplier its column `supplier_key` names, `LEFT
/// JOIN`ed: sea-orm names the two entities' columns `A_…` and `B_…`.
fn with_supplier<E: EntityTrait>(id: Uuid, supplier_key: E::Column) -> SelectTwo<E, supplier::Entity>
where
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    let owner = E::belongs_to(supplier::Entity)
        .from(supplier_key)
        .to(supplier::Column::Id)
        .into();
    E::find_by_id(id)
        .select_also(supplier::Entity)
        .join(JoinType::LeftJoin, owner)
}

/// A scalar expression read in the same statement as a row and its supplier
/// ([`row_supplier_and`]): a request's caller rides with the row it asks for
/// (`access::claim`), so the two are one read transaction on SQLite and one
/// round trip on PostgreSQL.
pub(crate) struct Beside {
    /// Names the expression among the kept texts: its SQL for a backend must
    /// depend on nothing else.
    pub name: &'static str,
    /// Its SQL on `backend`, with its PostgreSQL placeholders numbered after the
    /// `bound` values the row's statement already has.
    pub sql: fn(DbBackend, usize) -> String,
    /// Its values, in the order its placeholders are written.
    pub values: Vec<Value>,
}

/// The column [`Beside`]'s value is read as.
const BESIDE: &str = "beside";

/// [`row_and_supplier`], with `beside`'s value (text, or NULL) read in the same
/// statement; `None` when there is no row `id` (and so nothing beside it).
pub(crate) async fn row_supplier_and<E, C>(
    db: &C,
    id: Uuid,
    supplier_key: E::Column,
    beside: &Beside,
) -> Result<Option<(E::Model, Option<supplier::Model>, Option<String>)>, DbErr>
where
    E: EntityTrait + 'static,
    C: ConnectionTrait + 'static,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    let select = |id: Uuid| with_supplier::<E>(id, supplier_key).limit(1);
    if let Some(reads) = in_thread_reads_of(db) {
        let shape = Shape::WithSupplierAnd(supplier_key.as_str(), beside.name);
        // SQLite binds in order of appearance: the expression's values come first.
        let mut values = beside.values.clone();
        values.push(Value::from(id));
        let text = || {
            let row = sqlite_text(&|id| select(id).build(DbBackend::Sqlite))?;
            with_beside(&row, &(beside.sql)(DbBackend::Sqlite, 0)).map(Rc::from)
        };
        if let Some(rows) = sqlite_rows_of::<E>(reads, shape, text, &values)? {
            let Some(mut row) = rows.into_iter().next() else {
                return Ok(None);
            };
            let beside = match row.remove(BESIDE) {
                Some(Value::String(text)) => text,
                other => return Err(DbErr::Type(format!("{BESIDE} is not text: {other:?}"))),
            };
            let row = fit_to::<supplier::Entity>(fit_to::<E>(row, "A_")?, "B_")?;
            let found = query_results(vec![row]).await?;
            return found
                .into_iter()
                .next()
                .map(|row| {
                    SelectTwoModel::<E::Model, supplier::Model>::from_raw_query_result(row)
                        .map(|(row, supplier)| (row, supplier, beside))
                })
                .transpose();
        }
    }
    let backend = db.get_database_backend();
    let built = select(id).build(backend);
    let bound = built.values.as_ref().map_or(0, |values| values.0.len());
    let sql = with_beside(&built.sql, &(beside.sql)(backend, bound))
        .ok_or_else(|| DbErr::Custom(format!("not a select: {}", built.sql)))?;
    let row_values = built.values.map(|values| values.0).unwrap_or_default();
    // PostgreSQL numbers its placeholders (the expression's come after the
    // row's); SQLite binds in order of appearance (the expression's first).
    let values = if backend == DbBackend::Postgres {
        row_values
            .into_iter()
            .chain(beside.values.clone())
            .collect::<Vec<_>>()
    } else {
        beside.values.iter().cloned().chain(row_values).collect()
    };
    let Some(row) = db
        .query_one_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?
    else {
        return Ok(None);
    };
    let beside: Option<String> = row.try_get("", BESIDE)?;
    let (row, supplier) = SelectTwoModel::<E::Model, supplier::Model>::from_raw_query_result(row)?;
    Ok(Some((row, supplier, beside)))
}

/// `select` (a `SELECT …` text) with `expression` as its first column, named
/// [`BESIDE`]; `None` when it is not a select.
fn with_beside(select: &str, expression: &str) -> Option<String> {
    let columns = select.strip_prefix("SELECT ")?;
    Some(format!("SELECT {expression} AS {BESIDE}, {columns}"))
}

/// What a by-id read selects besides the row.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    /// The row alone.
    Row,
    /// The row and the supplier its named column points at.
    WithSupplier(&'static str),
    /// The row, its supplier and the named [`Beside`] expression.
    WithSupplierAnd(&'static str, &'static str),
}

/// Each by-id read's SQLite text (`None`: it cannot be kept, see [`sqlite_text`]).
type Texts = HashMap<(TypeId, Shape), Option<Rc<str>>>;

thread_local! {
    /// The SQLite text of each by-id read, by entity and shape, with its
    /// `LIMIT 1` written in: only the id differs between runs, and building
    /// the text (sea-query) and writing the limit in took as long as SQLite's
    /// own lookup (issue #23). Per thread, as the in-thread connections are.
    static SQLITE_TEXT: RefCell<Texts> = RefCell::new(HashMap::new());
}

/// The rows of `select(id)` (a by-id select with `LIMIT 1`) on this thread's
/// connection, from its text built once; `None` when the in-thread reads do
/// not take it (the caller takes the pool).
fn sqlite_rows_by_id<E: 'static>(
    reads: &InThreadReads,
    shape: Shape,
    id: Uuid,
    select: impl Fn(Uuid) -> Statement,
) -> Result<Option<Vec<Row>>, DbErr> {
    match kept_text::<E>(shape, || sqlite_text(&select)) {
        Some(sql) => reads.rows_of(&sql, &[Value::from(id)]),
        None => reads.rows(&inline_limits(select(id))),
    }
}

/// The rows of the kept text of `shape` (built by `text` at its first use)
/// with `values` bound; `None` when there is no such text or the in-thread
/// reads do not take it (the caller takes the pool).
fn sqlite_rows_of<E: 'static>(
    reads: &InThreadReads,
    shape: Shape,
    text: impl FnOnce() -> Option<Rc<str>>,
    values: &[Value],
) -> Result<Option<Vec<Row>>, DbErr> {
    match kept_text::<E>(shape, text) {
        Some(sql) => reads.rows_of(&sql, values),
        None => Ok(None),
    }
}

/// This thread's text of `E`'s by-id read of `shape`, built by `text` at its
/// first use.
fn kept_text<E: 'static>(shape: Shape, text: impl FnOnce() -> Option<Rc<str>>) -> Option<Rc<str>> {
    SQLITE_TEXT.with_borrow_mut(|built| {
        built
            .entry((TypeId::of::<E>(), shape))
            .or_insert_with(text)
            .clone()
    })
}

/// `select`'s text with its limit written in, when the id is then its only bound value
/// (as sea-query builds a by-id select); otherwise `None`, and the statement is
/// built on each run.
fn sqlite_text(select: &impl Fn(Uuid) -> Statement) -> Option<Rc<str>> {
    let probe = Uuid::nil();
    let built = inline_limits(select(probe));
    (built.values.as_ref().map(|values| values.0.as_slice()) == Some(&[Value::from(probe)][..]))
        .then(|| Rc::from(built.sql))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};
    use uuid::Uuid;

    use super::{row_and_supplier, row_by_id};
    use crate::{
        database::{
            Database,
            test_file::{self, TestFile},
        },
        entities::{organization, supplier},
    };

    /// On SQLite a row by id is read on the calling thread (the read pool is
    /// closed and it is still read), decoded as the pool decodes it: text,
    /// NULLs, a real, times. A missing id is `None`; without the in-thread
    /// reads the same call takes the closed pool.
    #[tokio::test]
    async fn a_row_by_id_is_read_on_the_calling_thread_as_the_pool_reads_it() {
        let (file, writes) = TestFile::migrated("by-id").await;
        let now = chrono::Utc::now();
        let (company, maker) = (Uuid::now_v7(), Uuid::now_v7());
        for (id, kind, parent) in [(company, "company", None), (maker, "supplier", Some(company))] {
            organization::ActiveModel {
                id: Set(id),
                kind: Set(kind.into()),
                name: Set(format!("{kind} «ñ»")),
                company_id: Set(parent),
                locale: Set("es".into()),
                created_at: Set(now),
            }
            .insert(&writes)
            .await
            .unwrap();
        }
        let written = supplier::ActiveModel {
            id: Set(maker),
            company_id: Set(company),
            name: Set("Fábrica Ñandú".into()),
            country: Set("MX".into()),
            sector: Set("apparel".into()),
            contact_email: Set("rh@example.com".into()),
            contact_name: Set(None),
            risk_score: Set(Some(61.25)),
            risk_band: Set(Some("high".into())),
            archived_at: Set(None),
            created_at: Set(now),
        }
        .insert(&writes)
        .await
        .unwrap();
        let reads = sea_orm::Database::connect(&file.url).await.unwrap();
        let pooled_read = supplier::Entity::find_by_id(maker)
            .one(&reads)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pooled_read, written);

        let in_thread =
            Database::split(reads.clone(), writes.clone()).with_in_thread_reads(file.path.clone());
        let pooled = Database::split(reads.clone(), writes.clone());
        reads.close().await.unwrap();
        let found = row_by_id::<supplier::Entity, _>(&in_thread, maker).await.unwrap();
        assert_eq!(found, Some(pooled_read));
        assert_eq!(
            row_by_id::<supplier::Entity, _>(&in_thread, Uuid::now_v7())
                .await
                .unwrap(),
            None
        );
        assert!(
            row_by_id::<supplier::Entity, _>(&pooled, maker).await.is_err(),
            "without the in-thread reads the read takes the (closed) pool"
        );
        drop((in_thread, pooled));
        writes.close().await.unwrap();
    }

    /// An assessment and its supplier in one statement, on the calling thread
    /// (the read pool is closed and they are still read) and through sea-orm on
    /// the pool: both read the same pair, integers, JSON and NULLs alike. A
    /// missing id is `None`.
    #[tokio::test]
    async fn a_row_and_its_supplier_are_read_in_one_statement_as_the_pool_reads_them() {
        use sea_orm::{ConnectionTrait as _, DbBackend, Statement, Value};

        use crate::{entities::assessment, questionnaire::store};

        let (file, writes) = TestFile::migrated("row-and-supplier").await;
        store::ensure_builtins(&writes).await.unwrap();
        let (company, maker) = test_file::company_and_supplier(&writes).await;
        let assessment_id = test_file::assessment_of(&writes, company, maker, "scored").await;
        writes
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Sqlite,
                "UPDATE assessments SET score = 42.5, score_breakdown = '{\"fees\":[1,2]}' WHERE id = ?",
                [Value::from(assessment_id)],
            ))
            .await
            .unwrap();
        let reads = sea_orm::Database::connect(&file.url).await.unwrap();
        let pooled = Database::split(reads.clone(), writes.clone());
        let from_pool =
            row_and_supplier::<assessment::Entity, _>(&pooled, assessment_id, assessment::Column::SupplierId)
                .await
                .unwrap()
                .unwrap();
        assert_eq!(from_pool.0.id, assessment_id);
        assert_eq!(
            from_pool.0.score_breakdown,
            Some(serde_json::json!({"fees": [1, 2]}))
        );
        assert_eq!(
            from_pool.1.as_ref().map(|s| (s.id, s.risk_score)),
            Some((maker, Some(61.25)))
        );

        let in_thread =
            Database::split(reads.clone(), writes.clone()).with_in_thread_reads(file.path.clone());
        reads.close().await.unwrap();
        let found = row_and_supplier::<assessment::Entity, _>(
            &in_thread,
            assessment_id,
            assessment::Column::SupplierId,
        )
        .await
        .unwrap();
        assert_eq!(found, Some(from_pool));
        let missing = row_and_supplier::<assessment::Entity, _>(
            &in_thread,
            Uuid::now_v7(),
            assessment::Column::SupplierId,
        )
        .await
        .unwrap();
        assert_eq!(missing, None);
        // The text was built once on this thread; a later id reads its own row.
        let cached = super::SQLITE_TEXT.with_borrow(|built| {
            built
                .get(&(
                    std::any::TypeId::of::<assessment::Entity>(),
                    super::Shape::WithSupplier("supplier_id"),
                ))
                .cloned()
                .flatten()
        });
        assert!(cached.is_some_and(|sql| sql.ends_with("LIMIT 1")));
        let again = row_and_supplier::<assessment::Entity, _>(
            &in_thread,
            assessment_id,
            assessment::Column::SupplierId,
        )
        .await
        .unwrap();
        assert_eq!(again, found);
        drop((in_thread, pooled));
        writes.close().await.unwrap();
    }
}
