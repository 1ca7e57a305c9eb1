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

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Select,
    sea_query::{Expr, ExprTrait, OnConflict},
};
use uuid::Uuid;

use crate::{entities::list_total, error::DomainError};

/// The lists whose total is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// A company's suppliers that are not archived (the list's default).
    Suppliers,
    /// A company's suppliers, archived ones too (`include_archived=true`).
    SuppliersAll,
    /// A company's assessments.
    Assessments,
}

impl Counted {
    /// Its `list_totals.list`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Suppliers => "suppliers",
            Self::SuppliersAll => "suppliers_all",
            Self::Assessments => "assessments",
        }
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

/// The statement that reads a kept total: one `i64` column, no row when the
/// company never had a row in the list (a total of 0).
pub fn kept(company_id: Uuid, list: Counted) -> Select<list_total::Entity> {
    list_total::Entity::find()
        .select_only()
        .column(list_total::Column::Total)
        .filter(list_total::Column::CompanyId.eq(company_id))
        .filter(list_total::Column::List.eq(list.key()))
}
