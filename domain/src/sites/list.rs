use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{
    entities::{supplier, supplier_site},
    error::DomainError,
};

/// One page of `owner`'s sites (already checked with `supplier_for_reading`), by
/// name, with how many there are in all.
pub async fn list_sites<C: ConnectionTrait>(
    db: &C,
    owner: &supplier::Model,
    offset: u64,
    limit: u64,
) -> Result<(Vec<supplier_site::Model>, u64), DomainError> {
    let query = supplier_site::Entity::find()
        .filter(supplier_site::Column::CompanyId.eq(owner.company_id))
        .filter(supplier_site::Column::SupplierId.eq(owner.id));
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_asc(supplier_site::Column::Name)
        .order_by_asc(supplier_site::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((items, total))
}
