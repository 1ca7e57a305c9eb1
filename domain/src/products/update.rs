use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, IntoActiveModel};
use uuid::Uuid;

use super::{ProductChanges, create::sku_is_free, summary};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::product,
    error::DomainError,
};

/// Applies the changes to `current` (already checked with
/// `product_for_managing`) and records them in the audit trail.
pub async fn update_product<C: ConnectionTrait>(
    db: &C,
    current: product::Model,
    actor: Uuid,
    changes: ProductChanges,
) -> Result<product::Model, DomainError> {
    if let Some(sku) = &changes.sku {
        sku_is_free(db, current.company_id, sku.as_str(), Some(current.id)).await?;
    }
    let before = summary(&current);
    let mut active = current.into_active_model();
    if let Some(name) = changes.name {
        active.name = Set(name.into_inner());
    }
    if let Some(sku) = changes.sku {
        active.sku = Set(sku.into_inner());
    }
    if let Some(hs_code) = changes.hs_code {
        active.hs_code = Set(hs_code.map(|c| c.as_str().to_string()));
    }
    if let Some(description) = changes.description {
        active.description = Set(description);
    }
    active.updated_at = Set(clock::now());
    let updated = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "product.updated",
            entity_type: "product",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(summary(&updated)),
        },
    )
    .await?;
    Ok(updated)
}
