use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, IntoActiveModel};
use uuid::Uuid;

use super::{SiteChanges, summary};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::supplier_site,
    error::DomainError,
};

/// Applies the changes to `current` (already checked with `site_for_managing`)
/// and records them in the audit trail; linking or unlinking an OS ID is a change
/// like any other.
pub async fn update_site<C: ConnectionTrait>(
    db: &C,
    current: supplier_site::Model,
    actor: Uuid,
    changes: SiteChanges,
) -> Result<supplier_site::Model, DomainError> {
    let before = summary(&current);
    let mut active = current.into_active_model();
    if let Some(name) = changes.name {
        active.name = Set(name.into_inner());
    }
    if let Some(address) = changes.address {
        active.address = Set(address.into_inner());
    }
    if let Some(country) = changes.country {
        active.country = Set(country.as_str().into());
    }
    if let Some(coordinates) = changes.coordinates {
        active.latitude = Set(coordinates.map(|c| c.0));
        active.longitude = Set(coordinates.map(|c| c.1));
    }
    if let Some(headcount) = changes.headcount {
        active.headcount = Set(headcount);
    }
    if let Some(os_id) = changes.os_id {
        active.os_id = Set(os_id.map(|o| o.as_str().to_string()));
    }
    active.updated_at = Set(clock::now());
    let updated = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "site.updated",
            entity_type: "site",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(summary(&updated)),
        },
    )
    .await?;
    Ok(updated)
}
