//! One version of one section's text of a statement.

use sea_orm::entity::prelude::*;

/// A row of `statement_versions`; the highest `version` of a section is its text.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "statement_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub statement_id: Uuid,
    pub section_key: String,
    /// 1 for the generated draft, then +1 per edit of this section.
    pub version: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub author_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
