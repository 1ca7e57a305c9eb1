//! The audit that counts for each supplier of a company: its latest, by upload time
//! (an older audit of the same supplier is superseded, not added). The recruiter
//! registry and the corridor analytics read the same audits.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::{entities::fee_audit, error::DomainError};

/// The latest fee audit of one supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatestFeeAudit {
    /// The audit.
    pub fee_audit_id: Uuid,
    /// Its supplier.
    pub supplier_id: Uuid,
}

/// The latest fee audit of every supplier of the company that has one, newest first.
pub async fn latest_fee_audits<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Vec<LatestFeeAudit>, DomainError> {
    let audits: Vec<(Uuid, Uuid)> = fee_audit::Entity::find()
        .select_only()
        .columns([fee_audit::Column::Id, fee_audit::Column::SupplierId])
        .filter(fee_audit::Column::CompanyId.eq(company_id))
        .order_by_desc(fee_audit::Column::CreatedAt)
        .order_by_desc(fee_audit::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut seen = HashSet::new();
    Ok(audits
        .into_iter()
        .filter(|(_, supplier)| seen.insert(*supplier))
        .map(|(fee_audit_id, supplier_id)| LatestFeeAudit {
            fee_audit_id,
            supplier_id,
        })
        .collect())
}
