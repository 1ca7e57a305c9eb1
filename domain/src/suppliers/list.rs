use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    sea_query::{Expr, ExprTrait, Func},
};
use uuid::Uuid;

use crate::{
    entities::supplier,
    error::DomainError,
    list_totals::Counted,
    listing::{KeysetPage, Start},
    values::{Lines, SearchText, refuse_control_characters},
};

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct SupplierFilter {
    /// Only this band.
    pub risk_band: Option<String>,
    /// Only this country.
    pub country: Option<String>,
    /// Only this sector.
    pub sector: Option<String>,
    /// Name contains (case-insensitive).
    pub q: Option<String>,
    /// Include archived suppliers.
    pub include_archived: bool,
}

/// One page of a company's suppliers (by name, then id) and the total.
///
/// Why it is fast at 10,000 suppliers (issue #23; migration `000030`): every
/// filter has an index that starts with `(company_id, <filter>)` and goes on with
/// the sort `(name, id)` and `archived_at`, so
/// - the page is read in index order, no sort: after a cursor it starts with a
///   seek to the cursor's `(name, id)` (a deep page costs what the first costs),
///   and only the `per_page + 1` rows served are read from the table;
/// - the `total` of the unfiltered list (with or without the archived) is the
///   one kept in `list_totals` by every create and archive, in their
///   transaction (migration `000054`): one primary-key read. Counting the
///   company's index entries on every request was most of the request's work at
///   10,000 suppliers (see BENCHMARKS.md, "List profile"). A filtered list's
///   `total` is still a `COUNT` answered from its index alone (SQLite `USING
///   COVERING INDEX`, PostgreSQL `Index Only Scan`): exact for every filter,
///   over the smaller range the filter leaves.
///
/// The rows themselves are not read index-only: the answer has every column,
/// and an index holding all of them would be a second copy of the table to
/// write on every save. Reading the ids index-only and then the rows by key
/// (`id IN (subquery)`) was tried: SQLite runs it as intended, but PostgreSQL
/// answers it with a hash join over a sequential scan of the table.
///
/// The substring search `q` cannot seek (a `LIKE '%…%'`), but it reads names from
/// the index, and only matching rows from the table.
pub async fn list_suppliers<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    filter: &SupplierFilter,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<supplier::Model>, DomainError> {
    let queries = list_queries(company_id, filter, start, per_page)?;
    queries
        .read(db, start, per_page, |s| (s.name.clone(), s.id))
        .await
}

/// The two statements of [`list_suppliers`], public so that the plan tests
/// (`EXPLAIN` on both databases) check exactly what the list runs.
pub type SupplierListQueries = crate::listing::ListQueries<supplier::Entity>;

/// Builds [`SupplierListQueries`]; refuses a bad `q` or `sector`.
pub fn list_queries(
    company_id: Uuid,
    filter: &SupplierFilter,
    start: &Start,
    per_page: u64,
) -> Result<SupplierListQueries, DomainError> {
    let query = filtered(company_id, filter)?;
    // `COUNT(id)` over the filtered select itself, not over a subquery of every
    // column (as `PaginatorTrait::count` writes it), so that the planner sees
    // that no column outside the index is needed.
    let count = query
        .clone()
        .select_only()
        .column_as(Expr::col(supplier::Column::Id).count(), "n");
    let mut page = query
        .order_by_asc(supplier::Column::Name)
        .order_by_asc(supplier::Column::Id)
        .limit(per_page.saturating_add(1));
    match start {
        Start::After(cursor) => {
            // A row value: both databases seek the index to `(name, id)` with it.
            page = page.filter(
                Expr::tuple([
                    Expr::col((supplier::Entity, supplier::Column::Name)),
                    Expr::col((supplier::Entity, supplier::Column::Id)),
                ])
                .gt(Expr::tuple([
                    Expr::val(cursor.key.as_str()),
                    Expr::val(cursor.id),
                ])),
            );
        }
        Start::Page(_) => {
            let offset = start.offset(per_page);
            if offset > 0 {
                page = page.offset(offset);
            }
        }
    }
    let queries = SupplierListQueries {
        count: crate::listing::Total::Counted(count),
        page,
    };
    Ok(match kept_total(filter) {
        Some(list) => queries.with_kept_total(company_id, list),
        None => queries,
    })
}

/// The kept total that answers `filter`'s list: only the unfiltered list (with
/// or without the archived) has one; a filtered list is counted.
fn kept_total(filter: &SupplierFilter) -> Option<Counted> {
    let unfiltered = filter.risk_band.is_none()
        && filter.country.is_none()
        && filter.sector.is_none()
        && filter.q.is_none();
    match (unfiltered, filter.include_archived) {
        (false, _) => None,
        (true, false) => Some(Counted::Suppliers),
        (true, true) => Some(Counted::SuppliersAll),
    }
}

/// The company's suppliers matching `filter`, not yet ordered or cut.
fn filtered(company_id: Uuid, filter: &SupplierFilter) -> Result<Select<supplier::Entity>, DomainError> {
    // Search terms are text like any other: parsed here, whichever door they came
    // through (a NUL would fail the query on PostgreSQL).
    let q = match filter.q.as_deref() {
        Some(raw) => SearchText::parse(raw).map_err(|m| DomainError::invalid("q", m))?,
        None => None,
    };
    if let Some(sector) = &filter.sector {
        refuse_control_characters(sector, Lines::One).map_err(|m| DomainError::invalid("sector", m))?;
    }
    let mut query = supplier::Entity::find().filter(supplier::Column::CompanyId.eq(company_id));
    if let Some(band) = &filter.risk_band {
        query = query.filter(supplier::Column::RiskBand.eq(band.as_str()));
    }
    if let Some(country) = &filter.country {
        query = query.filter(supplier::Column::Country.eq(country.as_str()));
    }
    if let Some(sector) = &filter.sector {
        query = query.filter(supplier::Column::Sector.eq(sector.as_str()));
    }
    if let Some(q) = q {
        let escaped = q
            .as_str()
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        query = query.filter(
            Expr::expr(Func::lower(Expr::col(supplier::Column::Name)))
                .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
        );
    }
    if !filter.include_archived {
        query = query.filter(supplier::Column::ArchivedAt.is_null());
    }
    Ok(query)
}
