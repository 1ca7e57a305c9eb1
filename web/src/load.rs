//! Loading what a portal page shows, through the domain's loaders and access
//! rules (the API's too): whatever the caller may not see is a 404, whether or
//! not it exists. No queries here; each function turns a domain failure into the
//! page for it.

use std::sync::Arc;

use domain::database::Connection;
use domain::{
    access::{Caller, SupplierAccess, readable},
    entities::{assessment, finding, supplier},
    questionnaire::Definition,
    values::Role,
};
use uuid::Uuid;

use crate::{
    error::{OrPage, PortalError},
    i18n::Tr,
};

/// A supplier the caller may read, and how they reach it.
pub async fn supplier<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    t: Tr,
) -> Result<(supplier::Model, SupplierAccess), PortalError> {
    readable::supplier(db, caller, id).await.or_page(t)
}

/// An assessment the caller may read, with its supplier and how they reach it.
pub async fn assessment<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    t: Tr,
) -> Result<(assessment::Model, supplier::Model, SupplierAccess), PortalError> {
    let reached = readable::assessment(db, caller, id).await.or_page(t)?;
    Ok((reached.row, reached.supplier, reached.access))
}

/// The questionnaire an assessment answers, parsed once and cached (as the API
/// reads it).
pub async fn definition<C: Connection>(
    db: &C,
    a: &assessment::Model,
    t: Tr,
) -> Result<Arc<Definition>, PortalError> {
    domain::questionnaire::store::of_assessment(db, a)
        .await
        .or_page(t)
}

/// Only the supplier's own users answer and submit.
pub fn require_own(access: SupplierAccess, t: Tr) -> Result<(), PortalError> {
    access.own_supplier().or_page(t)
}

/// A finding the caller may read, with its supplier and how they reach it.
pub async fn finding<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    t: Tr,
) -> Result<(finding::Model, supplier::Model, SupplierAccess), PortalError> {
    let reached = readable::finding(db, caller, id).await.or_page(t)?;
    Ok((reached.row, reached.supplier, reached.access))
}

/// Only the company's reviewers (admins, officers, advisors) change findings and
/// add corrective actions; a supplier reads its findings and reports progress,
/// nothing more (403). The domain's rule, as the API's.
pub fn require_reviewer(access: SupplierAccess, caller: &Caller, t: Tr) -> Result<Role, PortalError> {
    caller.reviewer(access).or_page(t)
}
