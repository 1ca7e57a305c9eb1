//! One phone's pulse answered on a channel in a survey period: a keyed hash of
//! channel, period and number, nothing linking it to the answers.

use sea_orm::entity::prelude::*;

/// A row of `voice_pulse_ballots`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "voice_pulse_ballots")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub channel_id: Uuid,
    pub period: String,
    pub ballot_hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
