//! Loading a site or its supplier for a caller: another tenant's id is a 404, a
//! supplier's own user may read but not change, a read-only key changes nothing.

use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    access::{Caller, SupplierAccess, readable},
    entities::{supplier, supplier_site},
    error::DomainError,
};

/// The supplier, when the caller may read its sites.
pub async fn supplier_for_reading<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    supplier_id: Uuid,
) -> Result<supplier::Model, DomainError> {
    readable::supplier(db, caller, supplier_id)
        .await
        .map(|(found, _)| found)
}

/// The supplier, when the caller may change its sites (officers and admins of
/// its company).
pub async fn supplier_for_managing<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    supplier_id: Uuid,
) -> Result<supplier::Model, DomainError> {
    let found = supplier_for_reading(db, caller, supplier_id).await?;
    manager(caller, &found)?;
    Ok(found)
}

fn manager(caller: &Caller, owner: &supplier::Model) -> Result<(), DomainError> {
    match caller.supplier_access(owner)? {
        SupplierAccess::Company(_) => caller.company_manager(owner.company_id).map(|_| ()),
        SupplierAccess::OwnSupplier => Err(DomainError::Forbidden(
            "only the company's officers and admins may change a supplier's sites",
        )),
    }
}

/// The site and its supplier, when the caller may read it.
pub async fn site_for_reading<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(supplier_site::Model, supplier::Model), DomainError> {
    let site = supplier_site::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("site"))?;
    // The site's company must be its supplier's too: a mismatch is treated as
    // "not yours" rather than trusted.
    match readable::supplier(db, caller, site.supplier_id).await {
        Ok((owner, _)) if owner.company_id == site.company_id => Ok((site, owner)),
        Ok(_) | Err(DomainError::NotFound(_)) => Err(DomainError::NotFound("site")),
        Err(other) => Err(other),
    }
}

/// The site and its supplier, when the caller may change it.
pub async fn site_for_managing<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(supplier_site::Model, supplier::Model), DomainError> {
    let (site, owner) = site_for_reading(db, caller, id).await?;
    manager(caller, &owner)?;
    Ok((site, owner))
}
