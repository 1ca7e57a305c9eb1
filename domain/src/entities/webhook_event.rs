//! An event a company's webhooks are told about, kept so every retry of a delivery
//! sends the same body.

use sea_orm::entity::prelude::*;

/// A row of `webhook_events`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "webhook_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    /// The event name, e.g. `assessment.scored`.
    pub event: String,
    /// The event's `data` object (ids and a few fields, never secrets).
    pub data: Json,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
