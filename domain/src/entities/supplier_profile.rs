//! A supplier's declared profile: workforce, migrant share, worker origins.

use sea_orm::entity::prelude::*;

/// A row of `supplier_profiles` (at most one per supplier).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "supplier_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub supplier_id: Uuid,
    /// Workers at the site, agency workers included.
    pub workforce_size: Option<i64>,
    /// Share 0–1 of migrant workers, as an exact decimal string.
    pub migrant_worker_share: Option<String>,
    /// `[{"country": "NP", "share": "0.4"}]`, shares as decimal strings.
    pub worker_origins: Json,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
