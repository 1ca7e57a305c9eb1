//! A finding about a supplier: from a red flag, a fee audit, or added by hand.

use sea_orm::entity::prelude::*;

/// A row of `findings`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "findings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub supplier_id: Uuid,
    pub assessment_id: Option<Uuid>,
    pub fee_audit_id: Option<Uuid>,
    pub severity: String,
    pub zero_tolerance: bool,
    pub indicator: String,
    pub question_key: Option<String>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub status: String,
    pub source: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When a reviewer confirmed that the evidence bears the finding out (`None`:
    /// raised by a rule and not yet confirmed).
    pub confirmed_at: Option<DateTimeUtc>,
    /// Who confirmed it.
    pub confirmed_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
