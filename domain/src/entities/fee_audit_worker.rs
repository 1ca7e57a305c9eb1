//! The computed figures for one worker of a fee audit stored before migration
//! `m20261129_000014` (audits stored since keep them in `fee_audit_worker_chunks`).
//!
//! Two stored forms: rows written since migration `m20261129_000011` keep the figures
//! in the typed columns (exact decimals as text, `recruiters` a JSON array) and `{}` in
//! `result`; older rows keep them in `result` (a JSON document, the money rounded, the
//! exact amounts under `"exact"`) and have the typed columns `NULL`.
//! `fee_audits::worker_rows` reads both.

use sea_orm::entity::prelude::*;

/// A row of `fee_audit_workers`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fee_audit_workers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub fee_audit_id: Uuid,
    pub worker_ref: String,
    /// The old form's figures; `{}` in the typed form.
    pub result: Json,
    /// Repaid since the audit, USD, exact.
    pub repaid_usd: String,
    pub nationality: Option<String>,
    pub hire_date: Option<Date>,
    pub monthly_wage: Option<String>,
    pub wage_currency: Option<String>,
    pub monthly_wage_usd: Option<String>,
    pub fees_usd: Option<String>,
    pub reimbursed_usd: Option<String>,
    pub outstanding_usd: Option<String>,
    pub months_of_wages: Option<String>,
    pub paid: Option<bool>,
    pub loan: Option<bool>,
    pub debt_bondage_risk: Option<bool>,
    /// The recruiters' names, a JSON array of strings.
    pub recruiters: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
