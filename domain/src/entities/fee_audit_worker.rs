//! The computed figures for one worker of a fee audit.

use sea_orm::entity::prelude::*;

/// A row of `fee_audit_workers`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fee_audit_workers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub fee_audit_id: Uuid,
    pub worker_ref: String,
    pub result: Json,
    pub repaid_usd: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
