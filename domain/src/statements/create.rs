//! Drafting a statement: the areas of its regime, the figures of its period, a
//! first text per area (version 1), the render job and the audit entry, in one
//! transaction.

use crate::database::Database;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use uuid::Uuid;

use super::{
    RenderStatement, StoredSection,
    figures::{self, Labeller, Period},
    i18n,
    regimes::{Figures, Regime},
};
use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::{statement, statement_version},
    error::{DomainError, FieldError},
    jobs::{self, JobOptions},
    transaction::BeginWrite as _,
    values::Locale,
};

/// What a client asks for, as typed.
#[derive(Debug, Clone, Default)]
pub struct NewStatement {
    /// `uk_msa`, `au_msa` or `ca_s211`.
    pub regime: String,
    /// `YYYY-MM-DD`.
    pub period_start: String,
    /// `YYYY-MM-DD`.
    pub period_end: String,
    /// `en`, `es` or `fr` (default `en`).
    pub locale: Option<String>,
}

/// The request parsed: every problem at once, so a form shows them all.
fn parse(input: &NewStatement) -> Result<(Regime, Period, Locale), DomainError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let regime = keep(&mut errors, Regime::parse(&input.regime));
    let period = keep(&mut errors, Period::parse(&input.period_start, &input.period_end));
    let locale = keep(
        &mut errors,
        match input.locale.as_deref().map(str::trim) {
            None | Some("") => Ok(Locale::En),
            Some(raw) => {
                Locale::parse(raw).ok_or_else(|| DomainError::invalid("locale", "must be one of en, es, fr"))
            }
        },
    );
    match (regime, period, locale) {
        (Some(regime), Some(period), Some(locale)) if errors.is_empty() => Ok((regime, period, locale)),
        _ => Err(DomainError::Invalid(errors)),
    }
}

/// The value, or its field errors added to `errors`.
fn keep<T>(errors: &mut Vec<FieldError>, result: Result<T, DomainError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(DomainError::Invalid(found)) => {
            errors.extend(found);
            None
        }
        Err(_) => None,
    }
}

/// Drafts a statement of `company_id` (officers and admins). `Invalid` for a bad
/// regime, period or locale, with nothing stored.
pub async fn create_statement(
    db: &Database,
    caller: &Caller,
    company_id: Uuid,
    input: &NewStatement,
) -> Result<statement::Model, DomainError> {
    caller.company_manager(company_id)?;
    let (regime, period, locale) = parse(input)?;
    let counted = figures::count(db, caller, company_id, period).await?;
    let labeller = Labeller {
        locale: locale.code(),
        company_id,
        period,
    };
    let now = clock::now();
    let id = Uuid::now_v7();
    let mut sections = Vec::new();
    let mut texts = Vec::new();
    for area in regime.areas() {
        let draft = match (area.key, area.figures) {
            ("questionnaire", _) => i18n::text(locale.code(), "draft-questionnaire"),
            (_, Figures::None) => i18n::with(locale.code(), "draft-none", "period", &period.label()),
            _ => i18n::with(locale.code(), "draft", "period", &period.label()),
        };
        texts.push((area.key, draft));
        sections.push(StoredSection {
            key: area.key.to_string(),
            title: i18n::text(locale.code(), area.title),
            basis: format!("{} — {}", area.provision, area.url),
            figures: labeller.figures(area.figures, &counted),
        });
    }
    let txn = db.begin_write().await?;
    let row = statement::ActiveModel {
        id: Set(id),
        company_id: Set(company_id),
        regime: Set(regime.as_str().to_string()),
        period_start: Set(period.start),
        period_end: Set(period.end),
        locale: Set(locale.code().to_string()),
        sections: Set(serde_json::to_value(&sections)?),
        revision: Set(1),
        rendered_revision: Set(None),
        pdf_key: Set(None),
        docx_key: Set(None),
        created_by: Set(caller.user_id),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for (key, text) in texts {
        statement_version::ActiveModel {
            id: Set(Uuid::now_v7()),
            statement_id: Set(id),
            section_key: Set(key.to_string()),
            version: Set(1),
            text: Set(text),
            author_id: Set(caller.user_id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    jobs::enqueue(&txn, &RenderStatement { statement_id: id }, JobOptions::default()).await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(caller.user_id),
            action: "statement.created",
            entity_type: "statement",
            entity_id: Some(id),
            before: None,
            after: Some(serde_json::json!({
                "regime": row.regime,
                "period_start": row.period_start,
                "period_end": row.period_end,
                "locale": row.locale,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}
