//! The company's recruiter registry: every recruiter its fee audits name, with the
//! figures of the latest audit of each supplier, and what the company records about
//! its licence and IRIS certification.

pub mod get;
pub mod list;
pub mod update;

use chrono::NaiveDate;
use domain::fee_audit::store::{RecruiterSummary, RecruiterSupplier};
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
    /// Certified under IOM's International Recruitment Integrity System.
    pub iris_certified: bool,
    /// Per supplier (on `GET /recruiters/{id}` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_supplier: Option<Vec<RecruiterSupplierResponse>>,
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
