//! Where one raw material of a product comes from.

use sea_orm::entity::prelude::*;

/// A row of `material_origins`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "material_origins")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub product_id: Uuid,
    pub material: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Above 0 and at most 1, when known.
    pub share: Option<f64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
