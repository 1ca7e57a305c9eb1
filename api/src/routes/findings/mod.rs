//! Findings, corrective actions and the review of scored assessments.

pub mod add_action;
pub mod create;
pub mod list;
pub mod list_actions;
pub mod review;
pub mod update;
pub mod update_action;

use chrono::{DateTime, NaiveDate, Utc};
use domain::database::Connection;
use domain::{
    access::{Caller, SupplierAccess},
    entities::{corrective_action, finding},
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;

/// A finding as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FindingResponse {
    /// The finding's id, for `PATCH /findings/{id}` and its corrective actions.
    pub id: Uuid,
    /// The assessment it came from (`null` for fee-audit findings).
    pub assessment_id: Option<Uuid>,
    /// The fee audit it came from, if any.
    pub fee_audit_id: Option<Uuid>,
    /// The supplier.
    pub supplier_id: Uuid,
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// A zero-tolerance issue.
    pub zero_tolerance: bool,
    /// Indicator key.
    pub indicator: String,
    /// The question that raised it.
    pub question_key: Option<String>,
    /// What was found, in one line (the detail says more).
    pub title: String,
    /// Detail.
    pub detail: String,
    /// `open`, `in_progress` or `closed`.
    pub status: String,
    /// `red_flag`, `fee_audit` or `manual`.
    pub source: String,
    /// When it was raised.
    pub created_at: DateTime<Utc>,
    /// When a reviewer confirmed it (`null`: raised by a rule, not yet confirmed;
    /// findings added by hand are confirmed by whoever added them).
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The user who confirmed it.
    pub confirmed_by: Option<Uuid>,
}

impl From<finding::Model> for FindingResponse {
    fn from(f: finding::Model) -> Self {
        Self {
            id: f.id,
            assessment_id: f.assessment_id,
            fee_audit_id: f.fee_audit_id,
            supplier_id: f.supplier_id,
            severity: f.severity,
            zero_tolerance: f.zero_tolerance,
            indicator: f.indicator,
            question_key: f.question_key,
            title: f.title,
            detail: f.detail,
            status: f.status,
            source: f.source,
            created_at: f.created_at,
            confirmed_at: f.confirmed_at,
            confirmed_by: f.confirmed_by,
        }
    }
}

/// A corrective action as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionResponse {
    /// The corrective action's id, for `PATCH /actions/{id}`.
    pub id: Uuid,
    /// The finding it answers.
    pub finding_id: Uuid,
    /// What must be done.
    pub description: String,
    /// When.
    pub due_date: NaiveDate,
    /// Who owns it.
    pub owner_email: Option<String>,
    /// `open`, `in_progress`, `done` or `verified`.
    pub status: String,
    /// The latest progress note.
    pub note: Option<String>,
    /// Who verified it.
    pub verified_by: Option<Uuid>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<corrective_action::Model> for ActionResponse {
    fn from(a: corrective_action::Model) -> Self {
        Self {
            id: a.id,
            finding_id: a.finding_id,
            description: a.description,
            due_date: a.due_date,
            owner_email: a.owner_email,
            status: a.status,
            note: a.note,
            verified_by: a.verified_by,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

/// A finding the caller may read, and how they reach it (404 otherwise); the
/// rule is the domain's, shared with the portal.
pub async fn readable_finding<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(finding::Model, SupplierAccess), ApiError> {
    let reached = domain::access::readable::finding(db, caller, id).await?;
    Ok((reached.row, reached.access))
}
