//! The registry as read: each recruiter's figures summed over the latest fee audit
//! of every supplier (an older audit of the same supplier is superseded, not added),
//! from the exact per-audit shares the uploads stored.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{latest::latest_fee_audits, money_text};
use crate::{
    entities::{fee_audit_recruiter, recruiter},
    error::DomainError,
};

/// One supplier's share of a recruiter's figures (its latest audit).
#[derive(Debug, Clone, serde::Serialize)]
pub struct RecruiterSupplier {
    /// The supplier.
    pub supplier_id: Uuid,
    /// The audit the figures come from.
    pub fee_audit_id: Uuid,
    /// Workers with a row naming the recruiter.
    pub workers: u64,
    /// Of those, workers who paid it something.
    pub workers_who_paid: u64,
    /// USD paid to it, as shown.
    pub fees_usd: String,
    /// Of those workers, how many are at risk of debt bondage.
    pub debt_bondage_risks: u64,
}

/// A registry entry with its figures over the latest audit of every supplier.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RecruiterSummary {
    /// The registry entry.
    pub recruiter: recruiter::Model,
    /// Suppliers whose latest audit names it.
    pub suppliers: u64,
    /// Σ workers.
    pub workers: u64,
    /// Σ workers who paid.
    pub workers_who_paid: u64,
    /// Σ USD (sum of exact figures, shown rounded).
    pub fees_usd: String,
    /// Σ workers at risk of debt bondage.
    pub debt_bondage_risks: u64,
    /// Per supplier.
    pub by_supplier: Vec<RecruiterSupplier>,
}

/// The shares of the latest audit of every supplier of the company.
async fn latest_shares<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    recruiter_id: Option<Uuid>,
) -> Result<Vec<fee_audit_recruiter::Model>, DomainError> {
    let latest: HashSet<Uuid> = latest_fee_audits(db, company_id)
        .await?
        .into_iter()
        .map(|audit| audit.fee_audit_id)
        .collect();
    let mut query =
        fee_audit_recruiter::Entity::find().filter(fee_audit_recruiter::Column::CompanyId.eq(company_id));
    if let Some(id) = recruiter_id {
        query = query.filter(fee_audit_recruiter::Column::RecruiterId.eq(id));
    }
    let shares = query.all(db).await?;
    Ok(shares
        .into_iter()
        .filter(|s| latest.contains(&s.fee_audit_id))
        .collect())
}

/// Σ exact fees of the shares.
fn total_fees(shares: &[&fee_audit_recruiter::Model]) -> Decimal {
    shares
        .iter()
        .map(|s| s.fees_usd.parse::<Decimal>().unwrap_or_default())
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

fn summarise(recruiter: recruiter::Model, shares: &[&fee_audit_recruiter::Model]) -> RecruiterSummary {
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    let exact = |s: &fee_audit_recruiter::Model| s.fees_usd.parse::<Decimal>().unwrap_or_default();
    let by_supplier: Vec<RecruiterSupplier> = shares
        .iter()
        .map(|s| RecruiterSupplier {
            supplier_id: s.supplier_id,
            fee_audit_id: s.fee_audit_id,
            workers: count(s.workers),
            workers_who_paid: count(s.workers_who_paid),
            fees_usd: money_text(exact(s)),
            debt_bondage_risks: count(s.debt_bondage_risks),
        })
        .collect();
    RecruiterSummary {
        recruiter,
        suppliers: by_supplier.len() as u64,
        workers: by_supplier.iter().map(|s| s.workers).sum(),
        workers_who_paid: by_supplier.iter().map(|s| s.workers_who_paid).sum(),
        fees_usd: money_text(total_fees(shares)),
        debt_bondage_risks: by_supplier.iter().map(|s| s.debt_bondage_risks).sum(),
        by_supplier,
    }
}

/// Every recruiter of the company with its figures, largest fees first.
pub async fn list_recruiters<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Vec<RecruiterSummary>, DomainError> {
    let registry = recruiter::Entity::find()
        .filter(recruiter::Column::CompanyId.eq(company_id))
        .order_by_asc(recruiter::Column::Name)
        .all(db)
        .await?;
    let shares = latest_shares(db, company_id, None).await?;
    let mut by_recruiter: HashMap<Uuid, Vec<&fee_audit_recruiter::Model>> = HashMap::new();
    for share in &shares {
        by_recruiter.entry(share.recruiter_id).or_default().push(share);
    }
    let mut list: Vec<(Decimal, RecruiterSummary)> = registry
        .into_iter()
        .map(|r| {
            let mine = by_recruiter.remove(&r.id).unwrap_or_default();
            (total_fees(&mine), summarise(r, &mine))
        })
        .collect();
    // Stable: equal fees keep the name order.
    list.sort_by_key(|(fees, _)| std::cmp::Reverse(*fees));
    Ok(list.into_iter().map(|(_, summary)| summary).collect())
}

/// One recruiter with its figures and per-supplier shares.
pub async fn recruiter_summary<C: ConnectionTrait>(
    db: &C,
    found: recruiter::Model,
) -> Result<RecruiterSummary, DomainError> {
    let shares = latest_shares(db, found.company_id, Some(found.id)).await?;
    Ok(summarise(found, &shares.iter().collect::<Vec<_>>()))
}
