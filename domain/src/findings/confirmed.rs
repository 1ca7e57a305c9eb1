use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use crate::{clock, entities::finding, error::DomainError};

use super::status;

/// A finding a person raises and vouches for at once: added by hand, raised from
/// a confirmed worker-voice case, or from a confirmed screening hit. Its values are
/// already checked.
#[derive(Debug, Clone)]
pub struct ConfirmedFinding {
    /// The tenant.
    pub company_id: Uuid,
    /// The supplier it is about.
    pub supplier_id: Uuid,
    /// The assessment it belongs to, if any.
    pub assessment_id: Option<Uuid>,
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// No score can offset it.
    pub zero_tolerance: bool,
    /// An indicator key.
    pub indicator: String,
    /// The question it concerns, if any.
    pub question_key: Option<String>,
    /// Short title.
    pub title: String,
    /// What was found.
    pub detail: String,
    /// `manual`, `worker_voice` or `screening`.
    pub source: &'static str,
}

/// Stores `input` as an open finding confirmed by `actor` now.
pub async fn insert_confirmed<C: ConnectionTrait>(
    db: &C,
    input: ConfirmedFinding,
    actor: Uuid,
) -> Result<finding::Model, DomainError> {
    let now = clock::now();
    Ok(finding::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(input.company_id),
        supplier_id: Set(input.supplier_id),
        assessment_id: Set(input.assessment_id),
        fee_audit_id: Set(None),
        severity: Set(input.severity),
        zero_tolerance: Set(input.zero_tolerance),
        indicator: Set(input.indicator),
        question_key: Set(input.question_key),
        title: Set(input.title),
        detail: Set(input.detail),
        status: Set(status::OPEN.into()),
        source: Set(input.source.into()),
        created_by: Set(Some(actor)),
        created_at: Set(now),
        updated_at: Set(now),
        confirmed_at: Set(Some(now)),
        confirmed_by: Set(Some(actor)),
    }
    .insert(db)
    .await?)
}
