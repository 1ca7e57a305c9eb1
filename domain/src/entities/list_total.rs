//! `list_totals`: how many rows a company's unfiltered list has (migration
//! `000054`), adjusted by the writes that change it, in their transaction.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "list_totals")]
pub struct Model {
    /// The company whose list it is.
    #[sea_orm(primary_key, auto_increment = false)]
    pub company_id: Uuid,
    /// Which list (`list_totals::Counted::key`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub list: String,
    /// Its rows.
    pub total: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
