//! Managing a company's API keys as a caller asks: keys are the admins' business
//! (another role gets `Forbidden`, anyone outside the company `NotFound`), and an
//! API key never manages keys (it is not an admin).

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{CreatedKey, KeyRole, create, revoke};
use crate::{
    access::Caller, entities::api_key, error::DomainError, transaction::BeginWrite as _, values::Role,
};

/// Requires an admin of company `company_id` signed in as a person.
pub fn require_admin(caller: &Caller, company_id: Uuid) -> Result<(), DomainError> {
    if caller.company_role(company_id)? != Role::Admin || caller.read_only {
        return Err(DomainError::Forbidden("only admins may manage API keys"));
    }
    Ok(())
}

/// One page of the company's keys, newest first, and how many there are.
pub async fn keys_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    offset: u64,
    limit: u64,
) -> Result<(Vec<api_key::Model>, u64), DomainError> {
    require_admin(caller, company_id)?;
    let query = api_key::Entity::find().filter(api_key::Column::CompanyId.eq(company_id));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(api_key::Column::CreatedAt)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Creates a key for company `company_id`, in its own transaction.
pub async fn create_key<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    name: &str,
    role: KeyRole,
) -> Result<CreatedKey, DomainError> {
    require_admin(caller, company_id)?;
    let txn = db.begin_write().await?;
    let created = create(&txn, company_id, name, role, caller.user_id).await?;
    txn.commit().await?;
    Ok(created)
}

/// Revokes key `id` at once; it stays listed, marked revoked.
pub async fn revoke_key<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<api_key::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("API key");
    let row = api_key::Entity::find_by_id(id).one(db).await?.ok_or(NOT_FOUND)?;
    caller.company_role(row.company_id).map_err(|_| NOT_FOUND)?;
    require_admin(caller, row.company_id)?;
    let txn = db.begin_write().await?;
    let revoked = revoke(&txn, row, caller.user_id).await?;
    txn.commit().await?;
    Ok(revoked)
}
