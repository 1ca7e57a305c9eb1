//! Referring a worker to a service of the company's directory, from their case.
//! A referral is recorded only with the worker's consent — how it was given and
//! when — because passing a worker's situation to an outside service without it
//! can put them at risk; later the handler records its outcome (one of
//! [`OUTCOMES`]) with a note, sealed at rest like the case's other words.
//! Audited without the note.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::seal::VoiceKey;
use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::{referral_service, voice_case, voice_case_referral},
    error::{DomainError, FieldError},
    values::MultilineText,
};

/// How a worker may have consented.
pub const CONSENT_METHODS: [&str; 3] = ["in_message", "verbal", "written"];

/// What became of a referral.
pub const OUTCOMES: [&str; 5] = [
    "contacted_by_service",
    "assisted",
    "declined_by_worker",
    "service_unreachable",
    "no_response",
];

/// The longest outcome note, in characters.
pub const MAX_NOTE: usize = 2000;

/// A referral as sent.
#[derive(Debug, Clone, Default)]
pub struct ReferralForm {
    /// A service of the company's directory.
    pub service_id: Option<Uuid>,
    /// The worker said yes.
    pub consent_given: Option<bool>,
    /// One of [`CONSENT_METHODS`].
    pub consent_method: Option<String>,
    /// When the worker consented (default: now); never in the future.
    pub consent_at: Option<DateTime<Utc>>,
}

/// A checked referral.
#[derive(Debug, Clone)]
pub struct NewReferral {
    service_id: Uuid,
    consent_method: &'static str,
    consent_at: DateTime<Utc>,
}

impl NewReferral {
    /// Checks every field: without the worker's consent there is no referral.
    pub fn parse(form: ReferralForm) -> Result<Self, DomainError> {
        let mut errors = Vec::new();
        if form.service_id.is_none() {
            errors.push(FieldError::new("service_id", "choose a service of the directory"));
        }
        if form.consent_given != Some(true) {
            errors.push(FieldError::new(
                "consent_given",
                "a worker is referred only with their consent: record it first",
            ));
        }
        let method = CONSENT_METHODS
            .into_iter()
            .find(|m| form.consent_method.as_deref().map(str::trim) == Some(*m));
        if method.is_none() {
            errors.push(FieldError::new(
                "consent_method",
                format!("must be one of {}", CONSENT_METHODS.join(", ")),
            ));
        }
        let now = clock::now();
        let consent_at = form.consent_at.unwrap_or(now);
        if consent_at > now {
            errors.push(FieldError::new("consent_at", "must not be in the future"));
        }
        match (form.service_id, method) {
            (Some(service_id), Some(consent_method)) if errors.is_empty() => Ok(Self {
                service_id,
                consent_method,
                consent_at,
            }),
            _ => Err(DomainError::Invalid(errors)),
        }
    }
}

/// Records a referral on `case` by `actor` (the caller checked it may handle it).
pub async fn refer<C: ConnectionTrait>(
    db: &C,
    case: &voice_case::Model,
    actor: Uuid,
    new: NewReferral,
) -> Result<voice_case_referral::Model, DomainError> {
    let service = referral_service::Entity::find_by_id(new.service_id)
        .one(db)
        .await?
        .filter(|s| s.company_id == case.company_id)
        .ok_or_else(|| DomainError::invalid("service_id", "is not a service of this company's directory"))?;
    let row = voice_case_referral::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(case.company_id),
        case_id: Set(case.id),
        service_id: Set(service.id),
        consent_method: Set(new.consent_method.into()),
        consent_at: Set(new.consent_at),
        outcome: Set(None),
        outcome_note_sealed: Set(None),
        outcome_at: Set(None),
        created_by: Set(Some(actor)),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action: "voice_referral.recorded",
            entity_type: "voice_case",
            entity_id: Some(case.id),
            before: None,
            after: Some(serde_json::json!({
                "referral_id": row.id, "service_id": row.service_id,
                "consent_method": row.consent_method, "consent_at": row.consent_at
            })),
        },
    )
    .await?;
    Ok(row)
}

/// Referral `id` with its case, for staff who may handle the case (not a
/// read-only key); `NotFound` for anyone else.
pub async fn handled<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(voice_case_referral::Model, voice_case::Model), DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("referral");
    let row = voice_case_referral::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    let (case, _) = super::cases::readable(db, caller, row.case_id)
        .await
        .map_err(|_| NOT_FOUND)?;
    super::cases::require_handler(caller, case.company_id)?;
    Ok((row, case))
}

/// Records the outcome of `referral`, with a note (sealed).
pub async fn record_outcome<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    referral: voice_case_referral::Model,
    actor: Uuid,
    outcome: &str,
    note: &str,
) -> Result<voice_case_referral::Model, DomainError> {
    let mut errors = Vec::new();
    let outcome = OUTCOMES.into_iter().find(|o| *o == outcome.trim());
    if outcome.is_none() {
        errors.push(FieldError::new(
            "outcome",
            format!("must be one of {}", OUTCOMES.join(", ")),
        ));
    }
    let note = if note.trim().is_empty() {
        None
    } else {
        match MultilineText::parse(note, MAX_NOTE) {
            Ok(text) => Some(text.into_inner()),
            Err(message) => {
                errors.push(FieldError::new("note", message));
                None
            }
        }
    };
    let Some(outcome) = outcome.filter(|_| errors.is_empty()) else {
        return Err(DomainError::Invalid(errors));
    };
    let before = referral.outcome.clone();
    let sealed = match &note {
        Some(text) => Some(key.seal(referral.id, text)?),
        None => None,
    };
    let mut active = referral.into_active_model();
    active.outcome = Set(Some(outcome.into()));
    active.outcome_note_sealed = Set(sealed);
    active.outcome_at = Set(Some(clock::now()));
    let row = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action: "voice_referral.outcome",
            entity_type: "voice_case",
            entity_id: Some(row.case_id),
            before: Some(serde_json::json!({"referral_id": row.id, "outcome": before})),
            after: Some(serde_json::json!({"referral_id": row.id, "outcome": row.outcome})),
        },
    )
    .await?;
    Ok(row)
}

/// A case's referrals, oldest first, each with its opened note.
pub async fn of_case<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    case_id: Uuid,
) -> Result<Vec<(voice_case_referral::Model, Option<String>)>, DomainError> {
    let rows = voice_case_referral::Entity::find()
        .filter(voice_case_referral::Column::CaseId.eq(case_id))
        .order_by_asc(voice_case_referral::Column::CreatedAt)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let note = match &row.outcome_note_sealed {
            Some(sealed) => Some(key.open(row.id, sealed)?),
            None => None,
        };
        out.push((row, note));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_consent_no_referral() {
        let form = ReferralForm {
            service_id: Some(Uuid::nil()),
            consent_given: Some(true),
            consent_method: Some("verbal".into()),
            consent_at: None,
        };
        assert!(NewReferral::parse(form.clone()).is_ok());
        let Err(DomainError::Invalid(errors)) = NewReferral::parse(ReferralForm {
            consent_given: None,
            ..form.clone()
        }) else {
            panic!("referred without consent");
        };
        assert_eq!(errors[0].field, "consent_given");
        assert!(
            NewReferral::parse(ReferralForm {
                consent_at: Some(clock::now() + chrono::Duration::days(1)),
                ..form
            })
            .is_err()
        );
    }
}
