//! One input line of a fee audit, kept with the rates used.

use sea_orm::entity::prelude::*;

/// A row of `fee_audit_lines`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fee_audit_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub fee_audit_id: Uuid,
    pub line_no: i32,
    pub worker_ref: String,
    pub line: Json,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
