//! A repayment made to a worker after a fee audit.

use sea_orm::entity::prelude::*;

/// A row of `repayments`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "repayments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub fee_audit_id: Uuid,
    pub worker_ref: String,
    pub amount: String,
    pub currency: String,
    pub paid_on: Date,
    pub amount_usd: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
