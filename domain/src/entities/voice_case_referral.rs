//! A referral made on a worker-voice case, with the worker's consent and its outcome.

use sea_orm::entity::prelude::*;

/// A row of `voice_case_referrals`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "voice_case_referrals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub case_id: Uuid,
    pub service_id: Uuid,
    pub consent_method: String,
    pub consent_at: DateTimeUtc,
    pub outcome: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub outcome_note_sealed: Option<String>,
    pub outcome_at: Option<DateTimeUtc>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
