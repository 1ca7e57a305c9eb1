//! Reading statements: one (with each section's latest text), a company's list,
//! and every version of every section.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{Figure, StoredSection};
use crate::{
    access::Caller,
    entities::{statement, statement_version},
    error::DomainError,
    listing::{Window, Windowed as _},
};

/// A section with its current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The area's key.
    pub key: String,
    /// Its title.
    pub title: String,
    /// The provision it answers, with where it was read.
    pub basis: String,
    /// The latest text.
    pub text: String,
    /// The latest version's number.
    pub version: i32,
    /// The figures for the period.
    pub figures: Vec<Figure>,
}

/// A statement and its sections in the regime's order.
#[derive(Debug, Clone)]
pub struct StatementView {
    /// The row.
    pub statement: statement::Model,
    /// The sections.
    pub sections: Vec<Section>,
}

/// The statement `id` if the caller is staff (admin, officer, advisor) of its
/// company; `NotFound` otherwise, whether or not it exists.
pub async fn readable_statement<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<statement::Model, DomainError> {
    let row = statement::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("statement"))?;
    caller
        .company_reviewer(row.company_id)
        .map_err(|_| DomainError::NotFound("statement"))?;
    Ok(row)
}

/// The statement `id` with its sections, for a reader (see [`readable_statement`]).
pub async fn load_view<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<StatementView, DomainError> {
    let row = readable_statement(db, caller, id).await?;
    view_of(db, row).await
}

/// The sections of `row` with their latest texts (no access check: the worker's
/// and the use cases' after theirs).
pub async fn view_of<C: ConnectionTrait>(
    db: &C,
    row: statement::Model,
) -> Result<StatementView, DomainError> {
    let stored: Vec<StoredSection> = serde_json::from_value(row.sections.clone())?;
    let versions = statement_version::Entity::find()
        .filter(statement_version::Column::StatementId.eq(row.id))
        .all(db)
        .await?;
    let sections = stored
        .into_iter()
        .map(|s| {
            let latest = versions
                .iter()
                .filter(|v| v.section_key == s.key)
                .max_by_key(|v| v.version);
            Section {
                text: latest.map(|v| v.text.clone()).unwrap_or_default(),
                version: latest.map(|v| v.version).unwrap_or(0),
                key: s.key,
                title: s.title,
                basis: s.basis,
                figures: s.figures,
            }
        })
        .collect();
    Ok(StatementView {
        statement: row,
        sections,
    })
}

/// The company's statements, newest first, and how many there are (staff).
pub async fn list_statements<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    window: Window,
) -> Result<(Vec<statement::Model>, u64), DomainError> {
    caller.company_reviewer(company_id)?;
    let query = statement::Entity::find().filter(statement::Column::CompanyId.eq(company_id));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(statement::Column::CreatedAt)
        .order_by_desc(statement::Column::Id)
        .within(window)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Every version of every section of statement `id`, oldest first (staff).
pub async fn versions_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Vec<statement_version::Model>, DomainError> {
    let row = readable_statement(db, caller, id).await?;
    Ok(statement_version::Entity::find()
        .filter(statement_version::Column::StatementId.eq(row.id))
        .order_by_asc(statement_version::Column::CreatedAt)
        .order_by_asc(statement_version::Column::SectionKey)
        .order_by_asc(statement_version::Column::Version)
        .all(db)
        .await?)
}
