use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::NewSource;
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{product, product_source, supplier, supplier_site},
    error::DomainError,
};

/// The supplier `id` when it is one of company `company_id`'s; otherwise the
/// field is refused as unknown (another tenant's supplier is not revealed).
pub(super) async fn company_supplier<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    id: Uuid,
    field: &str,
) -> Result<supplier::Model, DomainError> {
    match supplier::Entity::find_by_id(id).one(db).await? {
        Some(found) if found.company_id == company_id => Ok(found),
        _ => Err(DomainError::invalid(field, "no such supplier in this company")),
    }
}

/// Refuses a site that is not one of `owner`'s.
pub(super) async fn own_site<C: ConnectionTrait>(
    db: &C,
    owner: &supplier::Model,
    site_id: Option<Uuid>,
) -> Result<(), DomainError> {
    let Some(id) = site_id else { return Ok(()) };
    match supplier_site::Entity::find_by_id(id).one(db).await? {
        Some(site) if site.supplier_id == owner.id && site.company_id == owner.company_id => Ok(()),
        _ => Err(DomainError::invalid("site_id", "no such site of this supplier")),
    }
}

/// Records that a supplier (at one of its sites, when given) makes `product`
/// (already checked with `product_for_managing`), audited.
pub async fn add_source<C: ConnectionTrait>(
    db: &C,
    product: &product::Model,
    actor: Uuid,
    input: NewSource,
) -> Result<product_source::Model, DomainError> {
    let maker = company_supplier(db, product.company_id, input.supplier_id, "supplier_id").await?;
    own_site(db, &maker, input.site_id).await?;
    let row = product_source::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(product.company_id),
        product_id: Set(product.id),
        supplier_id: Set(maker.id),
        site_id: Set(input.site_id),
        role: Set(input.role.key().to_string()),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(product.company_id),
            actor_user_id: Some(actor),
            action: "product.source_added",
            entity_type: "product",
            entity_id: Some(product.id),
            before: None,
            after: Some(serde_json::json!({
                "supplier_id": row.supplier_id,
                "site_id": row.site_id,
                "role": row.role,
            })),
        },
    )
    .await?;
    Ok(row)
}
