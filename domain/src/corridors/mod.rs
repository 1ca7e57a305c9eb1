//! Corridor analytics (api-contract.md, "Corridors"; issue #25): for a company, the
//! workers of the latest fee audit of each of its suppliers grouped by corridor —
//! origin = the worker's nationality, destination = the supplier's country — with
//! how many paid, the recruitment cost indicator comparable to SDG 10.7.1, the mean
//! fees, per sex and per month and quarter of hire.
//!
//! Read by the company's staff (admins, officers, advisors), like the dashboard it
//! belongs to; anyone else gets the company's `NotFound`.

mod figures;
mod period;
mod recruiters;

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

pub use figures::{Corridor, CorridorFigures, CorridorTally, HireMonth, HireQuarter, QuarterFigures};
pub use period::HirePeriod;
pub use recruiters::{
    CorridorKey, CorridorRecruiter, PayingSupplier, corridor_recruiters, recruiter_suppliers,
};

use crate::{
    access::Caller,
    entities::supplier,
    error::DomainError,
    fee_audit::store::{latest_fee_audits, visit_workers},
    values::CountryCode,
};

/// The company's corridors over workers hired in `period`, by origin then
/// destination; empty when no supplier has a fee audit.
///
/// An older audit of a supplier is superseded by its latest, whatever the period
/// (the period picks workers, not audits). Workers are read an audit chunk at a time.
pub async fn company_corridors<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    period: HirePeriod,
) -> Result<Vec<Corridor>, DomainError> {
    caller.company_reviewer(company_id)?;
    let destinations = supplier_countries(db, company_id).await?;
    let mut tally = CorridorTally::default();
    for audit in latest_fee_audits(db, company_id).await? {
        // An audit's supplier is of the same company: both rows carry it.
        let Some(destination) = destinations.get(&audit.supplier_id).copied() else {
            continue;
        };
        visit_workers(db, audit.fee_audit_id, |worker| {
            if period.contains(worker.hire_date) {
                tally.add(destination, &worker);
            }
        })
        .await?;
    }
    Ok(tally.finish())
}

/// Each supplier of the company with its country, the destination of its workers.
async fn supplier_countries<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<HashMap<Uuid, CountryCode>, DomainError> {
    let rows: Vec<(Uuid, String)> = supplier::Entity::find()
        .select_only()
        .columns([supplier::Column::Id, supplier::Column::Country])
        .filter(supplier::Column::CompanyId.eq(company_id))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(id, country)| {
            // Checked when the supplier was created or changed: a bad one is a bug.
            CountryCode::parse(&country)
                .map(|code| (id, code))
                .map_err(|_| DomainError::Internal(format!("supplier {id} has no valid country")))
        })
        .collect()
}
