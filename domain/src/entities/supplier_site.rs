//! A production site of a supplier, optionally linked to its Open Supply Hub OS ID.

use sea_orm::entity::prelude::*;

/// A row of `supplier_sites`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "supplier_sites")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The supplier's company: every query filters by it.
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub name: String,
    pub address: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Workers at the site, 0 or more.
    pub headcount: i64,
    /// Open Supply Hub's identifier, once linked.
    pub os_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
