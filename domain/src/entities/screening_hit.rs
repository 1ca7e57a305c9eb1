//! A supplier or recruiter whose name is close to a name on a screening list.

use sea_orm::entity::prelude::*;

/// A row of `screening_hits` (one per subject and list entry).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "screening_hits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    /// `supplier`, `facility` or `recruiter`.
    pub subject_type: String,
    pub subject_id: Uuid,
    /// The subject's name when it was screened.
    pub subject_name: String,
    pub list_key: String,
    /// The listed name it resembles.
    pub entry_name: String,
    /// Similarity 0–1 (`screening::names::similarity`).
    pub score: f64,
    /// `open`, `confirmed` or `dismissed`.
    pub status: String,
    /// Why it was confirmed or dismissed.
    pub reason: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    /// The priority finding a confirmation raised.
    pub finding_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
