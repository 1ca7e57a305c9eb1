//! A run of a fee audit's per-worker results, as compact CSV (audits stored since
//! migration `m20261129_000014`; older ones have `fee_audit_workers` rows instead).

use sea_orm::entity::prelude::*;

/// A row of `fee_audit_worker_chunks`: the workers `first_worker..` of the audit, in
/// `worker_ref` order (byte by byte), from `first_ref` to `last_ref`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "fee_audit_worker_chunks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub fee_audit_id: Uuid,
    /// The position of the chunk's first worker among the audit's workers (from 0).
    pub first_worker: i32,
    pub first_ref: String,
    pub last_ref: String,
    /// A header row, then one record per worker (exact decimals, recruiters as a JSON
    /// array).
    #[sea_orm(column_type = "Text")]
    pub body: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
