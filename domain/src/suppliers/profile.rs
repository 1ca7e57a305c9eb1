//! A supplier's declared profile (issue #19): workforce size, the share of
//! migrant workers, and the countries workers come from with each one's share.
//! Shares are fractions 0–1, like `share_of_workers_who_paid` in the API
//! contract. Scoring model 2 reads the origins through [`declared_origins`].

use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{supplier, supplier_profile},
    error::{DomainError, FieldError},
    values::CountryCode,
};

/// The largest workforce accepted: a typo guard well above any one site.
const MAX_WORKFORCE: i64 = 10_000_000;

/// Countries workers come from, with the share of the workforce from each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerOrigin {
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    /// Share of the workers, in (0, 1].
    pub share: Decimal,
}

/// A stored profile; every figure may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupplierProfile {
    /// Workers at the site.
    pub workforce_size: Option<i64>,
    /// Share 0–1 of migrant workers.
    pub migrant_worker_share: Option<Decimal>,
    /// Declared origins, in the order given.
    pub worker_origins: Vec<WorkerOrigin>,
}

/// Changes to a profile, already parsed: `None` leaves a figure alone,
/// `Some(None)` clears it; `Some(vec![])` clears the origins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileChanges {
    /// New workforce size.
    pub workforce_size: Option<Option<i64>>,
    /// New migrant share.
    pub migrant_worker_share: Option<Option<Decimal>>,
    /// New origins (replacing every declared origin).
    pub worker_origins: Option<Vec<WorkerOrigin>>,
}

impl ProfileChanges {
    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        self.workforce_size.is_none() && self.migrant_worker_share.is_none() && self.worker_origins.is_none()
    }
}

/// A workforce size: a whole number of workers, 0 or more.
pub fn parse_workforce_size(raw: i64) -> Result<i64, String> {
    if (0..=MAX_WORKFORCE).contains(&raw) {
        Ok(raw)
    } else {
        Err(format!(
            "must be a whole number of workers from 0 to {MAX_WORKFORCE}"
        ))
    }
}

/// A workforce size typed in a form or a CSV cell; empty means unknown.
pub fn parse_workforce_text(raw: &str) -> Result<Option<i64>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>()
        .map_err(|_| format!("'{raw}' is not a whole number of workers"))
        .and_then(parse_workforce_size)
        .map(Some)
}

/// A share of migrant workers: a fraction from 0 to 1 (0.35 for 35%).
pub fn parse_migrant_share(raw: Decimal) -> Result<Decimal, String> {
    if raw >= Decimal::ZERO && raw <= Decimal::ONE {
        Ok(raw.normalize())
    } else {
        Err("must be a fraction from 0 to 1 (0.35 for 35%)".into())
    }
}

/// A share typed in a form or a CSV cell; empty means unknown.
pub fn parse_share_text(raw: &str) -> Result<Option<Decimal>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<Decimal>()
        .map_err(|_| format!("'{raw}' is not a number (write a fraction from 0 to 1, 0.35 for 35%)"))
        .and_then(parse_migrant_share)
        .map(Some)
}

/// Checks declared origins: each country an ISO 3166-1 alpha-2 code, each share in
/// (0, 1], no country twice, shares adding up to at most 1 (the rest may be
/// undeclared). Errors name `{field}[i].country`, `{field}[i].share` or `{field}`.
pub fn parse_origins(field: &str, raw: &[(String, Decimal)]) -> Result<Vec<WorkerOrigin>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut origins: Vec<WorkerOrigin> = Vec::new();
    for (i, (country, share)) in raw.iter().enumerate() {
        let code = CountryCode::parse(country)
            .map_err(|m| errors.push(FieldError::new(format!("{field}[{i}].country"), m)))
            .ok();
        if *share <= Decimal::ZERO || *share > Decimal::ONE {
            errors.push(FieldError::new(
                format!("{field}[{i}].share"),
                "must be a fraction above 0 and at most 1 (0.4 for 40%)",
            ));
        }
        if let Some(code) = code {
            if origins.iter().any(|o| o.country == code.as_str()) {
                errors.push(FieldError::new(
                    format!("{field}[{i}].country"),
                    format!("{} is listed twice", code.as_str()),
                ));
            }
            origins.push(WorkerOrigin {
                country: code.as_str().to_string(),
                share: share.normalize(),
            });
        }
    }
    let total: Decimal = raw.iter().map(|(_, s)| *s).sum();
    if total > Decimal::ONE {
        errors.push(FieldError::new(
            field,
            format!("the shares add up to {total}, more than 1 (all the workers)"),
        ));
    }
    if errors.is_empty() {
        Ok(origins)
    } else {
        Err(errors)
    }
}

/// Origins typed as text, `NP:0.4; BD:0.25` (pairs separated by `;` or new
/// lines), as the portal form and the CSV column take them; empty means none.
pub fn parse_origins_text(field: &str, raw: &str) -> Result<Vec<WorkerOrigin>, Vec<FieldError>> {
    // Line breaks separate origins; any other control character is refused.
    if let Err(message) = crate::values::refuse_control_characters(raw, crate::values::Lines::Many) {
        return Err(vec![FieldError::new(field, message)]);
    }
    let mut pairs = Vec::new();
    for part in raw.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let Some((country, share)) = part.split_once(':') else {
            return Err(vec![FieldError::new(
                field,
                format!("'{part}' is not COUNTRY:SHARE (for example NP:0.4)"),
            )]);
        };
        let Ok(share) = share.trim().parse::<Decimal>() else {
            return Err(vec![FieldError::new(
                field,
                format!("'{}' in '{part}' is not a number (0.4 for 40%)", share.trim()),
            )]);
        };
        pairs.push((country.trim().to_string(), share));
    }
    parse_origins(field, &pairs)
}

/// Origins written back as text, in the form [`parse_origins_text`] reads.
pub fn origins_text(origins: &[WorkerOrigin]) -> String {
    origins
        .iter()
        .map(|o| format!("{}:{}", o.country, o.share))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A share as a percentage for people to read: `0.35` → `35%`.
pub fn as_percent(share: Decimal) -> String {
    format!("{}%", (share * Decimal::ONE_HUNDRED).normalize())
}

fn from_row(row: &supplier_profile::Model) -> Result<SupplierProfile, DomainError> {
    from_stored(
        row.supplier_id,
        row.workforce_size,
        row.migrant_worker_share.as_deref(),
        row.worker_origins.clone(),
    )
}

/// A profile from its stored columns (a row, or the columns of a list's page
/// read as one row: [`super::page`]).
pub(crate) fn from_stored(
    supplier_id: Uuid,
    workforce_size: Option<i64>,
    migrant_worker_share: Option<&str>,
    worker_origins: serde_json::Value,
) -> Result<SupplierProfile, DomainError> {
    let worker_origins = serde_json::from_value(worker_origins)
        .map_err(|e| DomainError::Internal(format!("stored origins of {supplier_id} do not parse: {e}")))?;
    let migrant_worker_share = migrant_worker_share
        .map(str::parse::<Decimal>)
        .transpose()
        .map_err(|e| {
            DomainError::Internal(format!(
                "stored migrant share of {supplier_id} does not parse: {e}"
            ))
        })?;
    Ok(SupplierProfile {
        workforce_size,
        migrant_worker_share,
        worker_origins,
    })
}

/// The supplier's profile; an empty one if none was declared.
pub async fn profile_of<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
) -> Result<SupplierProfile, DomainError> {
    match supplier_profile::Entity::find_by_id(supplier_id).one(db).await? {
        Some(row) => from_row(&row),
        None => Ok(SupplierProfile::default()),
    }
}

/// The profiles of these suppliers (those without one are left out).
pub async fn profiles_of<C: ConnectionTrait>(
    db: &C,
    supplier_ids: impl IntoIterator<Item = Uuid>,
) -> Result<std::collections::HashMap<Uuid, SupplierProfile>, DomainError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let rows = supplier_profile::Entity::find()
        .filter(supplier_profile::Column::SupplierId.is_in(supplier_ids))
        .all(db)
        .await?;
    rows.iter()
        .map(|row| Ok((row.supplier_id, from_row(row)?)))
        .collect()
}

/// The countries the supplier declared its workers come from, with each share
/// (0–1), for the scoring engine's `origin_risk`; empty when none were declared.
pub async fn declared_origins<C: ConnectionTrait>(
    conn: &C,
    supplier_id: Uuid,
) -> Result<Vec<(CountryCode, Decimal)>, DomainError> {
    declared_in(profile_of(conn, supplier_id).await?)
}

/// The declared origins of a profile already read (scoring reads many at once).
pub fn declared_in(profile: SupplierProfile) -> Result<Vec<(CountryCode, Decimal)>, DomainError> {
    profile
        .worker_origins
        .into_iter()
        .map(|o| {
            CountryCode::parse(&o.country)
                .map(|code| (code, o.share))
                .map_err(DomainError::Internal)
        })
        .collect()
}

fn summary(p: &SupplierProfile) -> serde_json::Value {
    serde_json::json!({
        "workforce_size": p.workforce_size,
        "migrant_worker_share": p.migrant_worker_share.map(|s| s.to_string()),
        "worker_origins": origins_text(&p.worker_origins),
    })
}

/// Applies the changes to the supplier's profile (creating it on first use) and
/// records them in the audit trail; nothing is written when nothing changes.
pub async fn update_profile<C: ConnectionTrait>(
    db: &C,
    supplier: &supplier::Model,
    actor: Uuid,
    changes: ProfileChanges,
) -> Result<SupplierProfile, DomainError> {
    let existing = supplier_profile::Entity::find_by_id(supplier.id).one(db).await?;
    let before = match &existing {
        Some(row) => from_row(row)?,
        None => SupplierProfile::default(),
    };
    if changes.is_empty() {
        return Ok(before);
    }
    let mut after = before.clone();
    if let Some(size) = changes.workforce_size {
        after.workforce_size = size;
    }
    if let Some(share) = changes.migrant_worker_share {
        after.migrant_worker_share = share;
    }
    if let Some(origins) = changes.worker_origins {
        after.worker_origins = origins;
    }
    let origins = serde_json::to_value(&after.worker_origins)?;
    let share = after.migrant_worker_share.map(|s| s.to_string());
    match existing {
        Some(row) => {
            let mut active = row.into_active_model();
            active.workforce_size = Set(after.workforce_size);
            active.migrant_worker_share = Set(share);
            active.worker_origins = Set(origins);
            active.updated_by = Set(Some(actor));
            active.updated_at = Set(clock::now());
            active.update(db).await?;
        }
        None => {
            supplier_profile::ActiveModel {
                supplier_id: Set(supplier.id),
                workforce_size: Set(after.workforce_size),
                migrant_worker_share: Set(share),
                worker_origins: Set(origins),
                updated_by: Set(Some(actor)),
                updated_at: Set(clock::now()),
            }
            .insert(db)
            .await?;
        }
    }
    audit::record(
        db,
        AuditEntry {
            company_id: Some(supplier.company_id),
            actor_user_id: Some(actor),
            action: "supplier.profile_updated",
            entity_type: "supplier",
            entity_id: Some(supplier.id),
            before: Some(summary(&before)),
            after: Some(summary(&after)),
        },
    )
    .await?;
    // The declared origins feed the inherent risk (`origin_risk`): a scored
    // supplier is scored again with them.
    if before.worker_origins != after.worker_origins {
        crate::assessments::rescore_supplier(db, supplier.id).await?;
    }
    Ok(after)
}

#[cfg(test)]
mod tests;
