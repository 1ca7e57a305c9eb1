//! A company's API key for machine clients; only its hash is stored.

use sea_orm::entity::prelude::*;

/// A row of `api_keys`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "api_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    /// A label chosen by the admin.
    pub name: String,
    /// `officer` or `read_only`.
    pub role: String,
    /// SHA-256 (hex) of the whole key.
    #[serde(skip)]
    pub key_hash: String,
    /// The key's first characters, to tell keys apart.
    pub key_prefix: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    /// Set when revoked; a revoked key authenticates nobody.
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
