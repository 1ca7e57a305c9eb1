use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::LinkHolder;
use crate::{
    accounts::{self, Invite},
    entities::{membership, organization},
    error::DomainError,
    values::{Email, Locale, Role},
};

/// A link holder who wants an account: the existing invitation flow, sent to the
/// address the link was emailed to (never one the holder types, so a link cannot
/// add a stranger to the supplier), as one of the supplier's own users. Someone
/// who is already a member is told so (`Conflict`).
pub async fn invite_holder<C: ConnectionTrait>(
    db: &C,
    holder: &LinkHolder,
    public_url: &str,
) -> Result<(), DomainError> {
    let reached = holder.own();
    let email = Email::parse(&holder.link.email)
        .map_err(|e| DomainError::Internal(format!("stored link email {e}")))?;
    if let Some(person) = accounts::find_user_by_email(db, &email).await? {
        let member = membership::Entity::find()
            .filter(membership::Column::UserId.eq(person.id))
            .filter(membership::Column::OrganizationId.eq(reached.supplier.id))
            .one(db)
            .await?;
        if member.is_some() {
            return Err(DomainError::Conflict(
                "this address already has an account; log in instead".into(),
            ));
        }
    }
    let company = organization::Entity::find_by_id(reached.row.company_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("assessment"))?;
    accounts::invite(
        db,
        Invite {
            company_id: company.id,
            company_name: company.name,
            organization_id: reached.supplier.id,
            organization_name: reached.supplier.name.clone(),
            email,
            role: Role::Supplier,
            // The link is the actor: the invitation trail says it came through it.
            invited_by: Some(holder.actor()),
            public_url: public_url.to_string(),
            locale: Locale::parse(&holder.link.locale).unwrap_or_default(),
        },
    )
    .await?;
    Ok(())
}
