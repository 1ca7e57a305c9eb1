//! A recruiter (agency, sub-agent, broker) named in a company's fee audits: the
//! company's registry entry, with its licences, origin countries, the recruiter it is
//! a sub-agent of, and its IRIS certification status as the company recorded it.

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
    /// Certified under IOM's International Recruitment Integrity System: in step
    /// with `iris_status` = `certified`.
    pub iris_certified: bool,
    /// The recruiter this one is a sub-agent of (same company), if any.
    pub sub_agent_of: Option<Uuid>,
    /// The countries it recruits from: a JSON array of ISO 3166-1 alpha-2 codes.
    #[sea_orm(column_type = "Text", nullable)]
    pub origin_countries: Option<String>,
    /// Its licences: a JSON array of `{number, issuing_country, authority,
    /// expires_on}` (`domain::recruiters::Licence`).
    #[sea_orm(column_type = "Text", nullable)]
    pub licences: Option<String>,
    /// IRIS status as the company recorded it: `none`, `applied`, `certified`,
    /// `suspended`.
    pub iris_status: String,
    /// The date the status holds from, as the company's source gives it.
    pub iris_status_on: Option<Date>,
    /// Where the company read the status (for example IOM's published list).
    #[sea_orm(column_type = "Text", nullable)]
    pub iris_source: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Its figures over the latest fee audit of every supplier, stored so that the
    /// registry is listed in fee order from an index (issue #23); kept in step by
    /// every upload (`fee_audit::store::standing`). Suppliers whose latest audit
    /// names it.
    pub suppliers: i64,
    /// Σ workers with a row naming it.
    pub workers: i64,
    /// Σ of those who paid it something.
    pub workers_who_paid: i64,
    /// Σ of those at risk of debt bondage.
    pub debt_bondage_risks: i64,
    /// Σ USD paid to it, as shown (two decimals).
    pub fees_usd: String,
    /// Minus `fees_usd` in cents: ascending is largest fees first, so the list's
    /// order `(fee_rank, name, id)` is one ascending index and a cursor one seek.
    pub fee_rank: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
