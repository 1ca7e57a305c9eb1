//! A corrective action that answers a finding.

use sea_orm::entity::prelude::*;

/// A row of `corrective_actions`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "corrective_actions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub finding_id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub due_date: Date,
    pub owner_email: Option<String>,
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub verified_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
