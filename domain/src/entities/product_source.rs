//! A supplier (and optionally one of its sites) that makes a product, in a role.

use sea_orm::entity::prelude::*;

/// A row of `product_sources`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "product_sources")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub product_id: Uuid,
    pub supplier_id: Uuid,
    pub site_id: Option<Uuid>,
    /// `assembly`, `component`, `processing` or `raw_material`.
    pub role: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
