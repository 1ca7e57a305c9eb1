//! One worker's answers to the pulse's five questions (no identifying column).

use sea_orm::entity::prelude::*;

/// A row of `voice_pulse_answers`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "voice_pulse_answers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub channel_id: Uuid,
    pub paid_fee: String,
    pub fee_amount: String,
    pub passport_holder: String,
    pub dormitory_free: String,
    pub contract_matches: String,
    pub answered_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
