//! A supplier of the company that a recruiter works for (finds workers for), as the
//! company records it in its registry.

use sea_orm::entity::prelude::*;

/// A row of `recruiter_employers`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "recruiter_employers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The recruiter's company: every query filters by it.
    pub company_id: Uuid,
    pub recruiter_id: Uuid,
    pub supplier_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
