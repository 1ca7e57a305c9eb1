//! Reading a company's outbound emails, so admins see what could not be delivered.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::{entities::outbound_email, error::DomainError};

/// One page of the company's emails in `status` (`queued`, `sent` or `failed`),
/// newest first, and how many there are in all.
pub async fn list_emails<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    status: &str,
    offset: u64,
    limit: u64,
) -> Result<(Vec<outbound_email::Model>, u64), DomainError> {
    let query = outbound_email::Entity::find()
        .filter(outbound_email::Column::CompanyId.eq(company_id))
        .filter(outbound_email::Column::Status.eq(status));
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_desc(outbound_email::Column::CreatedAt)
        .order_by_desc(outbound_email::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((items, total))
}
