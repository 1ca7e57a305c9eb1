//! What has been repaid to one worker of a fee audit stored in chunks
//! (`fee_audit_worker_chunks`); a worker without a row has been repaid nothing.

use sea_orm::entity::prelude::*;

/// A row of `fee_audit_worker_repaid`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fee_audit_worker_repaid")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub fee_audit_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub worker_ref: String,
    /// Repaid since the audit, USD, exact.
    pub repaid_usd: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
