//! A printable A4 poster (PDF) of a worker-voice channel, rendered by the worker.

use sea_orm::entity::prelude::*;

/// A row of `voice_posters`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voice_posters")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub channel_id: Uuid,
    pub locales: String,
    pub link: String,
    pub status: String,
    pub storage_key: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub error: Option<String>,
    pub requested_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub ready_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
