//! A company's USD rate for a currency on a date (usd_per_unit is an exact decimal string).

use sea_orm::entity::prelude::*;

/// A row of `fx_rates`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fx_rates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub currency: String,
    pub rate_date: Date,
    pub usd_per_unit: String,
    pub source: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
