//! A product (or SKU) a company buys, made by the suppliers in `product_sources`.

use sea_orm::entity::prelude::*;

/// A row of `products`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub name: String,
    /// Unique within the company.
    pub sku: String,
    /// Digits only, 6 to 12.
    pub hs_code: Option<String>,
    pub description: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
