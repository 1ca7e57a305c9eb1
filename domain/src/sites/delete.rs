use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::summary;
use crate::{
    audit::{self, AuditEntry},
    entities::supplier_site,
    error::DomainError,
};

/// Deletes `current` (already checked with `site_for_managing`); the audit trail
/// keeps what it was.
pub async fn delete_site<C: ConnectionTrait>(
    db: &C,
    current: supplier_site::Model,
    actor: Uuid,
) -> Result<(), DomainError> {
    supplier_site::Entity::delete_by_id(current.id).exec(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(current.company_id),
            actor_user_id: Some(actor),
            action: "site.deleted",
            entity_type: "site",
            entity_id: Some(current.id),
            before: Some(summary(&current)),
            after: None,
        },
    )
    .await
}
