//! Taking people out of a company: withdrawing a pending invitation and removing a
//! membership. Both are for the company's officers and admins; another company's
//! invitation or membership is `NotFound`, like everything of another tenant.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    entities::{invitation, membership},
    error::DomainError,
    values::Role,
};

/// Why the last admin stays (the portal and the API show their own words for it).
pub const LAST_ADMIN: &str = "the company's last admin cannot be removed";

/// Withdraws a pending invitation sent on behalf of company `company_id`: the row
/// (and so its token) is deleted, and the link no longer works. An accepted
/// invitation is a `Conflict` (remove the member instead). Run it on a transaction.
pub async fn withdraw_invitation<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    invitation_id: Uuid,
) -> Result<invitation::Model, DomainError> {
    caller.company_manager(company_id)?;
    let found = invitation::Entity::find_by_id(invitation_id)
        .filter(invitation::Column::CompanyId.eq(company_id))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("invitation"))?;
    if found.accepted_at.is_some() {
        return Err(DomainError::Conflict(
            "this invitation has already been accepted".into(),
        ));
    }
    invitation::Entity::delete_by_id(found.id).exec(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(caller.user_id),
            action: "invitation.withdrawn",
            entity_type: "invitation",
            entity_id: Some(found.id),
            before: Some(serde_json::json!({"role": found.role, "organization_id": found.organization_id})),
            after: None,
        },
    )
    .await?;
    Ok(found)
}

/// Removes membership `membership_id` of company `company_id` (the person keeps
/// their account and any other membership). The company's last admin cannot be
/// removed, by anyone, themselves included: `Conflict` ([`LAST_ADMIN`]), nothing
/// changed. Run it on a write transaction.
pub async fn remove_member<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    membership_id: Uuid,
) -> Result<membership::Model, DomainError> {
    let role = caller.company_manager(company_id)?;
    let found = membership::Entity::find_by_id(membership_id)
        .filter(membership::Column::OrganizationId.eq(company_id))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("membership"))?;
    if found.role == Role::Admin.as_str() {
        // Least privilege: an officer manages the team but cannot take an admin's
        // seat away.
        if role != Role::Admin {
            return Err(DomainError::Forbidden("only an admin may remove an admin"));
        }
        // Locked until commit, so two admins cannot remove each other at once
        // (PostgreSQL; SQLite serialises writers anyway).
        let admins = membership::Entity::find()
            .filter(membership::Column::OrganizationId.eq(company_id))
            .filter(membership::Column::Role.eq(Role::Admin.as_str()))
            .lock_exclusive()
            .all(db)
            .await?;
        if admins.len() <= 1 {
            return Err(DomainError::Conflict(LAST_ADMIN.into()));
        }
    }
    membership::Entity::delete_by_id(found.id).exec(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(caller.user_id),
            action: "membership.removed",
            entity_type: "membership",
            entity_id: Some(found.id),
            before: Some(serde_json::json!({"user_id": found.user_id, "role": found.role})),
            after: None,
        },
    )
    .await?;
    Ok(found)
}
