//! A company's own inherent-risk figures (country or sector) that replace the
//! shipped reference figures in its scoring. Replacing the set re-scores the
//! company's suppliers (their latest scored assessment), in the same transaction.

use std::collections::BTreeMap;

/// The number type of a risk value (re-exported so the doors parse it without
/// depending on the database crate).
pub use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{organization, risk_override},
    error::{DomainError, FieldError},
    reference,
    values::{CountryCode, Lines, refuse_control_characters},
};

/// One override as submitted.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideInput {
    /// Risk 0–100.
    pub risk: Decimal,
    /// Why.
    #[serde(default)]
    pub note: Option<String>,
}

/// The whole set a company submits: `{countries: {"NP": {...}}, sectors: {...}}`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideSet {
    /// By ISO country code.
    #[serde(default)]
    pub countries: BTreeMap<String, OverrideInput>,
    /// By sector key.
    #[serde(default)]
    pub sectors: BTreeMap<String, OverrideInput>,
}

fn check_risk(field: String, risk: Decimal, errors: &mut Vec<FieldError>) {
    if risk < Decimal::ZERO || risk > Decimal::ONE_HUNDRED {
        errors.push(FieldError::new(field, "risk must be between 0 and 100"));
    }
}

/// A note says why, in a sentence or a few lines: no other control character.
fn check_note(field: String, note: Option<&str>, errors: &mut Vec<FieldError>) {
    if let Some(Err(message)) = note.map(|n| refuse_control_characters(n, Lines::Many)) {
        errors.push(FieldError::new(field, message));
    }
}

/// The company's overrides, countries first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Vec<risk_override::Model>, DomainError> {
    Ok(risk_override::Entity::find()
        .filter(risk_override::Column::CompanyId.eq(company_id))
        .order_by_asc(risk_override::Column::Kind)
        .order_by_asc(risk_override::Column::Key)
        .all(db)
        .await?)
}

/// Replaces the company's overrides with `set` (an empty set removes them all),
/// then queues a re-score of every supplier's latest scored assessment.
pub async fn replace<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    actor: Uuid,
    set: OverrideSet,
) -> Result<Vec<risk_override::Model>, DomainError> {
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for (code, input) in &set.countries {
        match CountryCode::parse(code) {
            Ok(country) => rows.push(("country", country.to_string(), input)),
            Err(message) => errors.push(FieldError::new(format!("countries.{code}"), message)),
        }
        check_risk(format!("countries.{code}.risk"), input.risk, &mut errors);
        check_note(
            format!("countries.{code}.note"),
            input.note.as_deref(),
            &mut errors,
        );
    }
    for (key, input) in &set.sectors {
        if reference::sector(key).is_none() {
            errors.push(FieldError::new(
                format!("sectors.{key}"),
                "is not a known sector key",
            ));
        }
        rows.push(("sector", key.clone(), input));
        check_risk(format!("sectors.{key}.risk"), input.risk, &mut errors);
        check_note(format!("sectors.{key}.note"), input.note.as_deref(), &mut errors);
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    // Two replacements at once must not interleave their delete and inserts (on
    // PostgreSQL the second delete does not see the first's new rows, and its inserts
    // then collide): the company row is locked until commit. SQLite serialises
    // writers anyway (BEGIN IMMEDIATE).
    organization::Entity::find_by_id(company_id)
        .lock_exclusive()
        .one(db)
        .await?;
    let before = list(db, company_id).await?.len();
    risk_override::Entity::delete_many()
        .filter(risk_override::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    let now = clock::now();
    for (kind, key, input) in rows {
        risk_override::ActiveModel {
            id: Set(Uuid::now_v7()),
            company_id: Set(company_id),
            kind: Set(kind.into()),
            key: Set(key),
            risk: Set(input.risk.normalize().to_string()),
            note: Set(input.note.clone().filter(|n| !n.trim().is_empty())),
            updated_by: Set(Some(actor)),
            updated_at: Set(now),
        }
        .insert(db)
        .await?;
    }
    let after = list(db, company_id).await?;
    rescore_company(db, company_id).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(actor),
            action: "risk_overrides.replaced",
            entity_type: "organization",
            entity_id: Some(company_id),
            before: Some(serde_json::json!({"overrides": before})),
            after: Some(serde_json::json!({"overrides": after.len()})),
        },
    )
    .await?;
    Ok(after)
}

/// Queues a re-score of each supplier's latest scored or approved assessment.
pub async fn rescore_company<C: ConnectionTrait>(db: &C, company_id: Uuid) -> Result<usize, DomainError> {
    crate::assessments::rescore_company(db, company_id).await
}

/// A country's risk for the company's scoring: its override, else the reference
/// figure, else 0 (a code the reference does not know).
pub async fn country_risk<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    country: &str,
) -> Result<Decimal, DomainError> {
    let overridden = risk_override::Entity::find()
        .filter(risk_override::Column::CompanyId.eq(company_id))
        .filter(risk_override::Column::Kind.eq("country"))
        .filter(risk_override::Column::Key.eq(country))
        .one(db)
        .await?
        .and_then(|o| o.risk.parse::<Decimal>().ok());
    Ok(overridden.unwrap_or_else(|| {
        CountryCode::parse(country)
            .ok()
            .and_then(|c| reference::country(&c))
            .map(|c| c.risk)
            .unwrap_or(Decimal::ZERO)
    }))
}

/// The inherent-risk inputs for a supplier's country and sector, with the
/// company's overrides applied (and flagged as such).
pub async fn inherent_inputs<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    country: &str,
    sector: &str,
) -> Result<InherentInputs, DomainError> {
    Ok(inherent_from(&list(db, company_id).await?, country, sector))
}

/// The inherent-risk inputs from the company's overrides already read (scoring
/// reads those of many companies in one query).
pub fn inherent_from(overrides: &[risk_override::Model], country: &str, sector: &str) -> InherentInputs {
    let find = |kind: &str, key: &str| {
        overrides
            .iter()
            .find(|o| o.kind == kind && o.key == key)
            .and_then(|o| o.risk.parse::<Decimal>().ok())
    };
    let reference_country = CountryCode::parse(country)
        .ok()
        .and_then(|c| reference::country(&c))
        .map(|c| c.risk)
        .unwrap_or(Decimal::ZERO);
    let reference_sector = reference::sector(sector).map(|s| s.risk).unwrap_or(Decimal::ZERO);
    let country_override = find("country", country);
    let sector_override = find("sector", sector);
    InherentInputs {
        country: country.to_string(),
        country_risk: country_override.unwrap_or(reference_country),
        country_overridden: country_override.is_some(),
        sector: sector.to_string(),
        sector_risk: sector_override.unwrap_or(reference_sector),
        sector_overridden: sector_override.is_some(),
    }
}

/// Country and sector risk as scoring uses them.
#[derive(Debug, Clone, PartialEq)]
pub struct InherentInputs {
    /// Country code.
    pub country: String,
    /// Its risk (override or reference).
    pub country_risk: Decimal,
    /// Whether the company overrides it.
    pub country_overridden: bool,
    /// Sector key.
    pub sector: String,
    /// Its risk (override or reference).
    pub sector_risk: Decimal,
    /// Whether the company overrides it.
    pub sector_overridden: bool,
}
