//! A supplier of a company; its id is also its organization's id.

use sea_orm::entity::prelude::*;

/// A row of `suppliers`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "suppliers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub sector: String,
    pub contact_email: String,
    pub contact_name: Option<String>,
    pub risk_score: Option<f64>,
    pub risk_band: Option<String>,
    pub archived_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
