use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, IntoActiveModel};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{assessment, finding},
    error::DomainError,
};

/// A finding added by hand by an advisor or officer.
#[derive(Debug, Clone)]
pub struct NewFinding {
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// An indicator key.
    pub indicator: String,
    /// The question it concerns, if any.
    pub question_key: Option<String>,
    /// Short title.
    pub title: super::FindingTitle,
    /// What was found, with evidence.
    pub detail: String,
    /// A zero-tolerance issue (only with `priority`).
    pub zero_tolerance: bool,
}

/// Adds a manual finding to an assessment.
pub async fn add_finding<C: ConnectionTrait>(
    db: &C,
    on: &assessment::Model,
    actor: Uuid,
    input: NewFinding,
) -> Result<finding::Model, DomainError> {
    if input.zero_tolerance && input.severity != "priority" {
        return Err(DomainError::invalid(
            "zero_tolerance",
            "only a priority finding can be zero-tolerance",
        ));
    }
    // A reviewer adding a finding by hand vouches for it.
    let row = super::insert_confirmed(
        db,
        super::ConfirmedFinding {
            company_id: on.company_id,
            supplier_id: on.supplier_id,
            assessment_id: Some(on.id),
            severity: input.severity,
            zero_tolerance: input.zero_tolerance,
            indicator: input.indicator,
            question_key: input.question_key,
            title: input.title.into_inner(),
            detail: input.detail,
            source: "manual",
        },
        actor,
    )
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action: "finding.created",
            entity_type: "finding",
            entity_id: Some(row.id),
            before: None,
            after: Some(
                serde_json::json!({"severity": row.severity, "indicator": row.indicator, "title": row.title}),
            ),
        },
    )
    .await?;
    crate::notifications::findings_raised(db, std::slice::from_ref(&row)).await?;
    // A finding added by hand counts in the floors of the supplier's score.
    crate::assessments::rescore_supplier(db, row.supplier_id).await?;
    Ok(row)
}

/// Edits to a finding (advisor, officer, admin).
#[derive(Debug, Clone, Default)]
pub struct FindingChanges {
    /// New severity.
    pub severity: Option<String>,
    /// New title.
    pub title: Option<super::FindingTitle>,
    /// New detail.
    pub detail: Option<String>,
    /// New status.
    pub status: Option<String>,
    /// Confirm the finding (the evidence bears it out). A confirmation stays on
    /// record: confirming again keeps the first date and person.
    pub confirm: bool,
}

/// Applies the edits and records them.
pub async fn change_finding<C: ConnectionTrait>(
    db: &C,
    current: finding::Model,
    actor: Uuid,
    changes: FindingChanges,
) -> Result<finding::Model, DomainError> {
    let before = serde_json::json!({
        "severity": current.severity, "status": current.status, "title": current.title,
        "confirmed_at": current.confirmed_at,
    });
    let newly_confirmed = changes.confirm && current.confirmed_at.is_none();
    // A new severity or status changes the floors of the supplier's score, and
    // so does confirming a finding the floors read only once confirmed (a
    // worker-pulse contradiction).
    let floors_change = changes.severity.as_ref().is_some_and(|v| *v != current.severity)
        || changes.status.as_ref().is_some_and(|v| *v != current.status)
        || (newly_confirmed && current.source == crate::voice::pulse::contradictions::SOURCE);
    let mut active = current.into_active_model();
    let now = clock::now();
    if newly_confirmed {
        active.confirmed_at = Set(Some(now));
        active.confirmed_by = Set(Some(actor));
    }
    if let Some(v) = changes.severity {
        active.severity = Set(v);
    }
    if let Some(v) = changes.title {
        active.title = Set(v.into_inner());
    }
    if let Some(v) = changes.detail {
        active.detail = Set(v);
    }
    if let Some(v) = changes.status {
        active.status = Set(v);
    }
    active.updated_at = Set(now);
    let updated = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: if newly_confirmed {
                "finding.confirmed"
            } else {
                "finding.updated"
            },
            entity_type: "finding",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(serde_json::json!({
                "severity": updated.severity, "status": updated.status, "title": updated.title,
                "confirmed_at": updated.confirmed_at,
            })),
        },
    )
    .await?;
    if floors_change {
        crate::assessments::rescore_supplier(db, updated.supplier_id).await?;
    }
    Ok(updated)
}
