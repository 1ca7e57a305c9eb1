use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, sea_query::Expr,
};
use uuid::Uuid;

use crate::{
    access::{Caller, SupplierAccess, readable},
    audit::{self, AuditEntry},
    clock,
    entities::supplier,
    error::DomainError,
    values::{CountryCode, Email, RequiredText},
};

/// Changes to a supplier's profile, already parsed; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct SupplierChanges {
    /// New name.
    pub name: Option<RequiredText>,
    /// New country.
    pub country: Option<CountryCode>,
    /// New sector key.
    pub sector: Option<String>,
    /// New contact email.
    pub contact_email: Option<Email>,
    /// New contact name (`Some(None)` clears it).
    pub contact_name: Option<Option<RequiredText>>,
}

fn summary(s: &supplier::Model) -> serde_json::Value {
    serde_json::json!({"name": s.name, "country": s.country, "sector": s.sector, "archived": s.archived_at.is_some()})
}

/// A supplier the caller may change: its company's officers and admins. Anyone
/// who may not read it gets `NotFound("supplier")`; a lesser reader `Forbidden`.
pub async fn manageable<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<supplier::Model, DomainError> {
    match readable::supplier(db, caller, id).await? {
        (found, SupplierAccess::Company(role)) if role.manages_company() => Ok(found),
        _ => Err(DomainError::Forbidden(
            "only the company's officers and admins may change a supplier",
        )),
    }
}

/// Applies the changes and records them in the audit trail; a new name is
/// screened against the public forced-labour lists.
pub async fn update_supplier<C: ConnectionTrait + 'static>(
    db: &C,
    current: supplier::Model,
    actor: Uuid,
    changes: SupplierChanges,
) -> Result<supplier::Model, DomainError> {
    let before = summary(&current);
    let renamed = changes.name.as_ref().is_some_and(|n| n.as_str() != current.name);
    let mut active = current.into_active_model();
    if let Some(name) = changes.name {
        active.name = Set(name.into_inner());
    }
    if let Some(country) = changes.country {
        active.country = Set(country.as_str().into());
    }
    if let Some(sector) = changes.sector {
        active.sector = Set(sector);
    }
    if let Some(email) = changes.contact_email {
        active.contact_email = Set(email.as_str().into());
    }
    if let Some(name) = changes.contact_name {
        active.contact_name = Set(name.map(RequiredText::into_inner));
    }
    let updated = active.update(db).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "supplier.updated",
            entity_type: "supplier",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(summary(&updated)),
        },
    )
    .await?;
    if renamed {
        crate::screening::screen(db, &crate::screening::Subject::from(&updated)).await?;
    }
    Ok(updated)
}

/// Archives a supplier (kept with its history, hidden from lists by default).
pub async fn archive_supplier<C: ConnectionTrait + 'static>(
    db: &C,
    current: supplier::Model,
    actor: Uuid,
) -> Result<supplier::Model, DomainError> {
    if current.archived_at.is_some() {
        return Ok(current);
    }
    let before = summary(&current);
    // Archived only if it still is not: of two archives at once, one changes the
    // row and the kept total, the other finds it done (issue #23).
    let now = clock::now();
    let changed = supplier::Entity::update_many()
        .col_expr(supplier::Column::ArchivedAt, Expr::value(now))
        .filter(supplier::Column::Id.eq(current.id))
        .filter(supplier::Column::ArchivedAt.is_null())
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return supplier::Entity::find_by_id(current.id)
            .one(db)
            .await?
            .ok_or(DomainError::NotFound("supplier"));
    }
    crate::list_totals::adjust(db, current.company_id, crate::list_totals::Counted::Suppliers, -1).await?;
    let updated = supplier::Model {
        archived_at: Some(now),
        ..current
    };
    audit::record(
        db,
        AuditEntry {
            company_id: Some(updated.company_id),
            actor_user_id: Some(actor),
            action: "supplier.archived",
            entity_type: "supplier",
            entity_id: Some(updated.id),
            before: Some(before),
            after: Some(summary(&updated)),
        },
    )
    .await?;
    Ok(updated)
}
