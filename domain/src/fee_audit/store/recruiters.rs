//! The company's recruiter registry as written: every recruiter its fee audits name,
//! matched by normalised name and country, and each audit's exact share per
//! recruiter (what the company records about one: `crate::recruiters`).

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    access::Caller,
    clock,
    entities::{fee_audit, fee_audit_recruiter, recruiter},
    error::DomainError,
    fee_audit::engine::FeeAuditSummary,
};

/// The name as matched: lower case, punctuation dropped, spaces collapsed, so that
/// "Sunrise Manpower Pvt. Ltd." and "sunrise  manpower pvt ltd" are one recruiter.
pub fn normalise_name(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn match_key(name: &str, country: Option<&str>) -> String {
    format!("{}|{}", normalise_name(name), country.unwrap_or(""))
}

/// Adds the recruiters an audit names to the registry (those not there yet) and
/// stores each one's exact share of the audit.
pub(super) async fn register_audit<C: ConnectionTrait>(
    db: &C,
    audit: &fee_audit::Model,
    summary: &FeeAuditSummary,
) -> Result<(), DomainError> {
    let keys: Vec<String> = summary
        .by_recruiter
        .iter()
        .map(|r| match_key(&r.recruiter, r.country.as_ref().map(|c| c.as_str())))
        .collect();
    let mut known: HashMap<String, Uuid> = recruiter::Entity::find()
        .filter(recruiter::Column::CompanyId.eq(audit.company_id))
        .filter(recruiter::Column::MatchKey.is_in(keys.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.match_key, r.id))
        .collect();
    // Two spellings of one recruiter in one upload are one share.
    let mut shares: BTreeMap<Uuid, (u64, u64, u64, Decimal)> = BTreeMap::new();
    for (fees, key) in summary.by_recruiter.iter().zip(keys) {
        let id = match known.get(&key) {
            Some(id) => *id,
            None => {
                let added = unaudited_recruiter(
                    audit.company_id,
                    key.clone(),
                    fees.recruiter.clone(),
                    fees.country.map(|c| c.to_string()),
                )
                .insert(db)
                .await?;
                // A recruiter new to the registry is screened against the public lists at once.
                crate::screening::screen(db, &crate::screening::Subject::from(&added)).await?;
                known.insert(key, added.id);
                added.id
            }
        };
        let share = shares.entry(id).or_default();
        share.0 += fees.workers;
        share.1 += fees.workers_who_paid;
        share.2 += fees.debt_bondage_risks;
        share.3 += fees.fees_usd;
    }
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let rows = shares
        .into_iter()
        .map(
            |(recruiter_id, (workers, paid, at_risk, fees_usd))| fee_audit_recruiter::ActiveModel {
                id: Set(Uuid::now_v7()),
                fee_audit_id: Set(audit.id),
                recruiter_id: Set(recruiter_id),
                company_id: Set(audit.company_id),
                supplier_id: Set(audit.supplier_id),
                workers: Set(count(workers)),
                workers_who_paid: Set(count(paid)),
                debt_bondage_risks: Set(count(at_risk)),
                fees_usd: Set(fees_usd.to_string()),
            },
        );
    fee_audit_recruiter::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    super::standing::restate_recruiters(db, audit).await
}

/// A recruiter new to the company's registry: nothing recorded about it yet, and
/// no figures until an audit's share is counted (`standing`).
pub fn unaudited_recruiter(
    company_id: Uuid,
    match_key: String,
    name: String,
    country: Option<String>,
) -> recruiter::ActiveModel {
    let now = clock::now();
    recruiter::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(company_id),
        match_key: Set(match_key),
        name: Set(name),
        country: Set(country),
        licence_number: Set(None),
        licence_expires_on: Set(None),
        iris_certified: Set(false),
        sub_agent_of: Set(None),
        origin_countries: Set(None),
        licences: Set(None),
        iris_status: Set("none".into()),
        iris_status_on: Set(None),
        iris_source: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        suppliers: Set(0),
        workers: Set(0),
        workers_who_paid: Set(0),
        debt_bondage_risks: Set(0),
        fees_usd: Set(super::money_text(Decimal::ZERO)),
        fee_rank: Set(0),
    }
}

/// The recruiter, when the caller is a member of its company (`manage`: an officer or
/// admin); `NotFound` for anyone else.
pub async fn load_recruiter<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    manage: bool,
) -> Result<recruiter::Model, DomainError> {
    let found = recruiter::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("recruiter"))?;
    caller
        .company_role(found.company_id)
        .map_err(|_| DomainError::NotFound("recruiter"))?;
    if manage {
        caller.company_manager(found.company_id)?;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_recruiter_match() {
        assert_eq!(
            normalise_name("Sunrise Manpower Pvt. Ltd."),
            "sunrise manpower pvt ltd"
        );
        assert_eq!(
            normalise_name("  SUNRISE  manpower pvt-ltd "),
            "sunrise manpower pvt ltd"
        );
        assert_eq!(match_key("Sunrise", Some("NP")), "sunrise|NP");
        assert_ne!(match_key("Sunrise", Some("NP")), match_key("Sunrise", None));
    }
}
