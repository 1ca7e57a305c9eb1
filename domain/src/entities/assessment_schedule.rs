//! A recurring assessment: the same questionnaire sent to a supplier every N months.

use sea_orm::entity::prelude::*;

/// A row of `assessment_schedules`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "assessment_schedules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub questionnaire_id: Uuid,
    /// Months between two sends.
    pub every_months: i32,
    /// Days the supplier has to answer each one.
    pub due_in_days: i32,
    /// The next send date.
    pub next_send_on: Date,
    pub active: bool,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
