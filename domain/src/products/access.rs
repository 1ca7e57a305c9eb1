//! Loading a product for a caller. Products are the company's own record of
//! what it buys: its officers, admins and advisors read them, its officers and
//! admins change them; a supplier's user or another tenant gets 404.

use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{product, supplier},
    error::DomainError,
};

/// The company, when the caller may read its products.
pub fn company_for_reading(caller: &Caller, company_id: Uuid) -> Result<Uuid, DomainError> {
    caller.company_reviewer(company_id).map(|_| company_id)
}

/// The company, when the caller may add or import products.
pub fn company_for_managing(caller: &Caller, company_id: Uuid) -> Result<Uuid, DomainError> {
    caller.company_manager(company_id).map(|_| company_id)
}

/// The product, when the caller may read it.
pub async fn product_for_reading<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<product::Model, DomainError> {
    let found = product::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("product"))?;
    match caller.company_reviewer(found.company_id) {
        Ok(_) => Ok(found),
        Err(DomainError::NotFound(_)) => Err(DomainError::NotFound("product")),
        Err(other) => Err(other),
    }
}

/// The product, when the caller may change it or its chain.
pub async fn product_for_managing<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<product::Model, DomainError> {
    let found = product_for_reading(db, caller, id).await?;
    caller.company_manager(found.company_id)?;
    Ok(found)
}

/// The supplier, when the caller may read the map of its own suppliers, sites and
/// recruiters: the company's officers, admins and advisors. The supplier's own
/// users are not of the company and get 404: the map is the company's record.
pub async fn supplier_for_mapping<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<supplier::Model, DomainError> {
    let found = supplier::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("supplier"))?;
    match caller.company_reviewer(found.company_id) {
        Ok(_) => Ok(found),
        Err(DomainError::NotFound(_)) => Err(DomainError::NotFound("supplier")),
        Err(other) => Err(other),
    }
}
