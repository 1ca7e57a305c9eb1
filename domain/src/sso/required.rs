//! "SSO required": a company that turns it on has its staff sign in through its
//! identity provider only; password login (portal and API) is refused for them.
//!
//! Several memberships: a user on the staff of any company that requires single
//! sign-on is refused password login altogether, even if their other companies do
//! not require it. A session is not scoped to one company (it opens every
//! membership), so a password session would reach the strict company's data too;
//! the strictest policy wins. They sign in through that company's provider, which
//! opens their other memberships as usual. Supplier users are not staff: the rule
//! never applies to them.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{access::Caller, entities::company_sso, error::DomainError, values::OrganizationKind};

/// The company whose "SSO required" refuses password login to `user_id`, if any.
pub async fn password_login_refused<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
) -> Result<Option<Uuid>, DomainError> {
    let Some(caller) = Caller::load(db, user_id).await? else {
        return Ok(None);
    };
    let companies: Vec<Uuid> = caller
        .memberships
        .iter()
        .filter(|m| m.kind == OrganizationKind::Company)
        .map(|m| m.organization_id)
        .collect();
    if companies.is_empty() {
        return Ok(None);
    }
    let strict = company_sso::Entity::find()
        .filter(company_sso::Column::CompanyId.is_in(companies))
        .filter(company_sso::Column::SsoRequired.eq(true))
        .one(db)
        .await?;
    Ok(strict.map(|row| row.company_id))
}
