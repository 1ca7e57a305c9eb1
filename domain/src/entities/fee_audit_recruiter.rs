//! One recruiter's share of one fee audit, with exact figures (fees_usd is an exact
//! decimal string), so the registry sums exact values.

use sea_orm::entity::prelude::*;

/// A row of `fee_audit_recruiters`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fee_audit_recruiters")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub fee_audit_id: Uuid,
    pub recruiter_id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub workers: i64,
    pub workers_who_paid: i64,
    pub debt_bondage_risks: i64,
    pub fees_usd: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
