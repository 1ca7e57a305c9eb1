//! A questionnaire sent to one supplier.

use sea_orm::entity::prelude::*;

/// A row of `assessments`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "assessments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub questionnaire_id: Uuid,
    pub status: String,
    pub due_date: Date,
    pub locale: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub scored_at: Option<DateTimeUtc>,
    pub score: Option<f64>,
    pub risk_band: Option<String>,
    pub score_breakdown: Option<Json>,
    #[sea_orm(column_type = "Text", nullable)]
    pub review_comment: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
