//! The `total` of a company's busiest lists, kept beside the rows (issue #23,
//! migration `000054`) rather than counted on every request.
//!
//! Why: profiled at 10,000 suppliers, the `COUNT` over the company's index
//! entries was most of the supplier list's work per request (it reads every
//! entry, so it grows with the list; SQLite ~0.7 ms of CPU). A kept total is one
//! primary-key read whatever the size.
//!
//! Exactness: every write that changes an unfiltered list adjusts its total in
//! the same transaction ([`adjust`]), so what a reader sees was committed with
//! the rows it counts. On PostgreSQL concurrent writers of one company queue on
//! its total's row until they commit (only supplier creates, archives and sent
//! assessments; SQLite has one writer anyway). Filtered lists are still counted
//! from their covering indexes: a counter per filter value would put a write on
//! every risk re-score, and a filter makes the counted range smaller.
//!
//! The audit trail is counted differently (migration `000056`): nearly every
//! write records an event, and a counter row locked by each of them could
//! deadlock on PostgreSQL against the totals above. A trigger adds a row of `+1`
//! to `list_total_changes` per event instead (an insert waits for no one); its
//! total is the kept row plus the sum of the changes, read in one statement,
//! and [`fold_changes`] (the worker, every minute) moves the changes into the
//! kept row so that the sum stays short.

use sea_orm::{
    ConnectionTrait, DatabaseBackend, EntityTrait, Statement,
    sea_query::{
        Alias, Expr, ExprTrait, Func, OnConflict, Query, QueryStatementBuilder as _, SelectStatement,
        SimpleExpr,
    },
};
use uuid::Uuid;

use crate::{database::Database, entities::list_total, error::DomainError, transaction::BeginWrite as _};

/// The lists whose total is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// A company's suppliers that are not archived (the list's default).
    Suppliers,
    /// A company's suppliers, archived ones too (`include_archived=true`).
    SuppliersAll,
    /// A company's assessments.
    Assessments,
    /// A company's audit trail (counted by changes: see the module's comment).
    AuditEvents,
}

impl Counted {
    /// Its `list_totals.list`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Suppliers => "suppliers",
            Self::SuppliersAll => "suppliers_all",
            Self::Assessments => "assessments",
            Self::AuditEvents => "audit_events",
        }
    }

    /// Whether the database counts it by rows of `list_total_changes` (the
    /// trail's trigger) rather than by [`adjust`].
    fn by_changes(self) -> bool {
        matches!(self, Self::AuditEvents)
    }
}

/// Adds `delta` to company `company_id`'s total of `list` (the row is created
/// at `delta` the first time). Call it in the transaction of the write that
/// changes the list, so that both commit or neither.
pub async fn adjust<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    list: Counted,
    delta: i64,
) -> Result<(), DomainError> {
    let row = list_total::ActiveModel {
        company_id: sea_orm::Set(company_id),
        list: sea_orm::Set(list.key().into()),
        total: sea_orm::Set(delta),
    };
    list_total::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([list_total::Column::CompanyId, list_total::Column::List])
                .value(
                    list_total::Column::Total,
                    Expr::col((list_total::Entity, list_total::Column::Total)).add(delta),
                )
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The statement that reads a kept total: one row of one `i64` column (0 when
/// the company never had a row in the list). For a list counted by changes,
/// the kept row plus the sum of the changes not yet folded, from one snapshot.
pub fn kept(company_id: Uuid, list: Counted) -> SelectStatement {
    let row = Query::select()
        .column(list_total::Column::Total)
        .from(list_total::Entity)
        .and_where(Expr::col(list_total::Column::CompanyId).eq(company_id))
        .and_where(Expr::col(list_total::Column::List).eq(list.key()))
        .take();
    let mut total = SimpleExpr::from(Func::coalesce([
        SimpleExpr::SubQuery(None, Box::new(row.into_sub_query_statement())),
        Expr::val(0_i64),
    ]));
    if list.by_changes() {
        let changes = Query::select()
            .expr(Expr::cust("CAST(SUM(change) AS BIGINT)"))
            .from(Alias::new(CHANGES))
            .and_where(Expr::col(Alias::new("company_id")).eq(company_id))
            .and_where(Expr::col(Alias::new("list")).eq(list.key()))
            .take();
        total = total.add(Func::coalesce([
            SimpleExpr::SubQuery(None, Box::new(changes.into_sub_query_statement())),
            Expr::val(0_i64),
        ]));
    }
    Query::select().expr_as(total, Alias::new("total")).take()
}

/// The table the trail's trigger writes (migration `000056`).
const CHANGES: &str = "list_total_changes";

/// Moves every change not yet folded into its list's kept row, in one write
/// transaction, and says how many changes it moved (the changes of a company
/// that no longer exists are dropped). The totals readers see do
/// not change (both halves are read together); the sum they add gets short.
/// PostgreSQL deletes and adds in one statement (what is added is exactly what
/// was deleted, however many writers add changes meanwhile); SQLite's one
/// writer keeps its two statements apart from any insert. Kept rows are
/// updated in `(company_id, list)` order, so two folding workers cannot lock
/// them in opposite orders.
pub async fn fold_changes(db: &Database) -> Result<u64, DomainError> {
    let txn = db.begin_write().await?;
    let backend = txn.get_database_backend();
    let moved = match backend {
        DatabaseBackend::Postgres => {
            let row = txn
                .query_one_raw(Statement::from_string(
                    backend,
                    format!(
                        "WITH moved AS (DELETE FROM {CHANGES} RETURNING company_id, list, change), \
                           added AS (INSERT INTO list_totals (company_id, list, total) \
                             SELECT company_id, list, SUM(change) FROM moved \
                             WHERE EXISTS (SELECT 1 FROM organizations AS o WHERE o.id = moved.company_id) \
                             GROUP BY company_id, list \
                             ORDER BY company_id, list \
                             ON CONFLICT (company_id, list) DO UPDATE SET total = list_totals.total + EXCLUDED.total) \
                         SELECT COUNT(*) AS moved FROM moved"
                    ),
                ))
                .await?;
            row.map(|r| r.try_get::<i64>("", "moved"))
                .transpose()?
                .unwrap_or(0)
        }
        _ => {
            let row = txn
                .query_one_raw(Statement::from_string(
                    backend,
                    format!("SELECT COUNT(*) AS moved FROM {CHANGES}"),
                ))
                .await?;
            let moved = row
                .map(|r| r.try_get::<i64>("", "moved"))
                .transpose()?
                .unwrap_or(0);
            if moved > 0 {
                txn.execute_unprepared(&format!(
                    "INSERT INTO list_totals (company_id, list, total) \
                     SELECT company_id, list, SUM(change) FROM {CHANGES} AS c \
                     WHERE EXISTS (SELECT 1 FROM organizations AS o WHERE o.id = c.company_id) \
                     GROUP BY company_id, list ORDER BY company_id, list \
                     ON CONFLICT (company_id, list) DO UPDATE SET total = total + excluded.total"
                ))
                .await?;
                txn.execute_unprepared(&format!("DELETE FROM {CHANGES}")).await?;
            }
            moved
        }
    };
    txn.commit().await?;
    Ok(u64::try_from(moved).unwrap_or(0))
}
