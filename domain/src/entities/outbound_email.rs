//! An email to send; the worker renders the template and records the Message-ID.

use sea_orm::entity::prelude::*;

/// A row of `outbound_emails`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "outbound_emails")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Option<Uuid>,
    pub template: String,
    pub to_address: String,
    pub locale: String,
    /// Cleared once sent: it may hold a secret such as an invitation token.
    pub params: Option<Json>,
    pub status: String,
    pub message_id: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    /// Set for messages that must go out at most once per key (reminders,
    /// digests, event notifications): see `email::queue_once`.
    #[sea_orm(column_type = "Text", nullable)]
    pub dedupe_key: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
