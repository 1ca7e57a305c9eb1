use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::{entities::product, error::DomainError};

/// One page of company `company_id`'s products (already checked with
/// `company_for_reading`), by name, with how many there are in all.
pub async fn list_products<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    offset: u64,
    limit: u64,
) -> Result<(Vec<product::Model>, u64), DomainError> {
    let query = product::Entity::find().filter(product::Column::CompanyId.eq(company_id));
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_asc(product::Column::Name)
        .order_by_asc(product::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((items, total))
}
