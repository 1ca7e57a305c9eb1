//! The registry as read: each recruiter's figures summed over the latest fee audit
//! of every supplier (an older audit of the same supplier is superseded, not added),
//! from the exact per-audit shares the uploads stored. The list reads the figures
//! stored on each recruiter (`standing`), the profile sums the shares.

use std::collections::HashSet;

use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::{latest::latest_fee_audits, money_text};
use crate::{
    entities::{fee_audit_recruiter, recruiter},
    error::DomainError,
    listing::{KeysetPage, ListQueries, Start, Total},
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

/// The shares of the latest audit of every supplier of the company (of the
/// `recruiters` given, or of all).
pub(super) async fn latest_shares<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    recruiters: Option<&[Uuid]>,
) -> Result<Vec<fee_audit_recruiter::Model>, DomainError> {
    let latest: HashSet<Uuid> = latest_fee_audits(db, company_id)
        .await?
        .into_iter()
        .map(|audit| audit.fee_audit_id)
        .collect();
    let mut query =
        fee_audit_recruiter::Entity::find().filter(fee_audit_recruiter::Column::CompanyId.eq(company_id));
    if let Some(ids) = recruiters {
        query = query.filter(fee_audit_recruiter::Column::RecruiterId.is_in(ids.iter().copied()));
    }
    let shares = query.all(db).await?;
    Ok(shares
        .into_iter()
        .filter(|s| latest.contains(&s.fee_audit_id))
        .collect())
}

/// Σ exact fees of the shares.
pub(super) fn total_fees(shares: &[&fee_audit_recruiter::Model]) -> Decimal {
    shares
        .iter()
        .map(|s| s.fees_usd.parse::<Decimal>().unwrap_or_default())
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

pub(super) fn summarise(
    recruiter: recruiter::Model,
    shares: &[&fee_audit_recruiter::Model],
) -> RecruiterSummary {
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

impl RecruiterSummary {
    /// A registry entry with the figures stored on it (no per-supplier shares):
    /// what the list shows, read from the row alone.
    pub fn stored(recruiter: recruiter::Model) -> Self {
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Self {
            suppliers: count(recruiter.suppliers),
            workers: count(recruiter.workers),
            workers_who_paid: count(recruiter.workers_who_paid),
            fees_usd: recruiter.fees_usd.clone(),
            debt_bondage_risks: count(recruiter.debt_bondage_risks),
            by_supplier: Vec::new(),
            recruiter,
        }
    }
}

/// The statements of the company's recruiter list: largest fees first, then by
/// name and id, from the stored figures (`standing`), so the page is read in the
/// order of `ix_recruiters_company_list (company_id, fee_rank, name, id)` after
/// one seek to the cursor's `(fee_rank, name, id)` or after the page number's
/// offset, and the count is the index's alone.
pub fn recruiter_list_queries(
    company_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<ListQueries<recruiter::Entity>, DomainError> {
    let query = recruiter::Entity::find().filter(recruiter::Column::CompanyId.eq(company_id));
    let count = query
        .clone()
        .select_only()
        .column_as(Expr::col(recruiter::Column::Id).count(), "n");
    let mut page = query
        .order_by_asc(recruiter::Column::FeeRank)
        .order_by_asc(recruiter::Column::Name)
        .order_by_asc(recruiter::Column::Id)
        .limit(per_page.saturating_add(1));
    match start {
        Start::After(cursor) => {
            let (rank, name) = parse_list_key(&cursor.key)?;
            // One row value over the whole order: both databases seek with it.
            let column = |c: recruiter::Column| Expr::col((recruiter::Entity, c));
            page = page.filter(
                Expr::tuple([
                    column(recruiter::Column::FeeRank),
                    column(recruiter::Column::Name),
                    column(recruiter::Column::Id),
                ])
                .gt(Expr::tuple([
                    Expr::val(rank),
                    Expr::val(name),
                    Expr::val(cursor.id),
                ])),
            );
        }
        Start::Page(_) => {
            let offset = start.offset(per_page);
            if offset > 0 {
                page = page.offset(offset);
            }
        }
    }
    Ok(ListQueries {
        count: Total::Counted(count),
        page,
    })
}

/// The company's recruiters with their stored figures, largest fees first (ties
/// by name), a page at a time.
pub async fn list_recruiters<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<recruiter::Model>, DomainError> {
    recruiter_list_queries(company_id, start, per_page)?
        .read(db, start, per_page, |r| (list_key(r), r.id))
        .await
}

/// The sort key a recruiter-list cursor carries: `fee_rank:name` (the rank is a
/// number, so the first `:` ends it, whatever the name holds).
fn list_key(r: &recruiter::Model) -> String {
    format!("{}:{}", r.fee_rank, r.name)
}

/// Reads back a [`list_key`]; anything else is a bad `cursor`.
fn parse_list_key(key: &str) -> Result<(i64, &str), DomainError> {
    key.split_once(':')
        .and_then(|(rank, name)| Some((rank.parse::<i64>().ok()?, name)))
        .ok_or_else(|| DomainError::invalid("cursor", "is not a cursor this list gave out"))
}

/// One recruiter with its figures and per-supplier shares.
pub async fn recruiter_summary<C: ConnectionTrait>(
    db: &C,
    found: recruiter::Model,
) -> Result<RecruiterSummary, DomainError> {
    let shares = latest_shares(db, found.company_id, Some(&[found.id])).await?;
    Ok(summarise(found, &shares.iter().collect::<Vec<_>>()))
}
