use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{EmailLinks, email_links};
use crate::{
    access::{Caller, readable},
    assessments::status,
    audit::{self, AuditEntry},
    clock,
    entities::{assessment_link, organization},
    error::DomainError,
};

/// The links sent for assessment `aid`, newest first: the company's reviewers
/// (admins, officers, advisors) see them; a supplier's own users do not (`403`).
pub async fn links_of<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    aid: Uuid,
) -> Result<Vec<assessment_link::Model>, DomainError> {
    let reached = readable::assessment(db, caller, aid).await?;
    caller.company_reader(reached.access)?;
    Ok(assessment_link::Entity::find()
        .filter(assessment_link::Column::AssessmentId.eq(aid))
        .order_by_desc(assessment_link::Column::CreatedAt)
        .order_by_desc(assessment_link::Column::Id)
        .all(db)
        .await?)
}

/// Revokes link `link_id` (officers and admins; another tenant's link is
/// `NotFound`). Revoking a revoked link changes nothing.
pub async fn revoke<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    link_id: Uuid,
) -> Result<assessment_link::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("link");
    let link = assessment_link::Entity::find_by_id(link_id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    let reached = readable::assessment(db, caller, link.assessment_id)
        .await
        .map_err(|_| NOT_FOUND)?;
    if reached.row.company_id != link.company_id {
        return Err(NOT_FOUND);
    }
    caller.supplier_manager(reached.access)?;
    if link.revoked_at.is_some() {
        return Ok(link);
    }
    let mut active = link.into_active_model();
    active.revoked_at = Set(Some(clock::now()));
    active.revoked_by = Set(Some(caller.user_id));
    let revoked = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(revoked.company_id),
            actor_user_id: Some(caller.user_id),
            action: "assessment_link.revoked",
            entity_type: "assessment",
            entity_id: Some(revoked.assessment_id),
            before: None,
            after: Some(serde_json::json!({"link_id": revoked.id})),
        },
    )
    .await?;
    Ok(revoked)
}

/// Emails assessment `aid` again, each of the supplier's people with a new link
/// (officers and admins; only while the supplier may still answer, else
/// `Conflict`). The links already sent stay valid until revoked. Returns the new
/// links.
pub async fn resend<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    aid: Uuid,
    public_url: &str,
) -> Result<Vec<assessment_link::Model>, DomainError> {
    let reached = readable::assessment(db, caller, aid).await?;
    caller.supplier_manager(reached.access)?;
    let row = reached.row;
    if !status::editable(&row.status) {
        return Err(DomainError::Conflict(format!(
            "this assessment is {} and can no longer be answered",
            row.status
        )));
    }
    if reached.supplier.archived_at.is_some() {
        return Err(DomainError::Conflict("this supplier is archived".into()));
    }
    let company = organization::Entity::find_by_id(row.company_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("assessment"))?;
    let title = crate::questionnaire::store::of_assessment(db, &row)
        .await?
        .title
        .clone();
    let sent = email_links(
        db,
        EmailLinks {
            company: &company,
            supplier: &reached.supplier,
            assessment: &row,
            title: &title,
            actor: Some(caller.user_id),
            public_url,
        },
    )
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(caller.user_id),
            action: "assessment.resent",
            entity_type: "assessment",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"links": sent.len()})),
        },
    )
    .await?;
    Ok(sent)
}
