//! Which rows of a list a door asks for: the API pages, the portal shows the
//! newest few or all.

use sea_orm::QuerySelect;

pub(crate) mod json_page;

/// Skip `offset` rows, then return at most `limit` (`None`: all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Window {
    /// Rows skipped.
    pub offset: u64,
    /// Rows returned at most.
    pub limit: Option<u64>,
}

impl Window {
    /// The first `limit` rows.
    pub fn first(limit: u64) -> Self {
        Self {
            offset: 0,
            limit: Some(limit),
        }
    }

    /// `limit` rows after `offset`.
    pub fn page(offset: u64, limit: u64) -> Self {
        Self {
            offset,
            limit: Some(limit),
        }
    }

    /// `query` cut to this window. SQLite refuses an `OFFSET` without a `LIMIT`,
    /// so "all rows" adds no clause at all, and "all after `offset`" the largest
    /// limit both databases take.
    pub fn apply<Q: QuerySelect>(self, query: Q) -> Q {
        match (self.offset, self.limit) {
            (0, None) => query,
            (offset, None) => query.offset(offset).limit(i64::MAX as u64),
            (offset, Some(limit)) => query.offset(offset).limit(limit),
        }
    }
}

/// `.within(window)` on any select, for reading chains in order.
pub trait Windowed: QuerySelect + Sized {
    /// This query cut to `window` (see [`Window::apply`]).
    fn within(self, window: Window) -> Self {
        window.apply(self)
    }
}

impl<Q: QuerySelect> Windowed for Q {}

/// Where a page of a keyset-paged list starts: a page number (`?page=`, the
/// database skips the rows before it) or a cursor (`?cursor=`, the database seeks
/// straight to it in the list's index).
#[derive(Debug, Clone)]
pub enum Start {
    /// The 1-based page number.
    Page(u64),
    /// Right after the row a cursor names.
    After(crate::values::Cursor),
}

impl Start {
    /// The number of the page this start gives.
    pub fn page(&self) -> u64 {
        match self {
            Self::Page(page) => *page,
            Self::After(cursor) => cursor.page,
        }
    }

    /// Rows to skip before the page (none after a cursor: the seek does it).
    pub fn offset(&self, per_page: u64) -> u64 {
        match self {
            Self::Page(page) => page.saturating_sub(1).saturating_mul(per_page),
            Self::After(_) => 0,
        }
    }
}

/// One page of a keyset-paged list.
#[derive(Debug, Clone)]
pub struct KeysetPage<T> {
    /// The rows of the page, in the list's order.
    pub items: Vec<T>,
    /// How many rows the whole list has (with the same filters).
    pub total: u64,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<crate::values::Cursor>,
}

impl<T> KeysetPage<T> {
    /// No row, no total, no next page: what a read the gate kept out gives.
    pub fn empty() -> Self {
        Self {
            items: Vec::new(),
            total: 0,
            next: None,
        }
    }

    /// `rows` read with a limit of `per_page + 1`: the extra row, if any, only
    /// says that a next page exists, and the cursor is made from the last row kept.
    pub fn from_rows(
        mut rows: Vec<T>,
        total: u64,
        start: &Start,
        per_page: u64,
        key_of: impl Fn(&T) -> (String, uuid::Uuid),
    ) -> Self {
        let more = rows.len() as u64 > per_page;
        rows.truncate(per_page as usize);
        let next = if more {
            rows.last().map(|last| {
                let (key, id) = key_of(last);
                crate::values::Cursor {
                    page: start.page().saturating_add(1),
                    key,
                    id,
                }
            })
        } else {
            None
        };
        Self {
            items: rows,
            total,
            next,
        }
    }
}

/// Where a list's `total` comes from: a `COUNT` of the filtered list (from
/// its covering index), or the total kept for the unfiltered list
/// ([`crate::list_totals`]).
pub enum Total<E: sea_orm::EntityTrait> {
    /// `SELECT COUNT(id)` of the filtered list (one `i64` column).
    Counted(sea_orm::Select<E>),
    /// The kept total (one row of one `i64` column).
    Kept(sea_orm::sea_query::SelectStatement),
}

impl<E: sea_orm::EntityTrait> Total<E> {
    /// The statement, for the plan tests.
    pub fn build(&self, backend: sea_orm::DatabaseBackend) -> sea_orm::Statement {
        use sea_orm::QueryTrait;
        match self {
            Self::Counted(count) => count.build(backend),
            Self::Kept(kept) => backend.build(kept),
        }
    }

    /// The total a page carried (a kept total read with the page), or else this
    /// statement's answer: a filtered list's count, or the kept total read alone
    /// when the page is empty (past the end).
    pub async fn or_read<C: sea_orm::ConnectionTrait>(
        self,
        db: &C,
        carried: Option<i64>,
    ) -> Result<u64, crate::error::DomainError> {
        match carried {
            Some(total) => Ok(u64::try_from(total).unwrap_or(0)),
            None => self.read(db).await,
        }
    }

    /// Runs it.
    pub async fn read<C: sea_orm::ConnectionTrait>(self, db: &C) -> Result<u64, crate::error::DomainError> {
        let total = match self {
            Self::Counted(count) => count.into_tuple::<i64>().one(db).await?,
            Self::Kept(kept) => {
                let backend = db.get_database_backend();
                match db.query_one_raw(backend.build(&kept)).await? {
                    Some(row) => Some(row.try_get_by_index::<i64>(0)?),
                    None => None,
                }
            }
        };
        Ok(u64::try_from(total.unwrap_or(0)).unwrap_or(0))
    }
}

/// The column of a page that carries the list's kept total.
const KEPT_TOTAL: &str = "list_total";

/// The two statements of a keyset-paged list, public so that the plan tests check
/// what the list runs.
pub struct ListQueries<E: sea_orm::EntityTrait> {
    /// The `total` of the list.
    pub count: Total<E>,
    /// The page: `per_page + 1` rows (the extra one says a next page exists).
    pub page: sea_orm::Select<E>,
}

impl<E: sea_orm::EntityTrait> ListQueries<E> {
    /// The statements of a list of `query`'s rows newest first by `(created_at,
    /// id)`: the count over the filtered select alone (for an index-only count),
    /// and the page of `per_page + 1` rows in index order, after a seek to the
    /// cursor's `(created_at, id)` or after the page number's offset. Refuses a
    /// cursor whose key is not a time.
    pub fn newest_first(
        query: sea_orm::Select<E>,
        created_at: E::Column,
        id: E::Column,
        start: &Start,
        per_page: u64,
    ) -> Result<Self, crate::error::DomainError> {
        use sea_orm::{
            QueryFilter, QueryOrder,
            sea_query::{Expr, ExprTrait},
        };
        let count = query.clone().select_only().column_as(Expr::col(id).count(), "n");
        let mut page = query
            .order_by_desc(created_at)
            .order_by_desc(id)
            .limit(per_page.saturating_add(1));
        match start {
            Start::After(cursor) => {
                let at = parse_time_key(&cursor.key)?;
                page = page.filter(after_row(
                    Expr::col((E::default(), created_at)),
                    Expr::col((E::default(), id)),
                    at.into(),
                    cursor.id,
                    true,
                ));
            }
            Start::Page(_) => {
                let offset = start.offset(per_page);
                if offset > 0 {
                    page = page.offset(offset);
                }
            }
        }
        Ok(Self {
            count: Total::Counted(count),
            page,
        })
    }

    /// The same list, its total read from the one kept for `list` of company
    /// `company_id` instead of counted: for the unfiltered list only. The page
    /// carries the total as a column (a scalar subquery, read once), so both
    /// come in one statement and from one snapshot; [`Self::read`] reads the
    /// kept total alone only when the page has no row.
    pub fn with_kept_total(self, company_id: uuid::Uuid, list: crate::list_totals::Counted) -> Self {
        use sea_orm::sea_query::{Expr, SubQueryStatement};
        let kept = crate::list_totals::kept(company_id, list);
        let total = Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(kept.clone())));
        Self {
            count: Total::Kept(kept),
            page: self.page.expr_as(total, KEPT_TOTAL),
        }
    }

    /// Runs both: the page, then the `total` unless the page carried it; the
    /// page is cut to `per_page`, with the cursor of the next page made by
    /// `key_of` from the last row served.
    pub async fn read<C: sea_orm::ConnectionTrait>(
        self,
        db: &C,
        start: &Start,
        per_page: u64,
        key_of: impl Fn(&E::Model) -> (String, uuid::Uuid),
    ) -> Result<KeysetPage<E::Model>, crate::error::DomainError> {
        use sea_orm::FromQueryResult;
        let page = page_statement(&self.page, db.get_database_backend());
        let found = db.query_all_raw(page).await?;
        // A page of a list with a kept total carries it in every row.
        let carried = match (&self.count, found.first()) {
            (Total::Kept(_), Some(first)) => first.try_get::<Option<i64>>("", KEPT_TOTAL)?,
            _ => None,
        };
        let total = self.count.or_read(db, carried).await?;
        let rows = found
            .iter()
            .map(|row| E::Model::from_query_result(row, ""))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(KeysetPage::from_rows(rows, total, start, per_page, key_of))
    }
}

/// A list's page statement as the list runs it. On SQLite the `LIMIT` is
/// written into the SQL instead of bound: SQLite reads a bound `LIMIT` while
/// planning (to size the sorter) and marks the statement to be prepared again
/// whenever that parameter is bound, which sqlx does on every execution, so
/// every page was parsed and planned anew (6.6% of the list's CPU in the
/// profile of issue #23). The limit is `per_page + 1`, a handful of values, so
/// the statement cache keeps one statement per page size. PostgreSQL keeps it
/// bound (its plans do not depend on it that way).
pub fn page_statement<E: sea_orm::EntityTrait>(
    page: &sea_orm::Select<E>,
    backend: sea_orm::DatabaseBackend,
) -> sea_orm::Statement {
    use sea_orm::QueryTrait;
    let statement = page.build(backend);
    if backend == sea_orm::DatabaseBackend::Sqlite {
        limit_written_in(statement)
    } else {
        statement
    }
}

/// `statement` with its last `LIMIT ?` replaced by the bound number; unchanged
/// when there is none, or when the placeholders and values do not line up (then
/// binding it stays correct, only slower).
fn limit_written_in(statement: sea_orm::Statement) -> sea_orm::Statement {
    const BOUND: &str = " LIMIT ?";
    let Some(at) = statement.sql.rfind(BOUND) else {
        return statement;
    };
    let Some(values) = &statement.values else {
        return statement;
    };
    if statement.sql.matches('?').count() != values.0.len() {
        return statement;
    }
    // sea-query writes a `?` per value, in order: the limit is the value at the
    // position of its placeholder.
    let index = statement.sql[..at].matches('?').count();
    let limit = match values.0.get(index) {
        Some(sea_orm::Value::BigUnsigned(Some(n))) => *n,
        Some(sea_orm::Value::Unsigned(Some(n))) => u64::from(*n),
        _ => return statement,
    };
    let mut values = values.0.clone();
    values.remove(index);
    let mut sql = statement.sql.clone();
    sql.replace_range(at..at + BOUND.len(), &format!(" LIMIT {limit}"));
    sea_orm::Statement {
        sql,
        values: Some(sea_orm::sea_query::Values(values)),
        db_backend: statement.db_backend,
    }
}

/// The condition "after the cursor's row" for a list sorted by `(key, id)`,
/// ascending or descending: a row value, which both databases answer with a
/// seek in an index ending in `(key, id)`.
pub fn after_row(
    key: sea_orm::sea_query::Expr,
    id: sea_orm::sea_query::Expr,
    cursor_key: sea_orm::Value,
    cursor_id: uuid::Uuid,
    descending: bool,
) -> sea_orm::sea_query::Expr {
    use sea_orm::sea_query::{Expr, ExprTrait};
    let row = Expr::tuple([key, id]);
    let at = Expr::tuple([Expr::val(cursor_key), Expr::val(cursor_id)]);
    if descending { row.lt(at) } else { row.gt(at) }
}

/// The sort key of a list ordered by time, as a cursor carries it: RFC 3339
/// with every digit the database keeps, so that the seek starts exactly after
/// the last row served.
pub fn time_key(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// Reads back a [`time_key`]; anything else is a bad `cursor`.
pub fn parse_time_key(key: &str) -> Result<chrono::DateTime<chrono::Utc>, crate::error::DomainError> {
    chrono::DateTime::parse_from_rfc3339(key)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| crate::error::DomainError::invalid("cursor", "is not a cursor this list gave out"))
}
