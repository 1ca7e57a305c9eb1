//! A handler's reply to the reporter, or an internal note on a case (sealed).

use sea_orm::entity::prelude::*;

/// A row of `voice_messages`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voice_messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub company_id: Uuid,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub body_sealed: String,
    pub author_user_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
