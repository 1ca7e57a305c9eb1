//! An evidence pack of one supplier for one regime (migration 000051).

use sea_orm::entity::prelude::*;

/// A row of `evidence_packs`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "evidence_packs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    /// `uflpa` or `eu_flr`.
    pub regime: String,
    pub locale: String,
    /// `queued`, `rendering`, `ready` or `failed`.
    pub status: String,
    pub requested_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub json_key: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub pdf_key: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub zip_key: Option<String>,
    pub json_size: Option<i64>,
    pub pdf_size: Option<i64>,
    pub zip_size: Option<i64>,
    pub json_sha256: Option<String>,
    pub pdf_sha256: Option<String>,
    pub zip_sha256: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub error: Option<String>,
    pub created_at: DateTimeUtc,
    pub ready_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
