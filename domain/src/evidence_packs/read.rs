//! Reading packs: one, a supplier's list, and recording a download.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::Format;
use crate::{
    access::{Caller, readable},
    audit::{self, AuditEntry},
    entities::evidence_pack,
    error::DomainError,
    listing::{Window, Windowed as _},
};

/// The pack `id` if the caller is one of its company's reviewers; `NotFound`
/// otherwise, whether or not it exists.
pub async fn readable_pack<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<evidence_pack::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("evidence pack");
    let row = evidence_pack::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    caller.company_reviewer(row.company_id).map_err(|_| NOT_FOUND)?;
    Ok(row)
}

/// The packs of supplier `supplier_id`, newest first, and how many there are
/// (the company's reviewers).
pub async fn list_packs<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    supplier_id: Uuid,
    window: Window,
) -> Result<(Vec<evidence_pack::Model>, u64), DomainError> {
    let (found, access) = readable::supplier(db, caller, supplier_id).await?;
    caller.company_reader(access)?;
    let query = evidence_pack::Entity::find()
        .filter(evidence_pack::Column::CompanyId.eq(found.company_id))
        .filter(evidence_pack::Column::SupplierId.eq(found.id));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(evidence_pack::Column::CreatedAt)
        .order_by_desc(evidence_pack::Column::Id)
        .within(window)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Records in the audit trail that the caller downloaded `format` of `pack`.
pub async fn record_download<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    pack: &evidence_pack::Model,
    format: Format,
) -> Result<(), DomainError> {
    audit::record(
        db,
        AuditEntry {
            company_id: Some(pack.company_id),
            actor_user_id: Some(caller.user_id),
            action: "evidence_pack.downloaded",
            entity_type: "evidence_pack",
            entity_id: Some(pack.id),
            before: None,
            after: Some(serde_json::json!({"format": format.extension()})),
        },
    )
    .await
}
