//! A worker's report and the case handled from it. The words are sealed; the
//! reporter is known only by the hash of their secret.

use sea_orm::entity::prelude::*;

/// A row of `voice_cases`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voice_cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub channel_id: Uuid,
    pub code: String,
    pub secret_hash: String,
    pub category: String,
    pub indicator: String,
    pub urgent: bool,
    pub locale: String,
    #[sea_orm(column_type = "Text")]
    pub report_sealed: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub contact_sealed: Option<String>,
    pub status: String,
    pub first_response_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The reporter's nationality (ISO 3166-1 alpha-2), only if they gave it.
    pub nationality: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
