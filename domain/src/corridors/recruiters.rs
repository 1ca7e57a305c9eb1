//! Following a corridor to the people who took the workers' money, and a recruiter
//! to the suppliers whose workers paid it: the two steps of the corridor page.
//!
//! A corridor's recruiters come from the stored lines of the latest audits (only
//! lines name who was paid): lines of the corridor's workers with a payment to a
//! recruiter or sub-agent (fee-audit.md: a clinic or an office is no recruiter).
//! Each is matched to its registry entry the way the upload registered it: by name
//! and the country the audit gave that name.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{HirePeriod, supplier_countries};
use crate::{
    access::Caller,
    entities::{fee_audit, recruiter, supplier},
    error::DomainError,
    fee_audit::{
        engine::FeeAuditSummary,
        store::{
            RecruiterSupplier, latest_fee_audits, load_audited_lines, load_recruiter, match_key,
            recruiter_summary,
        },
    },
    values::CountryCode,
};

/// A recruiter the workers of a corridor paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorridorRecruiter {
    /// Its registry entry (`None` only if the entry is gone).
    pub recruiter_id: Option<Uuid>,
    /// Its name, as the registry has it.
    pub name: String,
    /// Workers of the corridor who paid it something.
    pub workers_who_paid: u64,
    /// What they paid it, USD, exact.
    pub fees_usd: Decimal,
}

/// The corridor's origin and destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorridorKey {
    /// The workers' nationality.
    pub origin: CountryCode,
    /// The suppliers' country.
    pub destination: CountryCode,
}

#[derive(Default)]
struct Paid {
    name: String,
    workers: HashSet<(Uuid, String)>,
    fees_usd: Decimal,
}

/// The recruiters the corridor's workers hired in `period` paid, largest fees first
/// (company staff).
pub async fn corridor_recruiters<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    corridor: CorridorKey,
    period: HirePeriod,
) -> Result<Vec<CorridorRecruiter>, DomainError> {
    caller.company_reviewer(company_id)?;
    let countries = supplier_countries(db, company_id).await?;
    let mut paid: HashMap<String, Paid> = HashMap::new();
    for audit in latest_fee_audits(db, company_id).await? {
        if countries.get(&audit.supplier_id) != Some(&corridor.destination) {
            continue;
        }
        let Some(found) = fee_audit::Entity::find_by_id(audit.fee_audit_id).one(db).await? else {
            continue;
        };
        // The country the upload registered each name with.
        let summary: FeeAuditSummary = serde_json::from_value(found.summary)?;
        let country_of: HashMap<String, Option<CountryCode>> = summary
            .by_recruiter
            .into_iter()
            .map(|r| (r.recruiter, r.country))
            .collect();
        for line in load_audited_lines(db, audit.fee_audit_id).await? {
            let counts = line.nationality == corridor.origin
                && period.contains(line.hire_date)
                && line.payee_type.is_recruiter()
                && line.amount_usd > Decimal::ZERO;
            if !counts {
                continue;
            }
            let country = country_of.get(&line.recruiter).copied().flatten();
            let entry = paid
                .entry(match_key(
                    &line.recruiter,
                    country.as_ref().map(CountryCode::as_str),
                ))
                .or_default();
            if entry.name.is_empty() {
                entry.name.clone_from(&line.recruiter);
            }
            entry.workers.insert((audit.fee_audit_id, line.worker_ref));
            entry.fees_usd = entry.fees_usd.saturating_add(line.amount_usd);
        }
    }
    let registry: HashMap<String, recruiter::Model> = recruiter::Entity::find()
        .filter(recruiter::Column::CompanyId.eq(company_id))
        .filter(recruiter::Column::MatchKey.is_in(paid.keys().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.match_key.clone(), r))
        .collect();
    let mut list: Vec<CorridorRecruiter> = paid
        .into_iter()
        .map(|(key, p)| {
            let entry = registry.get(&key);
            CorridorRecruiter {
                recruiter_id: entry.map(|r| r.id),
                name: entry.map_or(p.name, |r| r.name.clone()),
                workers_who_paid: p.workers.len() as u64,
                fees_usd: p.fees_usd,
            }
        })
        .collect();
    list.sort_by(|a, b| b.fees_usd.cmp(&a.fees_usd).then_with(|| a.name.cmp(&b.name)));
    Ok(list)
}

/// A supplier whose workers paid a recruiter.
#[derive(Debug, Clone)]
pub struct PayingSupplier {
    /// The supplier.
    pub supplier: supplier::Model,
    /// Its share of the recruiter's figures (its latest audit).
    pub share: RecruiterSupplier,
    /// What its workers paid the recruiter, USD, exact.
    pub fees_usd: Decimal,
}

/// A recruiter and the suppliers whose workers paid it, from the latest audit of
/// each, largest fees first (the company's staff; another company's is `NotFound`).
pub async fn recruiter_suppliers<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    recruiter_id: Uuid,
) -> Result<(recruiter::Model, Vec<PayingSupplier>), DomainError> {
    let found = load_recruiter(db, caller, recruiter_id, false).await?;
    caller
        .company_reviewer(found.company_id)
        .map_err(|_| DomainError::NotFound("recruiter"))?;
    let summary = recruiter_summary(db, found.clone()).await?;
    let ids: Vec<Uuid> = summary.by_supplier.iter().map(|s| s.supplier_id).collect();
    let mut suppliers: HashMap<Uuid, supplier::Model> = supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(found.company_id))
        .filter(supplier::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut paying: Vec<PayingSupplier> = summary
        .by_supplier
        .into_iter()
        .filter(|share| share.workers_who_paid > 0)
        .filter_map(|share| {
            let supplier = suppliers.remove(&share.supplier_id)?;
            // The share as shown (two decimals): the exact one stays in the registry.
            let fees_usd = share.fees_usd.parse().unwrap_or_default();
            Some(PayingSupplier {
                supplier,
                share,
                fees_usd,
            })
        })
        .collect();
    paying.sort_by(|a, b| {
        b.fees_usd
            .cmp(&a.fees_usd)
            .then_with(|| a.supplier.name.cmp(&b.supplier.name))
    });
    Ok((found, paying))
}
