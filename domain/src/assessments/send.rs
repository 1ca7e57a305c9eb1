use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{assessment, organization, questionnaire, supplier},
    error::DomainError,
    values::Locale,
};

/// Sending a questionnaire to a supplier, already checked by the caller: the
/// supplier and questionnaire belong to (or are visible to) the company.
#[derive(Debug, Clone)]
pub struct SendAssessment {
    /// The company sending it.
    pub company: organization::Model,
    /// The supplier receiving it.
    pub supplier: supplier::Model,
    /// The questionnaire.
    pub questionnaire: questionnaire::Model,
    /// When answers are due.
    pub due_date: NaiveDate,
    /// Who sends it.
    pub actor: Uuid,
    /// Base of links in emails.
    pub public_url: String,
}

/// Creates the assessment (`sent`) and emails the supplier's users and contact,
/// on `db` (the caller's transaction).
pub async fn send_assessment<C: ConnectionTrait>(
    db: &C,
    input: SendAssessment,
) -> Result<assessment::Model, DomainError> {
    if input.supplier.archived_at.is_some() {
        return Err(DomainError::invalid("supplier_id", "this supplier is archived"));
    }
    if input.due_date < clock::now().date_naive() {
        return Err(DomainError::invalid("due_date", "must be today or later"));
    }
    let now = clock::now();
    let locale = Locale::parse(&input.company.locale).unwrap_or_default();
    let row = assessment::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(input.company.id),
        supplier_id: Set(input.supplier.id),
        questionnaire_id: Set(input.questionnaire.id),
        status: Set(super::status::SENT.into()),
        due_date: Set(input.due_date),
        locale: Set(locale.code().into()),
        submitted_at: Set(None),
        scored_at: Set(None),
        score: Set(None),
        risk_band: Set(None),
        score_breakdown: Set(None),
        review_comment: Set(None),
        created_by: Set(Some(input.actor)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    // The company list's total, kept in this transaction (issue #23).
    crate::list_totals::adjust(db, row.company_id, crate::list_totals::Counted::Assessments, 1).await?;
    let definition = crate::questionnaire::store::definition_of(&input.questionnaire)?;
    super::carry_over(db, &row, &definition).await?;
    let title: crate::questionnaire::LocalizedText =
        serde_json::from_value(input.questionnaire.title.clone()).unwrap_or_default();
    // Each of the supplier's people gets a link of their own that opens this
    // assessment without an account (issue #24).
    crate::supplier_links::email_links(
        db,
        crate::supplier_links::EmailLinks {
            company: &input.company,
            supplier: &input.supplier,
            assessment: &row,
            title: &title,
            actor: Some(input.actor),
            public_url: &input.public_url,
        },
    )
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(input.company.id),
            actor_user_id: Some(input.actor),
            action: "assessment.sent",
            entity_type: "assessment",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"supplier_id": row.supplier_id, "questionnaire_id": row.questionnaire_id, "due_date": row.due_date})),
        },
    )
    .await?;
    Ok(row)
}
