//! A run of a fee audit's input lines, kept with the rates used, as compact CSV.

use sea_orm::entity::prelude::*;

/// A row of `fee_audit_line_chunks`: lines `first_line..=last_line` of the upload
/// (line numbers of the file, the header being 1), one CSV record each.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fee_audit_line_chunks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub fee_audit_id: Uuid,
    pub first_line: i32,
    pub last_line: i32,
    /// A header row, then one record per line (`AuditedLine`'s fields, exact decimals).
    #[sea_orm(column_type = "Text")]
    pub body: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
