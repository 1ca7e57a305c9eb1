//! A message to a worker sent through the SMS or WhatsApp provider (text sealed).

use sea_orm::entity::prelude::*;

/// A row of `voice_outbound`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voice_outbound")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub conversation_id: Uuid,
    pub case_id: Option<Uuid>,
    pub provider: String,
    #[sea_orm(column_type = "Text")]
    pub body_sealed: String,
    pub status: String,
    pub provider_message_id: Option<String>,
    pub error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
