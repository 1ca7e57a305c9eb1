//! A company's own inherent-risk figure for a country or a sector.

use sea_orm::entity::prelude::*;

/// A row of `risk_overrides`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "risk_overrides")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    /// `country` or `sector`.
    pub kind: String,
    /// The country code or sector key.
    pub key: String,
    /// Risk 0–100 as an exact decimal string.
    pub risk: String,
    /// Why the company overrides the figure.
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
