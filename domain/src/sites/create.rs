use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use super::{NewSite, summary};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{supplier, supplier_site},
    error::DomainError,
};

/// Adds a site to `owner` (already checked with `supplier_for_managing`) and
/// records it in the audit trail, on `db` (pass a transaction: both commit
/// together).
pub async fn create_site<C: ConnectionTrait>(
    db: &C,
    owner: &supplier::Model,
    actor: Uuid,
    input: NewSite,
) -> Result<supplier_site::Model, DomainError> {
    let now = clock::now();
    let row = supplier_site::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(owner.company_id),
        supplier_id: Set(owner.id),
        name: Set(input.name.into_inner()),
        address: Set(input.address.into_inner()),
        country: Set(input.country.as_str().into()),
        latitude: Set(input.coordinates.map(|c| c.0)),
        longitude: Set(input.coordinates.map(|c| c.1)),
        headcount: Set(input.headcount),
        os_id: Set(input.os_id.map(|o| o.as_str().to_string())),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action: "site.created",
            entity_type: "site",
            entity_id: Some(row.id),
            before: None,
            after: Some(summary(&row)),
        },
    )
    .await?;
    Ok(row)
}
