use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    entities::{supplier, supplier_site},
    error::DomainError,
};

/// What a form may link to a product of company `company_id` (already checked
/// with `company_for_managing`): its suppliers in use (not archived) by name,
/// and their sites.
pub async fn link_choices<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<(Vec<supplier::Model>, Vec<supplier_site::Model>), DomainError> {
    let suppliers = supplier::Entity::find()
        .filter(supplier::Column::CompanyId.eq(company_id))
        .filter(supplier::Column::ArchivedAt.is_null())
        .order_by_asc(supplier::Column::Name)
        .all(db)
        .await?;
    let sites = supplier_site::Entity::find()
        .filter(supplier_site::Column::CompanyId.eq(company_id))
        .order_by_asc(supplier_site::Column::Name)
        .all(db)
        .await?;
    Ok((suppliers, sites))
}
