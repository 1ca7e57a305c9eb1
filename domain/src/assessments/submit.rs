use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::assessment,
    error::{DomainError, FieldError},
    jobs::{self, JobOptions},
    questionnaire::{Definition, answers::missing_required},
};

/// The payload of a `score_assessment` job.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ScoreAssessment {
    /// The assessment to score.
    pub assessment_id: Uuid,
}

impl jobs::Job for ScoreAssessment {
    const KIND: &'static str = "score_assessment";
}

/// Submits: every asked, required question must be answered (else `Invalid`
/// listing every missing key); sets `submitted` and queues `score_assessment` in
/// the same transaction. A second submit is a `Conflict`.
pub async fn submit_assessment<C: ConnectionTrait>(
    db: &C,
    current: assessment::Model,
    definition: &Definition,
    actor: Uuid,
) -> Result<assessment::Model, DomainError> {
    if !super::status::editable(&current.status) {
        return Err(DomainError::Conflict(format!(
            "this assessment is already {}",
            current.status
        )));
    }
    let answers = super::load_answers(db, current.id).await?;
    let missing = missing_required(definition, &answers);
    if !missing.is_empty() {
        return Err(DomainError::Invalid(
            missing
                .into_iter()
                .map(|key| FieldError::new(key, "is required"))
                .collect(),
        ));
    }
    let before = current.status.clone();
    let now = clock::now();
    // A conditional update, so two concurrent submits cannot both succeed.
    let claimed = assessment::Entity::update_many()
        .col_expr(assessment::Column::Status, Expr::value(super::status::SUBMITTED))
        .col_expr(assessment::Column::SubmittedAt, Expr::value(Some(now)))
        .col_expr(assessment::Column::UpdatedAt, Expr::value(now))
        .filter(assessment::Column::Id.eq(current.id))
        .filter(assessment::Column::Status.eq(before.as_str()))
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(DomainError::Conflict("this assessment was just submitted".into()));
    }
    let updated = assessment::Entity::find_by_id(current.id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("assessment"))?;
    // The recruiters the supplier names join the company's registry (issue #19).
    crate::fee_audit::store::register_declared_recruiters(db, updated.company_id, definition, &answers)
        .await?;
    jobs::enqueue(
        db,
        &ScoreAssessment {
            assessment_id: updated.id,
        },
        JobOptions {
            priority: 10,
            ..JobOptions::default()
        },
    )
    .await?;
    crate::events::publish(
        db,
        updated.company_id,
        crate::events::ASSESSMENT_SUBMITTED,
        serde_json::json!({"assessment_id": updated.id, "supplier_id": updated.supplier_id, "status": updated.status}),
    )
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "assessment.submitted",
            entity_type: "assessment",
            entity_id: Some(updated.id),
            before: Some(serde_json::json!({"status": before})),
            after: Some(serde_json::json!({"status": updated.status})),
        },
    )
    .await?;
    Ok(updated)
}
