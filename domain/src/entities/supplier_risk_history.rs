//! One scoring of a supplier (its risk trend).

use sea_orm::entity::prelude::*;

/// A row of `supplier_risk_history`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "supplier_risk_history")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub assessment_id: Uuid,
    pub score: f64,
    pub risk_band: String,
    /// The scoring model that produced it.
    pub model_version: String,
    pub computed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
