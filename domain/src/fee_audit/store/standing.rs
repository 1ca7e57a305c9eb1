//! The figures stored on each recruiter of the registry (issue #23): Σ over the
//! latest fee audit of every supplier, kept in step by every upload in its own
//! transaction, so that the company's recruiter list is read in fee order from an
//! index instead of summing every audit's shares on every request.
//!
//! Only an upload changes them: it adds a supplier's latest audit and supersedes
//! the one before. Repayments do not (the figures are what workers paid the
//! recruiter, not what the supplier paid back), nor does editing a recruiter.

use std::collections::HashMap;

use rust_decimal::{Decimal, prelude::ToPrimitive};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::registry::{latest_shares, summarise, total_fees};
use crate::{
    entities::{fee_audit, fee_audit_recruiter, recruiter, supplier},
    error::DomainError,
    fee_audit::engine::round_money,
};

/// Minus the fees in cents as shown: ascending is largest fees first.
pub(crate) fn fee_rank(fees: Decimal) -> i64 {
    let cents = (round_money(fees) * Decimal::ONE_HUNDRED)
        .to_i64()
        .unwrap_or(i64::MAX);
    cents.saturating_neg()
}

/// Restates the figures of every recruiter an audit of `audit`'s supplier names:
/// those of the new audit gain its share, those of the audit it supersedes lose
/// theirs. Run it on the upload's transaction, after the audit's shares are stored.
pub(super) async fn restate_recruiters<C: ConnectionTrait>(
    db: &C,
    audit: &fee_audit::Model,
) -> Result<(), DomainError> {
    // Locks, PostgreSQL (SQLite serialises writers anyway): the supplier first, so
    // that two uploads for one supplier restate one after the other, each seeing
    // the other's audit once committed; then the recruiters in id order, so that an
    // upload for another supplier naming one of them waits and then sums this
    // upload's share too (every statement reads what is committed when it starts).
    supplier::Entity::find_by_id(audit.supplier_id)
        .lock_exclusive()
        .one(db)
        .await?;
    let named: Vec<Uuid> = fee_audit_recruiter::Entity::find()
        .select_only()
        .column(fee_audit_recruiter::Column::RecruiterId)
        .distinct()
        .filter(fee_audit_recruiter::Column::SupplierId.eq(audit.supplier_id))
        .into_tuple()
        .all(db)
        .await?;
    if named.is_empty() {
        return Ok(());
    }
    let recruiters = recruiter::Entity::find()
        .filter(recruiter::Column::Id.is_in(named.iter().copied()))
        .order_by_asc(recruiter::Column::Id)
        .lock_exclusive()
        .all(db)
        .await?;
    let shares = latest_shares(db, audit.company_id, Some(&named)).await?;
    let mut by_recruiter: HashMap<Uuid, Vec<&fee_audit_recruiter::Model>> = HashMap::new();
    for share in &shares {
        by_recruiter.entry(share.recruiter_id).or_default().push(share);
    }
    for found in recruiters {
        let mine = by_recruiter.remove(&found.id).unwrap_or_default();
        let figures = summarise(found.clone(), &mine);
        let stored = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let mut row = found.into_active_model();
        row.suppliers = Set(stored(figures.suppliers));
        row.workers = Set(stored(figures.workers));
        row.workers_who_paid = Set(stored(figures.workers_who_paid));
        row.debt_bondage_risks = Set(stored(figures.debt_bondage_risks));
        row.fee_rank = Set(fee_rank(total_fees(&mine)));
        row.fees_usd = Set(figures.fees_usd);
        row.update(db).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rank_orders_largest_fees_first_by_the_cents_shown() {
        let rank = |s: &str| fee_rank(s.parse().unwrap_or_default());
        assert_eq!(rank("1617.50"), -161_750);
        assert_eq!(rank("0"), 0);
        // Rounded half away from zero, as shown.
        assert_eq!(rank("2.675"), -268);
        assert!(rank("1000.00") < rank("999.99"));
    }
}
