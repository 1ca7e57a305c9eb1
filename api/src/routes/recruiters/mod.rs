//! The company's recruiter registry: every recruiter its fee audits name, with the
//! figures of the latest audit of each supplier, and what the company records about
//! its licence and IRIS certification.

pub mod get;
pub mod list;
pub mod update;

use chrono::NaiveDate;
use domain::{
    fee_audit::store::{RecruiterSummary, RecruiterSupplier},
    recruiters::{ChainLink, RecruiterProfile, stored_licences, stored_origins},
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One supplier's share of a recruiter's figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecruiterSupplierResponse {
    /// The supplier.
    pub supplier_id: Uuid,
    /// Its latest fee audit, which the figures come from.
    pub fee_audit_id: Uuid,
    /// Workers with a row naming the recruiter.
    pub workers: u64,
    /// Of those, workers who paid it something.
    pub workers_who_paid: u64,
    /// USD paid to it (two decimals).
    pub fees_usd: String,
    /// Of those workers, how many are at risk of debt bondage.
    pub debt_bondage_risks: u64,
}

impl From<RecruiterSupplier> for RecruiterSupplierResponse {
    fn from(s: RecruiterSupplier) -> Self {
        Self {
            supplier_id: s.supplier_id,
            fee_audit_id: s.fee_audit_id,
            workers: s.workers,
            workers_who_paid: s.workers_who_paid,
            fees_usd: s.fees_usd,
            debt_bondage_risks: s.debt_bondage_risks,
        }
    }
}

/// A licence the recruiter holds, as the company recorded it.
#[derive(Debug, Serialize, ToSchema)]
pub struct LicenceResponse {
    /// The number on the licence.
    pub number: String,
    /// ISO 3166-1 alpha-2 of the issuing country.
    pub issuing_country: String,
    /// The issuing authority.
    pub authority: String,
    /// When it expires, if it does.
    #[schema(value_type = Option<String>, format = Date)]
    pub expires_on: Option<NaiveDate>,
}

/// A recruiter in a sub-agent chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainLinkResponse {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Steps away (1: direct).
    pub depth: usize,
}

impl From<ChainLink> for ChainLinkResponse {
    fn from(l: ChainLink) -> Self {
        Self {
            id: l.id,
            name: l.name,
            depth: l.depth,
        }
    }
}

/// A supplier's latest self-assessment naming the recruiter, with its fee answers
/// (SAQ v2: no amount per recruiter, so shown beside the audited figures).
#[derive(Debug, Serialize, ToSchema)]
pub struct DeclaredFeesResponse {
    /// The supplier.
    pub supplier_id: Uuid,
    /// The assessment.
    pub assessment_id: Uuid,
    /// `fees.workers_paid_any`: `no`, `yes`, `unknown`, or `null` if not answered.
    pub workers_paid_any: Option<String>,
    /// `fees.months_of_wages`: the band.
    pub months_of_wages: Option<String>,
    /// `fees.costs_paid`: the option keys.
    pub costs_paid: Vec<String>,
}

/// A recruiter with its figures over the latest fee audit of every supplier.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecruiterResponse {
    /// The recruiter's id in the company's registry.
    pub id: Uuid,
    /// The name as first written in an upload.
    pub name: String,
    /// ISO 3166-1 alpha-2, when the uploads gave one.
    pub country: Option<String>,
    /// Suppliers whose latest audit names it.
    pub suppliers: u64,
    /// Workers with a row naming it.
    pub workers: u64,
    /// Of those, workers who paid it something.
    pub workers_who_paid: u64,
    /// USD paid to it (two decimals).
    pub fees_usd: String,
    /// Workers at risk of debt bondage among those it recruited.
    pub debt_bondage_risks: u64,
    /// Its licence number, as the company recorded it.
    pub licence_number: Option<String>,
    /// When the licence expires.
    #[schema(value_type = Option<String>, format = Date)]
    pub licence_expires_on: Option<NaiveDate>,
    /// Certified under IOM's International Recruitment Integrity System (the
    /// status below is `certified`).
    pub iris_certified: bool,
    /// The IRIS status the company recorded: `none`, `applied`, `certified`, `suspended`.
    pub iris_status: String,
    /// The date that status holds from.
    #[schema(value_type = Option<String>, format = Date)]
    pub iris_status_on: Option<NaiveDate>,
    /// Where the company read the status.
    pub iris_source: Option<String>,
    /// The recruiter it is a sub-agent of.
    pub sub_agent_of: Option<Uuid>,
    /// The countries it recruits from.
    pub origin_countries: Vec<String>,
    /// Its licences (`licence_number`/`licence_expires_on` are the first).
    pub licences: Vec<LicenceResponse>,
    /// Per supplier (on `GET /recruiters/{id}` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_supplier: Option<Vec<RecruiterSupplierResponse>>,
    // The chain, employers and declarations are four optional fields rather than
    // one flattened optional struct: OpenAPI cannot say "these keys all present or
    // all absent", and a flattened `Option` was described as `oneOf [.., null]`,
    // which no answer matches (Schemathesis found it).
    /// The recruiters it works under, nearest first (on `GET`/`PATCH /recruiters/{id}` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub works_under: Option<Vec<ChainLinkResponse>>,
    /// Its sub-agents at every depth (on `GET`/`PATCH /recruiters/{id}` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_agents: Option<Vec<ChainLinkResponse>>,
    /// The suppliers it works for (on `GET`/`PATCH /recruiters/{id}` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub works_for: Option<Vec<Uuid>>,
    /// Suppliers whose latest SAQ names it, with their fee answers (on
    /// `GET`/`PATCH /recruiters/{id}` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<Vec<DeclaredFeesResponse>>,
}

impl RecruiterResponse {
    /// The response, with the per-supplier shares when `detailed`.
    pub fn new(summary: RecruiterSummary, detailed: bool) -> Self {
        let r = summary.recruiter;
        Self {
            id: r.id,
            name: r.name,
            country: r.country,
            suppliers: summary.suppliers,
            workers: summary.workers,
            workers_who_paid: summary.workers_who_paid,
            fees_usd: summary.fees_usd,
            debt_bondage_risks: summary.debt_bondage_risks,
            licence_number: r.licence_number,
            licence_expires_on: r.licence_expires_on,
            iris_certified: r.iris_certified,
            iris_status: r.iris_status,
            iris_status_on: r.iris_status_on,
            iris_source: r.iris_source,
            sub_agent_of: r.sub_agent_of,
            origin_countries: stored_origins(r.origin_countries.as_deref()),
            licences: stored_licences(r.licences.as_deref())
                .into_iter()
                .map(|l| LicenceResponse {
                    number: l.number,
                    issuing_country: l.issuing_country,
                    authority: l.authority,
                    expires_on: l.expires_on,
                })
                .collect(),
            works_under: None,
            sub_agents: None,
            works_for: None,
            declared: None,
            by_supplier: detailed.then(|| {
                summary
                    .by_supplier
                    .into_iter()
                    .map(RecruiterSupplierResponse::from)
                    .collect()
            }),
        }
    }
}

impl From<RecruiterProfile> for RecruiterResponse {
    fn from(p: RecruiterProfile) -> Self {
        let mut response = Self::new(p.audited, true);
        response.works_under = Some(p.works_under.into_iter().map(Into::into).collect());
        response.sub_agents = Some(p.sub_agents.into_iter().map(Into::into).collect());
        response.works_for = Some(p.works_for.iter().map(|s| s.id).collect());
        response.declared = Some(
            p.declared
                .into_iter()
                .map(|d| DeclaredFeesResponse {
                    supplier_id: d.supplier.id,
                    assessment_id: d.assessment_id,
                    workers_paid_any: d.workers_paid_any,
                    months_of_wages: d.months_of_wages,
                    costs_paid: d.costs_paid,
                })
                .collect(),
        );
        response
    }
}
