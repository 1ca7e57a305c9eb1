//! The rows a caller may read, loaded with the supplier they belong to and how the
//! caller reaches it. Both doors (API and portal) load through here, so "another
//! tenant's id is a 404" and the row-to-supplier company check are decided once.

use sea_orm::{ConnectionTrait, EntityTrait, PrimaryKeyTrait};
use uuid::Uuid;

use super::{Caller, SupplierAccess};
use crate::{
    database::{row_and_supplier, row_by_id},
    entities::{assessment, corrective_action, finding, report, supplier},
    error::DomainError,
};

/// A row the caller may read, its supplier, and how the caller reaches it.
#[derive(Debug, Clone)]
pub struct Reached<T> {
    /// The row itself.
    pub row: T,
    /// The supplier it concerns.
    pub supplier: supplier::Model,
    /// How the caller reaches the supplier's data.
    pub access: SupplierAccess,
}

/// A supplier the caller may read, and how they reach it; anything else is
/// `NotFound("supplier")`, whether or not it exists.
pub async fn supplier<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(supplier::Model, SupplierAccess), DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("supplier");
    let found = row_by_id::<supplier::Entity, _>(db, id).await?.ok_or(NOT_FOUND)?;
    let access = caller.supplier_access(&found).map_err(|_| NOT_FOUND)?;
    Ok((found, access))
}

/// Row `id` of `E` with its supplier, when the caller may read that supplier.
/// The row's company must be the supplier's too: a mismatch would be a bug,
/// and is treated as "not yours" rather than trusted (as evidence files are).
/// Both are read in one statement (`row_and_supplier`).
async fn reached<E, C>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    supplier_key: E::Column,
    company_of: impl Fn(&E::Model) -> Uuid,
    not_found: DomainError,
) -> Result<Reached<E::Model>, DomainError>
where
    E: EntityTrait,
    C: ConnectionTrait + 'static,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    let Some((row, Some(supplier))) = row_and_supplier::<E, _>(db, id, supplier_key).await? else {
        return Err(not_found);
    };
    if supplier.company_id != company_of(&row) {
        return Err(not_found);
    }
    match caller.supplier_access(&supplier) {
        Ok(access) => Ok(Reached {
            row,
            supplier,
            access,
        }),
        Err(_) => Err(not_found),
    }
}

/// An assessment the caller may read; anything else is `NotFound("assessment")`.
pub async fn assessment<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<assessment::Model>, DomainError> {
    reached::<assessment::Entity, _>(
        db,
        caller,
        id,
        assessment::Column::SupplierId,
        |row| row.company_id,
        DomainError::NotFound("assessment"),
    )
    .await
}

/// A finding the caller may read; anything else is `NotFound("finding")`.
pub async fn finding<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<finding::Model>, DomainError> {
    reached::<finding::Entity, _>(
        db,
        caller,
        id,
        finding::Column::SupplierId,
        |row| row.company_id,
        DomainError::NotFound("finding"),
    )
    .await
}

/// A corrective action the caller may read; anything else is `NotFound("action")`.
pub async fn action<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<corrective_action::Model>, DomainError> {
    reached::<corrective_action::Entity, _>(
        db,
        caller,
        id,
        corrective_action::Column::SupplierId,
        |row| row.company_id,
        DomainError::NotFound("action"),
    )
    .await
}

/// A report the caller's company may read; a supplier's own users and anyone
/// else get `NotFound("report")` (reports are the company's advice).
pub async fn report<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<report::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("report");
    let row = row_by_id::<report::Entity, _>(db, id).await?.ok_or(NOT_FOUND)?;
    match assessment(db, caller, row.assessment_id).await {
        Ok(Reached {
            access: SupplierAccess::Company(_),
            ..
        }) => Ok(row),
        Ok(_) | Err(DomainError::NotFound(_)) => Err(NOT_FOUND),
        Err(other) => Err(other),
    }
}
