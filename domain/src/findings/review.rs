use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, IntoActiveModel};
use uuid::Uuid;

use crate::{
    assessments::status,
    audit::{self, AuditEntry},
    clock,
    entities::assessment,
    error::DomainError,
};

/// A reviewer's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The assessment stands.
    Approve,
    /// Back to the supplier for changes.
    Return,
}

/// Approves or returns a scored assessment. Returning reopens the answers for the
/// supplier (`returned`); approving makes it final (`approved`).
pub async fn review_assessment<C: ConnectionTrait>(
    db: &C,
    current: assessment::Model,
    actor: Uuid,
    decision: Decision,
    comment: Option<String>,
) -> Result<assessment::Model, DomainError> {
    if current.status != status::SCORED {
        return Err(DomainError::Conflict(format!(
            "only a scored assessment can be reviewed; this one is {}",
            current.status
        )));
    }
    // A comment may span lines; no other control character.
    if let Some(Err(message)) = comment
        .as_deref()
        .map(|c| crate::values::refuse_control_characters(c, crate::values::Lines::Many))
    {
        return Err(DomainError::invalid("comment", message));
    }
    let next = match decision {
        Decision::Approve => status::APPROVED,
        Decision::Return => status::RETURNED,
    };
    let mut active = current.into_active_model();
    active.status = Set(next.into());
    active.review_comment = Set(comment.clone());
    active.updated_at = Set(clock::now());
    let updated = active.update(db).await?;
    if decision == Decision::Return {
        crate::notifications::assessment_returned(db, &updated).await?;
    } else {
        crate::events::publish(
            db,
            updated.company_id,
            crate::events::ASSESSMENT_APPROVED,
            serde_json::json!({"assessment_id": updated.id, "supplier_id": updated.supplier_id,
                "status": updated.status}),
        )
        .await?;
    }
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: if decision == Decision::Approve {
                "assessment.approved"
            } else {
                "assessment.returned"
            },
            entity_type: "assessment",
            entity_id: Some(updated.id),
            before: Some(serde_json::json!({"status": status::SCORED})),
            after: Some(serde_json::json!({"status": updated.status, "comment": comment})),
        },
    )
    .await?;
    Ok(updated)
}
