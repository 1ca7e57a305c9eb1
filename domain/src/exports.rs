//! The company's data as the exports read it, a page at a time (the API streams
//! each page as CSV lines while the next is read). Access is checked once, by
//! [`may_export_suppliers`] / [`may_export_findings`], before the first page.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{corrective_action, finding, supplier},
    error::DomainError,
    listing::{Window, Windowed},
};

/// Whoever may list the company's suppliers may export them.
pub fn may_export_suppliers(caller: &Caller, company_id: Uuid) -> Result<(), DomainError> {
    caller.company_role(company_id).map(|_| ())
}

/// The company's staff (admins, officers, advisors) export its findings.
pub fn may_export_findings(caller: &Caller, company_id: Uuid) -> Result<(), DomainError> {
    if caller.company_role(company_id)?.reads_company() {
        Ok(())
    } else {
        Err(DomainError::Forbidden(
            "only the company's staff may export findings",
        ))
    }
}

/// One page of the company's suppliers, by name.
pub async fn suppliers_page<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    window: Window,
) -> Result<Vec<supplier::Model>, DomainError> {
    Ok(supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(company_id))
        .order_by_asc(supplier::Column::Name)
        .order_by_asc(supplier::Column::Id)
        .within(window)
        .all(db)
        .await?)
}

/// A finding as exported: with its supplier's name and its actions.
#[derive(Debug, Clone)]
pub struct ExportedFinding {
    /// The finding.
    pub finding: finding::Model,
    /// Its supplier's name (empty if the supplier is gone).
    pub supplier_name: String,
    /// Its corrective actions, oldest first.
    pub actions: Vec<corrective_action::Model>,
}

/// One page of the company's findings, oldest first.
pub async fn findings_page<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    window: Window,
) -> Result<Vec<ExportedFinding>, DomainError> {
    let findings = finding::Entity::find()
        .filter(finding::Column::CompanyId.eq(company_id))
        .order_by_asc(finding::Column::CreatedAt)
        .order_by_asc(finding::Column::Id)
        .within(window)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = findings.iter().map(|f| f.id).collect();
    let supplier_ids: Vec<Uuid> = findings.iter().map(|f| f.supplier_id).collect();
    let actions = corrective_action::Entity::find()
        .filter(corrective_action::Column::FindingId.is_in(ids))
        .order_by_asc(corrective_action::Column::CreatedAt)
        .all(db)
        .await?;
    let names: HashMap<Uuid, String> = supplier::Entity::find()
        .filter(supplier::Column::Id.is_in(supplier_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(findings
        .into_iter()
        .map(|f| ExportedFinding {
            supplier_name: names.get(&f.supplier_id).cloned().unwrap_or_default(),
            actions: actions.iter().filter(|a| a.finding_id == f.id).cloned().collect(),
            finding: f,
        })
        .collect())
}
