//! Requesting a report, and listing an assessment's reports.

use crate::database::Database;
use crate::transaction::BeginWrite as _;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{ATTEMPTS, RenderReport, reportable, status};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{assessment, report},
    error::DomainError,
    jobs::{self, JobOptions},
    values::Locale,
};

/// Queues a report of `assessment` in `locale` (the assessment's when `None`),
/// requested by `actor`: the row, its `render_report` job and the audit entry
/// commit together. `Conflict` unless the assessment is scored or approved;
/// `Invalid` for a locale other than en, es or fr.
pub async fn request_report(
    db: &Database,
    assessment: &assessment::Model,
    locale: Option<&str>,
    actor: Uuid,
) -> Result<report::Model, DomainError> {
    let locale = match locale {
        Some(raw) => {
            Locale::parse(raw).ok_or_else(|| DomainError::invalid("locale", "must be one of en, es, fr"))?
        }
        None => Locale::parse(&assessment.locale).unwrap_or(Locale::En),
    };
    if !reportable(&assessment.status) {
        return Err(DomainError::Conflict(format!(
            "a report needs a scored or approved assessment; this one is {}",
            assessment.status
        )));
    }
    let txn = db.begin_write().await?;
    let row = report::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(assessment.company_id),
        assessment_id: Set(assessment.id),
        status: Set(status::QUEUED.to_string()),
        locale: Set(locale.code().to_string()),
        storage_key: Set(None),
        error: Set(None),
        requested_by: Set(Some(actor)),
        created_at: Set(clock::now()),
        ready_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let options = JobOptions {
        max_attempts: ATTEMPTS,
        ..JobOptions::default()
    };
    jobs::enqueue(&txn, &RenderReport { report_id: row.id }, options).await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action: "report.requested",
            entity_type: "report",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"assessment_id": row.assessment_id, "locale": row.locale})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// An assessment's reports, newest first.
pub async fn list_reports<C: ConnectionTrait>(
    db: &C,
    assessment_id: Uuid,
) -> Result<Vec<report::Model>, DomainError> {
    Ok(report::Entity::find()
        .filter(report::Column::AssessmentId.eq(assessment_id))
        .order_by_desc(report::Column::CreatedAt)
        .order_by_desc(report::Column::Id)
        .all(db)
        .await?)
}
