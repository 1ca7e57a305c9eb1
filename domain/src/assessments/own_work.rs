//! What a supplier's own users have to do: their assessments, with the title of
//! each questionnaire, and their fee audits. The caller has already been allowed
//! to read the supplier as one of its own users.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    entities::{assessment, fee_audit, questionnaire},
    error::DomainError,
};

/// A supplier's work list.
#[derive(Debug, Clone)]
pub struct OwnWork {
    /// Each assessment, soonest due first, with its questionnaire's stored title
    /// (by language).
    pub assessments: Vec<(assessment::Model, serde_json::Value)>,
    /// Their fee audits, newest first.
    pub fee_audits: Vec<fee_audit::Model>,
}

/// The work list of supplier `supplier_id`.
pub async fn own_work<C: ConnectionTrait>(db: &C, supplier_id: Uuid) -> Result<OwnWork, DomainError> {
    let rows = assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(supplier_id))
        .order_by_asc(assessment::Column::DueDate)
        .all(db)
        .await?;
    let titles = questionnaire::Entity::find()
        .filter(questionnaire::Column::Id.is_in(rows.iter().map(|a| a.questionnaire_id)))
        .all(db)
        .await?;
    let assessments = rows
        .into_iter()
        .map(|a| {
            let title = titles
                .iter()
                .find(|q| q.id == a.questionnaire_id)
                .map(|q| q.title.clone())
                .unwrap_or_default();
            (a, title)
        })
        .collect();
    let fee_audits = fee_audit::Entity::find()
        .filter(fee_audit::Column::SupplierId.eq(supplier_id))
        .order_by_desc(fee_audit::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(OwnWork {
        assessments,
        fee_audits,
    })
}
