use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use super::NewOrigin;
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{material_origin, product},
    error::DomainError,
};

/// Records where one raw material of `product` (already checked with
/// `product_for_managing`) comes from, audited.
pub async fn add_origin<C: ConnectionTrait>(
    db: &C,
    product: &product::Model,
    actor: Uuid,
    input: NewOrigin,
) -> Result<material_origin::Model, DomainError> {
    let row = material_origin::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(product.company_id),
        product_id: Set(product.id),
        material: Set(input.material.into_inner()),
        country: Set(input.country.as_str().to_string()),
        share: Set(input.share),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(product.company_id),
            actor_user_id: Some(actor),
            action: "product.origin_added",
            entity_type: "product",
            entity_id: Some(product.id),
            before: None,
            after: Some(serde_json::json!({
                "material": row.material,
                "country": row.country,
                "share": row.share,
            })),
        },
    )
    .await?;
    Ok(row)
}
