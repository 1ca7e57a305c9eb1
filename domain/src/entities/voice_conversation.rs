//! A worker's SMS or WhatsApp conversation with a channel, found by a keyed hash
//! of the phone number (the number itself only sealed, until the case closes).

use sea_orm::entity::prelude::*;

/// A row of `voice_conversations`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voice_conversations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub channel_id: Uuid,
    pub provider: String,
    pub phone_hash: String,
    #[sea_orm(column_type = "Text")]
    pub phone_sealed: String,
    pub step: String,
    pub locale: Option<String>,
    pub category: Option<String>,
    pub case_id: Option<Uuid>,
    pub last_message_id: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_answer_sealed: Option<String>,
    /// A pulse conversation's answers so far, sealed (cleared at the fifth).
    #[sea_orm(column_type = "Text", nullable)]
    pub pulse_sealed: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
