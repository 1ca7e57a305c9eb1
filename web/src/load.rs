//! Loading what a portal page shows, with the same access rules as the API:
//! whatever the caller may not see is a 404, whether or not it exists.

use domain::{
    access::{Caller, SupplierAccess},
    entities::{assessment, finding, questionnaire, supplier},
    questionnaire::Definition,
    values::Role,
};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{
    error::{ErrorKind, OrPage, PortalError},
    i18n::Tr,
};

/// A supplier the caller may read, and how they reach it.
pub async fn supplier<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    t: Tr,
) -> Result<(supplier::Model, SupplierAccess), PortalError> {
    let found = supplier::Entity::find_by_id(id)
        .one(db)
        .await
        .or_page(t)?
        .or_page(t)?;
    let access = caller
        .supplier_access(&found)
        .map_err(|_| PortalError::new(ErrorKind::NotFound, t))?;
    Ok((found, access))
}

/// An assessment the caller may read, with its supplier and how they reach it.
pub async fn assessment<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    t: Tr,
) -> Result<(assessment::Model, supplier::Model, SupplierAccess), PortalError> {
    let found = assessment::Entity::find_by_id(id)
        .one(db)
        .await
        .or_page(t)?
        .or_page(t)?;
    let (owner, access) = supplier(db, caller, found.supplier_id, t).await?;
    Ok((found, owner, access))
}

/// The questionnaire an assessment answers, parsed.
pub async fn definition<C: ConnectionTrait>(
    db: &C,
    a: &assessment::Model,
    t: Tr,
) -> Result<Definition, PortalError> {
    let row = questionnaire::Entity::find_by_id(a.questionnaire_id)
        .one(db)
        .await
        .or_page(t)?
        .ok_or(PortalError::new(ErrorKind::Internal, t))?;
    domain::questionnaires::definition_of(&row).or_page(t)
}

/// Only the supplier's own users answer and submit.
pub fn require_own(access: SupplierAccess, t: Tr) -> Result<(), PortalError> {
    match access {
        SupplierAccess::OwnSupplier => Ok(()),
        SupplierAccess::Company(_) => Err(PortalError::new(ErrorKind::Forbidden, t)),
    }
}

/// A finding the caller may read, with its supplier and how they reach it.
pub async fn finding<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    t: Tr,
) -> Result<(finding::Model, supplier::Model, SupplierAccess), PortalError> {
    let found = finding::Entity::find_by_id(id)
        .one(db)
        .await
        .or_page(t)?
        .or_page(t)?;
    let (owner, access) = supplier(db, caller, found.supplier_id, t).await?;
    Ok((found, owner, access))
}

/// Only the company's reviewers (admins, officers, advisors) change findings and
/// add corrective actions, as `require_reviewer` in the API; a supplier reads its
/// findings and reports progress, nothing more (403).
pub fn require_reviewer(access: SupplierAccess, caller: &Caller, t: Tr) -> Result<Role, PortalError> {
    match access {
        SupplierAccess::Company(role) if role.reads_company() && !caller.read_only => Ok(role),
        _ => Err(PortalError::new(ErrorKind::Forbidden, t)),
    }
}
