//! A supplier's own supplier: `buyer_id` buys from `supplier_id`.

use sea_orm::entity::prelude::*;

/// A row of `supplier_links`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "supplier_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub buyer_id: Uuid,
    pub supplier_id: Uuid,
    /// The buyer's site the supplies go to, when known.
    pub site_id: Option<Uuid>,
    /// What is supplied, when said.
    pub material: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
