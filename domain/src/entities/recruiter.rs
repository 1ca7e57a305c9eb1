//! A recruiter (agency, sub-agent, broker) named in a company's fee audits: the
//! company's registry entry, with its licence and IRIS certification.

use sea_orm::entity::prelude::*;

/// A row of `recruiters`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "recruiters")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    /// `normalised name|country` (country empty when unknown): how uploads match it.
    pub match_key: String,
    /// The name as first written in an upload.
    pub name: String,
    /// ISO 3166-1 alpha-2, when known.
    pub country: Option<String>,
    pub licence_number: Option<String>,
    pub licence_expires_on: Option<Date>,
    /// Certified under IOM's International Recruitment Integrity System.
    pub iris_certified: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
