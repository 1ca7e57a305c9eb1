//! The company and its team as a caller asks for them: who may see or change
//! them, what is loaded, what is stored. Both doors call these; they hold no
//! queries of their own.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{invitation, membership, organization, user},
    error::DomainError,
    transaction::BeginWrite as _,
    values::{Email, Locale, Role},
};

use super::{Invite, invite, remove_member};

/// Company `company_id` and the caller's role in it (any member); anyone else
/// gets `NotFound("company")`.
pub async fn company<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<(organization::Model, Role), DomainError> {
    let role = caller.company_role(company_id)?;
    let found = organization::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("company"))?;
    Ok((found, role))
}

/// Company `company_id` when the caller may manage it: officers and admins (a
/// lesser member gets `Forbidden`, anyone else `NotFound("company")`).
pub async fn managed_company<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<organization::Model, DomainError> {
    caller.company_manager(company_id)?;
    let (found, _) = company(db, caller, company_id).await?;
    Ok(found)
}

/// Invites `email` into company `company_id` with `role` (officers and admins):
/// the invitation and its email are stored in one transaction.
pub async fn invite_to_company<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    email: Email,
    role: Role,
    public_url: &str,
) -> Result<invitation::Model, DomainError> {
    caller.company_manager(company_id)?;
    let (found, _) = company(db, caller, company_id).await?;
    let txn = db.begin_write().await?;
    let invitation = invite(
        &txn,
        Invite {
            company_id,
            company_name: found.name.clone(),
            organization_id: company_id,
            organization_name: found.name,
            email,
            role,
            invited_by: Some(caller.user_id),
            public_url: public_url.to_string(),
            locale: Locale::parse(&found.locale).unwrap_or_default(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(invitation)
}

/// Removes user `user_id` from company `company_id` (see [`remove_member`]); a
/// user who is not a member is `NotFound("member")`. Run it on a write
/// transaction.
pub async fn remove_user<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    user_id: Uuid,
) -> Result<membership::Model, DomainError> {
    // Not a member of the company (or not the caller's company): 404 either way.
    caller.company_role(company_id)?;
    let found = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(company_id))
        .filter(membership::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("member"))?;
    remove_member(db, caller, company_id, found.id).await
}

/// A company's people and pending invitations, as its managers see them.
#[derive(Debug, Clone)]
pub struct Team {
    /// Each membership with its person, oldest first.
    pub members: Vec<(membership::Model, user::Model)>,
    /// Invitations neither accepted nor expired, newest first.
    pub pending: Vec<invitation::Model>,
}

/// The team of company `company_id` (officers and admins).
pub async fn team<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<Team, DomainError> {
    caller.company_manager(company_id)?;
    let rows = membership::Entity::find()
        .filter(membership::Column::OrganizationId.eq(company_id))
        .order_by_asc(membership::Column::CreatedAt)
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    let members = rows
        .into_iter()
        .filter_map(|m| {
            let person = users.iter().find(|u| u.id == m.user_id)?.clone();
            Some((m, person))
        })
        .collect();
    let pending = invitation::Entity::find()
        .filter(invitation::Column::OrganizationId.eq(company_id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(crate::clock::now()))
        .order_by_desc(invitation::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(Team { members, pending })
}
