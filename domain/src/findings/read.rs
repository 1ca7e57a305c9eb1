//! Reading findings and their corrective actions, for callers already allowed to
//! read the assessment or supplier (see [`crate::access::readable`]).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    entities::{corrective_action, finding},
    error::DomainError,
};

/// The findings of an assessment, oldest first.
pub async fn of_assessment<C: ConnectionTrait>(
    db: &C,
    assessment_id: Uuid,
) -> Result<Vec<finding::Model>, DomainError> {
    Ok(finding::Entity::find()
        .filter(finding::Column::AssessmentId.eq(assessment_id))
        .order_by_asc(finding::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The findings of a supplier, newest first.
pub async fn of_supplier<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
) -> Result<Vec<finding::Model>, DomainError> {
    Ok(finding::Entity::find()
        .filter(finding::Column::SupplierId.eq(supplier_id))
        .order_by_desc(finding::Column::CreatedAt)
        .all(db)
        .await?)
}

/// A finding's corrective actions, by due date.
pub async fn actions_of<C: ConnectionTrait>(
    db: &C,
    finding_id: Uuid,
) -> Result<Vec<corrective_action::Model>, DomainError> {
    Ok(corrective_action::Entity::find()
        .filter(corrective_action::Column::FindingId.eq(finding_id))
        .order_by_asc(corrective_action::Column::DueDate)
        .all(db)
        .await?)
}

/// Every corrective action of a supplier, by due date.
pub async fn actions_of_supplier<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
) -> Result<Vec<corrective_action::Model>, DomainError> {
    Ok(corrective_action::Entity::find()
        .filter(corrective_action::Column::SupplierId.eq(supplier_id))
        .order_by_asc(corrective_action::Column::DueDate)
        .all(db)
        .await?)
}

/// Most severe first (priority, major, minor), zero-tolerance first within a
/// severity; otherwise the order given.
pub fn most_severe_first(rows: &mut [finding::Model]) {
    let rank = |s: &str| match s {
        "priority" => 0,
        "major" => 1,
        _ => 2,
    };
    rows.sort_by_key(|f| (rank(&f.severity), !f.zero_tolerance));
}
