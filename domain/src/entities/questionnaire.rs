//! A versioned questionnaire definition (questionnaire-format.md); company_id is None for built-ins.

use sea_orm::entity::prelude::*;

/// A row of `questionnaires`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "questionnaires")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Option<Uuid>,
    pub key: String,
    pub version: i32,
    pub title: Json,
    pub definition: Json,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
