//! Handling a case: officers, admins and advisors of the buying company read it,
//! reply to the reporter, keep notes, move its status and, once confirmed, raise a
//! finding on the supplier. Anyone else (the supplier's own users included) gets
//! `NotFound`, as for another tenant's data.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{message_kind, seal::VoiceKey, status};
use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::{finding, voice_case, voice_case_finding, voice_message},
    error::DomainError,
    values::Role,
};

/// The case `id` if the caller is staff of its company (admin, officer, advisor),
/// with their role; `NotFound` otherwise.
pub async fn readable<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(voice_case::Model, Role), DomainError> {
    let case = voice_case::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("case"))?;
    let role = caller
        .company_role(case.company_id)
        .map_err(|_| DomainError::NotFound("case"))?;
    Ok((case, role))
}

/// The case `id` for a caller who may change it (see [`require_handler`]);
/// `NotFound` for anyone outside its company.
pub async fn handled<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<voice_case::Model, DomainError> {
    let (case, _) = readable(db, caller, id).await?;
    require_handler(caller, case.company_id)?;
    Ok(case)
}

/// Checks the caller may change cases of `company`: staff, and not a read-only key.
pub fn require_handler(caller: &Caller, company: Uuid) -> Result<Role, DomainError> {
    let role = caller.company_role(company)?;
    if caller.read_only {
        return Err(DomainError::Forbidden("this API key is read-only"));
    }
    match role {
        Role::Admin | Role::Officer | Role::Advisor => Ok(role),
        Role::Supplier => Err(DomainError::NotFound("case")),
    }
}

/// A case opened for a handler: the words, the messages, the linked findings.
#[derive(Debug, Clone)]
pub struct CaseDetail {
    /// The case.
    pub case: voice_case::Model,
    /// What the worker wrote.
    pub description: String,
    /// How to reach them, if they said.
    pub contact: Option<String>,
    /// Replies and notes, oldest first: (row, text).
    pub messages: Vec<(voice_message::Model, String)>,
    /// Findings raised from the case.
    pub finding_ids: Vec<Uuid>,
}

/// Opens the sealed parts of `case`.
pub async fn detail<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    case: voice_case::Model,
) -> Result<CaseDetail, DomainError> {
    let description = key.open(case.id, &case.report_sealed)?;
    let contact = match &case.contact_sealed {
        Some(sealed) => Some(key.open(case.id, sealed)?),
        None => None,
    };
    let rows = voice_message::Entity::find()
        .filter(voice_message::Column::CaseId.eq(case.id))
        .order_by_asc(voice_message::Column::CreatedAt)
        .all(db)
        .await?;
    let mut messages = Vec::with_capacity(rows.len());
    for row in rows {
        let text = key.open(row.id, &row.body_sealed)?;
        messages.push((row, text));
    }
    let finding_ids = voice_case_finding::Entity::find()
        .filter(voice_case_finding::Column::CaseId.eq(case.id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.finding_id)
        .collect();
    Ok(CaseDetail {
        case,
        description,
        contact,
        messages,
        finding_ids,
    })
}

/// Moves `case` to `new_status` and records it.
pub async fn change_status<C: ConnectionTrait>(
    db: &C,
    case: voice_case::Model,
    actor: Uuid,
    new_status: &str,
) -> Result<voice_case::Model, DomainError> {
    let Some(new_status) = status::ALL.into_iter().find(|s| *s == new_status) else {
        return Err(DomainError::invalid(
            "status",
            format!("must be one of {}", status::ALL.join(", ")),
        ));
    };
    let before = case.status.clone();
    if before == new_status {
        return Ok(case);
    }
    let now = clock::now();
    let mut active = case.into_active_model();
    active.status = Set(new_status.to_string());
    active.updated_at = Set(now);
    active.closed_at = Set((!status::is_open(new_status)).then_some(now));
    let updated = active.update(db).await?;
    if !status::is_open(new_status) {
        // A closed case keeps no phone number: the SMS/WhatsApp link goes now.
        super::messaging::forget_case(db, updated.id).await?;
    }
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "voice_case.status_changed",
            entity_type: "voice_case",
            entity_id: Some(updated.id),
            before: Some(serde_json::json!({"status": before})),
            after: Some(serde_json::json!({"status": updated.status})),
        },
    )
    .await?;
    Ok(updated)
}

/// The longest reply or note, in characters.
pub const MAX_MESSAGE: usize = 5000;

/// Adds a reply (the reporter reads it) or a note (handlers only), sealed. The
/// first reply sets `first_response_at` and moves a new case to acknowledged.
pub async fn add_message<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    case: voice_case::Model,
    actor: Uuid,
    kind: &str,
    body: &str,
) -> Result<(voice_case::Model, voice_message::Model), DomainError> {
    let kind = match kind {
        message_kind::REPLY => message_kind::REPLY,
        message_kind::NOTE => message_kind::NOTE,
        _ => return Err(DomainError::invalid("kind", "must be reply or note")),
    };
    // A reply or a note may span lines; no other control character.
    let body = crate::values::MultilineText::parse(body, MAX_MESSAGE)
        .map_err(|message| DomainError::invalid("body", message))?;
    let body = body.as_str();
    let id = Uuid::now_v7();
    let now = clock::now();
    let message = voice_message::ActiveModel {
        id: Set(id),
        case_id: Set(case.id),
        company_id: Set(case.company_id),
        kind: Set(kind.to_string()),
        body_sealed: Set(key.seal(id, body)?),
        author_user_id: Set(Some(actor)),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    if kind == message_kind::REPLY {
        // A case opened by SMS or WhatsApp gets the reply by the same road.
        super::messaging::outbound::queue_reply(db, key, &case, body).await?;
    }
    let case = if kind == message_kind::REPLY && case.first_response_at.is_none() {
        let was_new = case.status == status::NEW;
        let mut active = case.into_active_model();
        active.first_response_at = Set(Some(now));
        if was_new {
            active.status = Set(status::ACKNOWLEDGED.to_string());
        }
        active.updated_at = Set(now);
        active.update(db).await?
    } else {
        case
    };
    audit::record(
        db,
        AuditEntry {
            company_id: Some(case.company_id),
            actor_user_id: Some(actor),
            action: if kind == message_kind::REPLY {
                "voice_case.replied"
            } else {
                "voice_case.noted"
            },
            entity_type: "voice_case",
            entity_id: Some(case.id),
            before: None,
            after: Some(serde_json::json!({"message_id": message.id, "status": case.status})),
        },
    )
    .await?;
    Ok((case, message))
}

/// A finding to raise from a confirmed case. The handler writes title and detail
/// for the supplier to read: nothing of the report is copied into it.
#[derive(Debug, Clone)]
pub struct CaseFinding {
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// Short title.
    pub title: String,
    /// What the supplier must address.
    pub detail: String,
}

/// Raises a finding on the case's supplier (the case must be confirmed), with the
/// case's indicator, and links it to the case.
pub async fn raise_finding<C: ConnectionTrait>(
    db: &C,
    case: &voice_case::Model,
    actor: Uuid,
    input: CaseFinding,
) -> Result<finding::Model, DomainError> {
    if case.status != status::CONFIRMED {
        return Err(DomainError::Conflict(
            "only a confirmed case can raise a finding; set its status to confirmed first".into(),
        ));
    }
    let mut errors = Vec::new();
    if !["priority", "major", "minor"].contains(&input.severity.as_str()) {
        errors.push(crate::error::FieldError::new(
            "severity",
            "must be priority, major or minor",
        ));
    }
    let title = crate::values::RequiredText::parse(&input.title, 300)
        .map(crate::values::RequiredText::into_inner)
        .unwrap_or_else(|message| {
            errors.push(crate::error::FieldError::new("title", message));
            String::new()
        });
    if let Err(message) = crate::values::refuse_control_characters(&input.detail, crate::values::Lines::Many)
    {
        errors.push(crate::error::FieldError::new("detail", message));
    } else if input.detail.chars().count() > 5000 {
        errors.push(crate::error::FieldError::new("detail", "5000 characters at most"));
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    // One severity for one fact: a confirmed case of retained documents, violence
    // or child labour is a zero-tolerance finding (so priority), whatever the
    // handler picked.
    let zero_tolerance =
        super::Category::parse(&case.category).is_some_and(super::Category::is_zero_tolerance_fact);
    let severity = if zero_tolerance {
        "priority".to_string()
    } else {
        input.severity
    };
    // A case handler raises it from a case they confirmed.
    let row = crate::findings::insert_confirmed(
        db,
        crate::findings::ConfirmedFinding {
            company_id: case.company_id,
            supplier_id: case.supplier_id,
            assessment_id: None,
            severity,
            zero_tolerance,
            indicator: case.indicator.clone(),
            question_key: None,
            title,
            detail: input.detail.trim().to_string(),
            source: "worker_voice",
        },
        actor,
    )
    .await?;
    let now = clock::now();
    voice_case_finding::ActiveModel {
        id: Set(Uuid::now_v7()),
        case_id: Set(case.id),
        finding_id: Set(row.id),
        company_id: Set(case.company_id),
        created_at: Set(now),
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
            after: Some(serde_json::json!({
                "severity": row.severity, "zero_tolerance": row.zero_tolerance, "indicator": row.indicator,
                "title": row.title, "voice_case_id": case.id
            })),
        },
    )
    .await?;
    // A confirmed case's finding counts in the floors of the supplier's score.
    crate::assessments::rescore_supplier(db, row.supplier_id).await?;
    Ok(row)
}

/// Checks the caller is staff of `company` (admin, officer or advisor; read-only
/// keys included): `NotFound` for anyone else.
pub fn require_staff(caller: &Caller, company: Uuid) -> Result<Role, DomainError> {
    match caller.company_role(company)? {
        Role::Supplier => Err(DomainError::NotFound("company")),
        role => Ok(role),
    }
}
