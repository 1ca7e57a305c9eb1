use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, IntoActiveModel};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::finding,
    error::DomainError,
};

use super::status;

/// Dismisses a finding a reviewer judged unfounded (a red flag the evidence does
/// not bear out): it closes, and the reason goes into the audit trail so that the
/// decision can be traced to a person and a why. Advisors, officers and admins
/// only; the caller checks the role, as for [`super::change_finding`].
pub async fn dismiss_finding<C: ConnectionTrait>(
    db: &C,
    current: finding::Model,
    actor: Uuid,
    reason: String,
) -> Result<finding::Model, DomainError> {
    let reason = reason.trim().to_string();
    if reason.is_empty() {
        return Err(DomainError::invalid("reason", "say why the finding is dismissed"));
    }
    let before = serde_json::json!({"status": current.status});
    let mut active = current.into_active_model();
    active.status = Set(status::CLOSED.into());
    active.updated_at = Set(clock::now());
    let updated = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "finding.dismissed",
            entity_type: "finding",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(serde_json::json!({"status": updated.status, "reason": reason})),
        },
    )
    .await?;
    // A closed finding no longer sets a floor of the supplier's score.
    crate::assessments::rescore_supplier(db, updated.supplier_id).await?;
    Ok(updated)
}
