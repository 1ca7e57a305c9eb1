//! One answer of an assessment.

use sea_orm::entity::prelude::*;

/// A row of `assessment_answers`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "assessment_answers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub assessment_id: Uuid,
    pub question_key: String,
    pub value: Json,
    pub answered_by: Option<Uuid>,
    pub updated_at: DateTimeUtc,
    /// Copied from the supplier's previous assessment and not yet confirmed.
    pub carried_over: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
