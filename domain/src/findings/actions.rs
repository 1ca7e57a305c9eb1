use chrono::{Duration, NaiveDate};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{corrective_action, finding},
    error::DomainError,
    values::{Lines, Role, refuse_control_characters},
};

use super::{action_status, status};

/// Days to complete a corrective action by the finding's severity
/// (ethical-recruitment.md §3.6: priority 90, major 180, minor 270).
pub fn default_due_date(severity: &str, from: NaiveDate) -> NaiveDate {
    let days = match severity {
        "priority" => 90,
        "major" => 180,
        _ => 270,
    };
    from + Duration::days(days)
}

/// A corrective action to add.
#[derive(Debug, Clone)]
pub struct NewAction {
    /// What must be done.
    pub description: String,
    /// When (default: by severity).
    pub due_date: Option<NaiveDate>,
    /// Who owns it.
    pub owner_email: Option<String>,
}

/// Adds an action to a finding; an open finding moves to `in_progress`.
pub async fn add_action<C: ConnectionTrait>(
    db: &C,
    parent: finding::Model,
    actor: Option<Uuid>,
    input: NewAction,
) -> Result<corrective_action::Model, DomainError> {
    let now = clock::now();
    let due = input
        .due_date
        .unwrap_or_else(|| default_due_date(&parent.severity, now.date_naive()));
    let row = corrective_action::ActiveModel {
        id: Set(Uuid::now_v7()),
        finding_id: Set(parent.id),
        company_id: Set(parent.company_id),
        supplier_id: Set(parent.supplier_id),
        description: Set(input.description),
        due_date: Set(due),
        owner_email: Set(input.owner_email),
        status: Set(action_status::OPEN.into()),
        note: Set(None),
        verified_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    if parent.status == status::CLOSED {
        let mut reopened = parent.clone().into_active_model();
        reopened.status = Set(status::IN_PROGRESS.into());
        reopened.updated_at = Set(now);
        reopened.update(db).await?;
    }
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: actor,
            action: "action.created",
            entity_type: "corrective_action",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"finding_id": row.finding_id, "due_date": row.due_date})),
        },
    )
    .await?;
    Ok(row)
}

/// A change to an action.
#[derive(Debug, Clone)]
pub struct ActionChange {
    /// New state.
    pub status: Option<String>,
    /// A progress note.
    pub note: Option<String>,
}

/// Changes an action's state within the role rules: a supplier may move it to
/// `in_progress` or `done` only; `verified` is for advisors, officers and admins.
/// When every action of the finding is verified, the finding closes.
pub async fn change_action<C: ConnectionTrait>(
    db: &C,
    current: corrective_action::Model,
    actor: Uuid,
    role: Role,
    change: ActionChange,
) -> Result<corrective_action::Model, DomainError> {
    // The note is read as typed, by either door: a control character is refused
    // here, once, rather than stored (PostgreSQL cannot store a NUL at all).
    if let Some(note) = &change.note {
        refuse_control_characters(note, Lines::Many).map_err(|m| DomainError::invalid("note", m))?;
    }
    if let Some(next) = &change.status {
        if !action_status::ALL.contains(&next.as_str()) {
            return Err(DomainError::invalid(
                "status",
                format!("must be one of {}", action_status::ALL.join(", ")),
            ));
        }
        let allowed = match role {
            Role::Supplier => [action_status::IN_PROGRESS, action_status::DONE].contains(&next.as_str()),
            Role::Admin | Role::Officer | Role::Advisor => true,
        };
        if !allowed {
            return Err(DomainError::Forbidden(
                "a supplier may set in_progress or done only",
            ));
        }
    }
    let before = serde_json::json!({"status": current.status});
    let finding_id = current.finding_id;
    let now = clock::now();
    let mut active = current.into_active_model();
    if let Some(next) = &change.status {
        active.status = Set(next.clone());
        active.verified_by = Set((next == action_status::VERIFIED).then_some(actor));
    }
    if let Some(note) = change.note {
        active.note = Set(Some(note));
    }
    active.updated_at = Set(now);
    let updated = active.update(db).await?;
    sync_finding(db, finding_id).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "action.updated",
            entity_type: "corrective_action",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(serde_json::json!({"status": updated.status})),
        },
    )
    .await?;
    Ok(updated)
}

/// Closes the finding when all its actions are verified; reopens it to
/// `in_progress` when one is not.
async fn sync_finding<C: ConnectionTrait>(db: &C, finding_id: Uuid) -> Result<(), DomainError> {
    let actions = corrective_action::Entity::find()
        .filter(corrective_action::Column::FindingId.eq(finding_id))
        .all(db)
        .await?;
    let Some(parent) = finding::Entity::find_by_id(finding_id).one(db).await? else {
        return Ok(());
    };
    let all_verified = !actions.is_empty() && actions.iter().all(|a| a.status == action_status::VERIFIED);
    let next = if all_verified {
        status::CLOSED
    } else {
        status::IN_PROGRESS
    };
    if parent.status != next {
        // Closing (or reopening) a finding changes the floors of the supplier's score.
        let reopens_or_closes = parent.status == status::CLOSED || next == status::CLOSED;
        let supplier_id = parent.supplier_id;
        let mut active = parent.into_active_model();
        active.status = Set(next.into());
        active.updated_at = Set(clock::now());
        active.update(db).await?;
        if reopens_or_closes {
            crate::assessments::rescore_supplier(db, supplier_id).await?;
        }
    }
    Ok(())
}
