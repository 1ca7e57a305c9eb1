//! Finding evidence, for those who may read it.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{evidence_file, supplier},
    error::DomainError,
};

/// An evidence file the caller may read: whoever reaches its supplier's data (the
/// company's members, the supplier's own users). Anything else — another tenant,
/// a sibling supplier, no such file — is the same `NotFound`.
pub async fn readable<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<evidence_file::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("evidence file");
    let file = evidence_file::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    let owner = supplier::Entity::find_by_id(file.supplier_id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    // The row's company must be the supplier's too; a mismatch would be a bug, and
    // is treated as "not yours" rather than trusted.
    if owner.company_id != file.company_id {
        return Err(NOT_FOUND);
    }
    caller.supplier_access(&owner).map_err(|_| NOT_FOUND)?;
    Ok(file)
}

/// The evidence uploaded for an assessment, oldest first. The caller has already
/// been allowed to read the assessment.
pub async fn for_assessment<C: ConnectionTrait>(
    db: &C,
    assessment_id: Uuid,
) -> Result<Vec<evidence_file::Model>, DomainError> {
    Ok(evidence_file::Entity::find()
        .filter(evidence_file::Column::AssessmentId.eq(assessment_id))
        .order_by_asc(evidence_file::Column::CreatedAt)
        .order_by_asc(evidence_file::Column::Id)
        .all(db)
        .await?)
}
