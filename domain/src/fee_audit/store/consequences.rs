//! What a stored audit leads to (fee-audit.md, "What it leads to"): the findings, the
//! corrective action to repay, the notifications, the re-score of the supplier's
//! latest scored assessment with the new fee risk, and the audit-trail row.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::{
    assessments::{self, ScoreAssessment},
    audit::{self, AuditEntry},
    clock,
    entities::{assessment, fee_audit, finding, organization, supplier},
    error::DomainError,
    fee_audit::engine::{FeeAuditOutcome, findings},
    findings::{NewAction, add_action, status},
    jobs::{self, JobOptions},
    notifications,
    values::Locale,
};

/// `source` of the findings an audit raises.
pub(super) const FINDING_SOURCE: &str = "fee_audit";

/// Stores the findings and the repay action, queues the re-score and records the
/// upload in the audit trail.
pub(super) async fn follow_up<C: ConnectionTrait>(
    db: &C,
    audit: &fee_audit::Model,
    supplier: &supplier::Model,
    actor: Uuid,
    outcome: &FeeAuditOutcome,
) -> Result<(), DomainError> {
    let company = organization::Entity::find_by_id(audit.company_id).one(db).await?;
    let locale = company
        .and_then(|c| Locale::parse(&c.locale))
        .unwrap_or_default()
        .code();
    let now = clock::now();
    let mut stored = Vec::new();
    for raised in findings(&outcome.summary) {
        let row = finding::ActiveModel {
            id: Set(Uuid::now_v7()),
            company_id: Set(audit.company_id),
            supplier_id: Set(audit.supplier_id),
            assessment_id: Set(None),
            fee_audit_id: Set(Some(audit.id)),
            severity: Set(raised.severity.as_str().into()),
            zero_tolerance: Set(raised.zero_tolerance),
            indicator: Set(raised.indicator.into()),
            question_key: Set(None),
            title: Set(raised.title_by_locale.get(locale, "en").into()),
            detail: Set(raised.detail.get(locale, "en").into()),
            status: Set(status::OPEN.into()),
            source: Set(FINDING_SOURCE.into()),
            created_by: Set(Some(actor)),
            created_at: Set(now),
            updated_at: Set(now),
            // Raised by the fee rules: a reviewer confirms it.
            confirmed_at: Set(None),
            confirmed_by: Set(None),
        }
        .insert(db)
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
                after: Some(serde_json::json!({"severity": row.severity, "indicator": row.indicator, "fee_audit_id": audit.id})),
            },
        )
        .await?;
        if let Some(action) = &raised.corrective_action {
            // The due date follows the severity's timetable (priority: 90 days).
            let repay = NewAction {
                description: action.get(locale, "en").into(),
                due_date: None,
                owner_email: Some(supplier.contact_email.clone()),
            };
            add_action(db, row.clone(), Some(actor), repay).await?;
        }
        stored.push(row);
    }
    // Priority findings are emailed at once; the processed audit to the company.
    notifications::findings_raised(db, &stored).await?;
    notifications::fee_audit_processed(db, audit).await?;
    queue_rescore(db, audit.supplier_id).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(audit.company_id),
            actor_user_id: Some(actor),
            action: "fee_audit.created",
            entity_type: "fee_audit",
            entity_id: Some(audit.id),
            before: None,
            // Counts only: worker references and amounts stay out of the trail.
            after: Some(serde_json::json!({
                "supplier_id": audit.supplier_id,
                "row_count": audit.row_count,
                "workers": outcome.summary.workers,
                "workers_who_paid": outcome.summary.workers_who_paid,
            })),
        },
    )
    .await?;
    Ok(())
}

/// Queues `score_assessment` for the supplier's latest scored or approved assessment,
/// if it has one: the scoring job reads the new audit's fee risk.
async fn queue_rescore<C: ConnectionTrait>(db: &C, supplier_id: Uuid) -> Result<(), DomainError> {
    let latest = assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(supplier_id))
        .filter(
            assessment::Column::Status.is_in([assessments::status::SCORED, assessments::status::APPROVED]),
        )
        .order_by_desc(assessment::Column::CreatedAt)
        .order_by_desc(assessment::Column::Id)
        .one(db)
        .await?;
    if let Some(latest) = latest {
        jobs::enqueue(
            db,
            &ScoreAssessment {
                assessment_id: latest.id,
            },
            JobOptions {
                priority: 10,
                ..JobOptions::default()
            },
        )
        .await?;
    }
    Ok(())
}
