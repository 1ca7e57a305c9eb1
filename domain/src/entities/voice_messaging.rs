//! A company's SMS and WhatsApp provider settings for worker voice (secrets sealed).

use sea_orm::entity::prelude::*;

/// A row of `voice_messaging`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voice_messaging")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub provider: String,
    pub account_sid: String,
    #[sea_orm(column_type = "Text")]
    pub auth_token_sealed: String,
    pub from_number: String,
    pub api_base: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub whatsapp_app_secret_sealed: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub whatsapp_verify_token_sealed: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub whatsapp_access_token_sealed: Option<String>,
    pub whatsapp_phone_number_id: Option<String>,
    pub whatsapp_api_base: String,
    pub updated_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
