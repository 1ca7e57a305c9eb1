//! Reading a company's hits, and deciding one: an officer or admin confirms it
//! (the subject is the listed party: a `priority` finding on the supplier, which
//! re-scores it) or dismisses it (another party of a similar name), with a reason
//! either way, recorded in the audit trail. Advisors read.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::screening_hit,
    error::DomainError,
    listing::{Window, Windowed as _},
    values::MultilineText,
};

use super::{ListKey, status};

/// How many open hits name the supplier `supplier_id` of `company_id` (the count
/// its page shows beside the link to the screening page). Staff of the company
/// only; anyone else `NotFound`.
pub async fn open_hits_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    supplier_id: Uuid,
) -> Result<u64, DomainError> {
    caller.company_reviewer(company_id)?;
    Ok(screening_hit::Entity::find()
        .filter(screening_hit::Column::CompanyId.eq(company_id))
        .filter(screening_hit::Column::SubjectId.eq(supplier_id))
        .filter(screening_hit::Column::Status.eq(status::OPEN))
        .count(db)
        .await?)
}

/// The company's hits (of `status` when given), newest first, and how many there are.
/// Staff of the company only; anyone else `NotFound`.
pub async fn list_hits<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    status_filter: Option<&str>,
    window: Window,
) -> Result<(Vec<screening_hit::Model>, u64), DomainError> {
    caller.company_reviewer(company_id)?;
    let mut query = screening_hit::Entity::find().filter(screening_hit::Column::CompanyId.eq(company_id));
    if let Some(wanted) = status_filter {
        if !status::ALL.contains(&wanted) {
            return Err(DomainError::invalid(
                "status",
                "must be open, confirmed or dismissed",
            ));
        }
        query = query.filter(screening_hit::Column::Status.eq(wanted));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(screening_hit::Column::CreatedAt)
        .order_by_desc(screening_hit::Column::Id)
        .within(window)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// The hit `id` if the caller is staff of its company; `NotFound` otherwise.
pub async fn readable_hit<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<screening_hit::Model, DomainError> {
    let hit = screening_hit::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("screening hit"))?;
    caller
        .company_reviewer(hit.company_id)
        .map_err(|_| DomainError::NotFound("screening hit"))?;
    Ok(hit)
}

/// A reviewer's decision on a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The subject is the listed party.
    Confirmed,
    /// Another party of a similar name.
    Dismissed,
}

impl Verdict {
    /// `confirmed` or `dismissed`; anything else is a field error.
    pub fn parse(text: &str) -> Result<Verdict, DomainError> {
        match text {
            status::CONFIRMED => Ok(Verdict::Confirmed),
            status::DISMISSED => Ok(Verdict::Dismissed),
            _ => Err(DomainError::invalid("status", "must be confirmed or dismissed")),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Verdict::Confirmed => status::CONFIRMED,
            Verdict::Dismissed => status::DISMISSED,
        }
    }
}

/// Decides the open hit `id` (officers and admins; advisors `Forbidden`, other
/// tenants `NotFound`). A decided hit stays decided (`Conflict`).
pub async fn decide_hit<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
    verdict: Verdict,
    reason: &str,
) -> Result<screening_hit::Model, DomainError> {
    let hit = readable_hit(db, caller, id).await?;
    caller.company_manager(hit.company_id)?;
    let reason =
        MultilineText::parse(reason, 2000).map_err(|message| DomainError::invalid("reason", message))?;
    if hit.status != status::OPEN {
        return Err(DomainError::Conflict(format!(
            "this hit was already {}",
            hit.status
        )));
    }
    let now = clock::now();
    let finding_id = if verdict == Verdict::Confirmed && hit.subject_type == "supplier" {
        Some(raise_finding(db, &hit, caller.user_id, reason.as_str()).await?)
    } else {
        None
    };
    let mut active = hit.clone().into_active_model();
    active.status = Set(verdict.as_str().to_string());
    active.reason = Set(Some(reason.as_str().to_string()));
    active.decided_by = Set(Some(caller.user_id));
    active.decided_at = Set(Some(now));
    active.finding_id = Set(finding_id);
    let updated = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(caller.user_id),
            action: if verdict == Verdict::Confirmed {
                "screening_hit.confirmed"
            } else {
                "screening_hit.dismissed"
            },
            entity_type: "screening_hit",
            entity_id: Some(updated.id),
            before: Some(serde_json::json!({"status": hit.status})),
            after: Some(serde_json::json!({
                "status": updated.status, "reason": updated.reason, "finding_id": updated.finding_id,
            })),
        },
    )
    .await?;
    if let Some(supplier_id) = finding_id.map(|_| updated.subject_id) {
        // The priority finding sets a floor of the supplier's score.
        crate::assessments::rescore_supplier(db, supplier_id).await?;
    }
    Ok(updated)
}

/// The indicator a confirmed listing is filed under: the lists are legal
/// measures (an import ban or presumption), not evidence of one ILO indicator,
/// so it is the fair-recruitment principle of legal compliance.
pub const FINDING_INDICATOR: &str = "legal_compliance";

/// The `source` of the findings confirmed hits raise.
pub const FINDING_SOURCE: &str = "screening";

async fn raise_finding<C: ConnectionTrait>(
    db: &C,
    hit: &screening_hit::Model,
    actor: Uuid,
    reason: &str,
) -> Result<Uuid, DomainError> {
    let list = ListKey::parse(&hit.list_key).map_or(hit.list_key.as_str(), |k| k.name());
    let title: String = format!("Listed: {} ({})", hit.entry_name, hit.list_key)
        .chars()
        .take(300)
        .collect();
    // The reviewer who confirms the hit vouches for the finding.
    let row = crate::findings::insert_confirmed(
        db,
        crate::findings::ConfirmedFinding {
            company_id: hit.company_id,
            supplier_id: hit.subject_id,
            assessment_id: None,
            severity: "priority".into(),
            zero_tolerance: false,
            indicator: FINDING_INDICATOR.into(),
            question_key: None,
            title,
            detail: format!(
                "{} is on the {list} as \"{}\" (name similarity {:.2}). Confirmed by a reviewer: {reason}",
                hit.subject_name, hit.entry_name, hit.score
            ),
            source: FINDING_SOURCE,
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
            after: Some(serde_json::json!({
                "severity": row.severity, "indicator": row.indicator, "title": row.title,
                "screening_hit_id": hit.id,
            })),
        },
    )
    .await?;
    Ok(row.id)
}
