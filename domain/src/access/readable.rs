//! The rows a caller may read, loaded with the supplier they belong to and how the
//! caller reaches it. Both doors (API and portal) load through here, so "another
//! tenant's id is a 404" and the row-to-supplier company check are decided once.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::{Caller, SupplierAccess};
use crate::{
    database::row_by_id,
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

/// The supplier of a row that names one, when the caller may read it. The row's
/// company must be the supplier's too: a mismatch would be a bug, and is treated
/// as "not yours" rather than trusted (as evidence files are).
async fn owner<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    supplier_id: Uuid,
    company_id: Uuid,
    not_found: DomainError,
) -> Result<(supplier::Model, SupplierAccess), DomainError> {
    let Some(owner) = row_by_id::<supplier::Entity, _>(db, supplier_id).await? else {
        return Err(not_found);
    };
    if owner.company_id != company_id {
        return Err(not_found);
    }
    match caller.supplier_access(&owner) {
        Ok(access) => Ok((owner, access)),
        Err(_) => Err(not_found),
    }
}

/// An assessment the caller may read; anything else is `NotFound("assessment")`.
pub async fn assessment<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<assessment::Model>, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("assessment");
    let row = row_by_id::<assessment::Entity, _>(db, id)
        .await?
        .ok_or(NOT_FOUND)?;
    let (supplier, access) = owner(db, caller, row.supplier_id, row.company_id, NOT_FOUND).await?;
    Ok(Reached {
        row,
        supplier,
        access,
    })
}

/// A finding the caller may read; anything else is `NotFound("finding")`.
pub async fn finding<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<finding::Model>, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("finding");
    let row = row_by_id::<finding::Entity, _>(db, id).await?.ok_or(NOT_FOUND)?;
    let (supplier, access) = owner(db, caller, row.supplier_id, row.company_id, NOT_FOUND).await?;
    Ok(Reached {
        row,
        supplier,
        access,
    })
}

/// A corrective action the caller may read; anything else is `NotFound("action")`.
pub async fn action<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<corrective_action::Model>, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("action");
    let row = row_by_id::<corrective_action::Entity, _>(db, id)
        .await?
        .ok_or(NOT_FOUND)?;
    let (supplier, access) = owner(db, caller, row.supplier_id, row.company_id, NOT_FOUND).await?;
    Ok(Reached {
        row,
        supplier,
        access,
    })
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
