//! One sign-in: its id is the `sid` of the tokens it issued, so ending it
//! refuses them.

use sea_orm::entity::prelude::*;

/// A row of `user_sessions`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "user_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// A short summary of the client ("Firefox on Linux"), not the full header.
    pub user_agent: Option<String>,
    /// The network the sign-in came from (`/24` or `/48`), never the full address.
    pub ip_prefix: Option<String>,
    pub created_at: DateTimeUtc,
    pub last_seen_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
