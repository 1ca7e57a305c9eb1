use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::summary;
use crate::{
    audit::{self, AuditEntry},
    entities::{material_origin, product, product_source},
    error::DomainError,
};

/// Deletes `current` (already checked with `product_for_managing`) with its
/// sources and origins; the audit trail keeps what it was. The foreign keys
/// cascade too; deleting the rows here keeps the use case correct on a
/// connection where SQLite's foreign-key enforcement is off.
pub async fn delete_product<C: ConnectionTrait>(
    db: &C,
    current: product::Model,
    actor: Uuid,
) -> Result<(), DomainError> {
    product_source::Entity::delete_many()
        .filter(product_source::Column::ProductId.eq(current.id))
        .exec(db)
        .await?;
    material_origin::Entity::delete_many()
        .filter(material_origin::Column::ProductId.eq(current.id))
        .exec(db)
        .await?;
    product::Entity::delete_by_id(current.id).exec(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(current.company_id),
            actor_user_id: Some(actor),
            action: "product.deleted",
            entity_type: "product",
            entity_id: Some(current.id),
            before: Some(summary(&current)),
            after: None,
        },
    )
    .await
}
