//! Requesting a pack: the row, its `render_evidence_pack` job and the audit
//! entry, in one transaction.

use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use uuid::Uuid;

use super::{ATTEMPTS, Regime, RenderEvidencePack, status};
use crate::{
    access::{Caller, readable},
    audit::{self, AuditEntry},
    clock,
    database::Database,
    entities::evidence_pack,
    error::{DomainError, FieldError},
    jobs::{self, JobOptions},
    transaction::BeginWrite as _,
    values::Locale,
};

/// What a client asks for, as typed.
#[derive(Debug, Clone, Default)]
pub struct NewEvidencePack {
    /// `uflpa` or `eu_flr`.
    pub regime: String,
    /// `en`, `es` or `fr` (default `en`).
    pub locale: Option<String>,
}

/// Both fields parsed, every problem at once.
fn parse(input: &NewEvidencePack) -> Result<(Regime, Locale), DomainError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let regime = match Regime::parse(&input.regime) {
        Ok(regime) => Some(regime),
        Err(DomainError::Invalid(found)) => {
            errors.extend(found);
            None
        }
        Err(other) => return Err(other),
    };
    let locale = match input.locale.as_deref().map(str::trim) {
        None | Some("") => Some(Locale::En),
        Some(raw) => Locale::parse(raw),
    };
    if locale.is_none() {
        errors.push(FieldError::new("locale", "must be one of en, es, fr"));
    }
    match (regime, locale) {
        (Some(regime), Some(locale)) if errors.is_empty() => Ok((regime, locale)),
        _ => Err(DomainError::Invalid(errors)),
    }
}

/// Queues a pack of supplier `supplier_id` (the company's reviewers, as for
/// advisory reports). `NotFound` for a supplier the caller cannot read;
/// `Invalid` for a bad regime or locale, with nothing stored.
pub async fn request_pack(
    db: &Database,
    caller: &Caller,
    supplier_id: Uuid,
    input: &NewEvidencePack,
) -> Result<evidence_pack::Model, DomainError> {
    let (found, access) = readable::supplier(db, caller, supplier_id).await?;
    caller.reviewer(access)?;
    let (regime, locale) = parse(input)?;
    let txn = db.begin_write().await?;
    let row = evidence_pack::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(found.company_id),
        supplier_id: Set(found.id),
        regime: Set(regime.as_str().to_string()),
        locale: Set(locale.code().to_string()),
        status: Set(status::QUEUED.to_string()),
        requested_by: Set(Some(caller.user_id)),
        json_key: Set(None),
        pdf_key: Set(None),
        zip_key: Set(None),
        json_size: Set(None),
        pdf_size: Set(None),
        zip_size: Set(None),
        json_sha256: Set(None),
        pdf_sha256: Set(None),
        zip_sha256: Set(None),
        error: Set(None),
        created_at: Set(clock::now()),
        ready_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let options = JobOptions {
        max_attempts: ATTEMPTS,
        ..JobOptions::default()
    };
    jobs::enqueue(&txn, &RenderEvidencePack { pack_id: row.id }, options).await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(caller.user_id),
            action: "evidence_pack.requested",
            entity_type: "evidence_pack",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({
                "supplier_id": row.supplier_id,
                "regime": row.regime,
                "locale": row.locale,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}
