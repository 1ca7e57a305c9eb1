//! A user's TOTP second factor (RFC 6238); `confirmed_at` is set once the user
//! proved their authenticator produces the codes.

use sea_orm::entity::prelude::*;

/// A row of `user_totp`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "user_totp")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// The shared secret, Base32 (never returned once confirmed, never logged).
    pub secret: String,
    /// The time step of the last code accepted: no code is accepted twice.
    pub last_step: Option<i64>,
    pub confirmed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
