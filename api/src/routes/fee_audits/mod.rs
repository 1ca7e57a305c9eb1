//! Recruitment-fee audits (fee-audit.md): upload, list, read, record repayments.
//! Worker references and amounts are personal data: they go to the callers allowed
//! to read the audit and never into logs.

pub mod create;
pub mod get;
pub mod list;
pub mod repayments;
mod stream;

pub use stream::{fee_audit_response, new_fee_audit_response};

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    entities::fee_audit,
    fee_audit::engine::RowError,
    fee_audit::store::{FeeAuditView, RepaymentTotals, UploadError, WorkerView},
};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;

/// A fee audit without its workers, as lists show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeAuditSummaryResponse {
    /// The fee audit's id, for `GET /fee-audits/{id}` and its exports.
    pub id: Uuid,
    /// The audited supplier.
    pub supplier_id: Uuid,
    /// The company that owns it.
    pub company_id: Uuid,
    /// When it was uploaded.
    pub created_at: DateTime<Utc>,
    /// Payment lines counted.
    pub row_count: i32,
    /// The summary (fee-audit.md, "Summary"; money as strings with two decimals),
    /// plus `fee_risk_inputs`: the exact figures scoring uses.
    #[schema(value_type = FeeAuditSummarySchema)]
    pub summary: serde_json::Value,
}

/// The summary of a fee audit as stored and shown (fee-audit.md, "Summary" and
/// "Additions"). Figures are strings, rounded only when shown: money to 2 decimals,
/// months and the indicator to 2, the share to 4. Audits stored before scoring model
/// 2 lack the fields from `recruitment_cost_indicator` on (or have it `null`).
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeAuditSummarySchema {
    /// Distinct workers.
    pub workers: u64,
    /// Workers who paid anything.
    pub workers_who_paid: u64,
    /// `workers_who_paid / workers`, 4 decimals.
    pub share_of_workers_who_paid: String,
    /// USD.
    pub total_fees_usd: String,
    /// USD.
    pub total_reimbursed_usd: String,
    /// USD: the repayment owed.
    pub total_outstanding_usd: String,
    /// Among workers who paid.
    pub median_months_of_wages: String,
    /// Highest months of wages.
    pub max_months_of_wages: String,
    /// Workers at risk of debt bondage.
    pub workers_with_debt_bondage_risk: u64,
    /// Per recruiter or sub-agent (other payees are not recruiters), largest first.
    #[schema(value_type = Vec<Object>)]
    pub by_recruiter: Vec<Value>,
    /// Per category, largest first: `{category, fees_usd}`.
    #[schema(value_type = Vec<Object>)]
    pub by_category: Vec<Value>,
    /// Per evidence level: `{evidence, fees_usd}`.
    #[schema(value_type = Vec<Object>)]
    pub by_evidence: Vec<Value>,
    /// Mean over all audited workers (non-payers count 0) of `(fees_usd −
    /// loan_interest_usd) / monthly_earnings_usd`, 2 decimals: comparable to SDG
    /// 10.7.1. `null` for audits stored before it was computed.
    pub recruitment_cost_indicator: Option<String>,
    /// The indicator per corridor (nationality → the supplier's country).
    pub by_corridor: Vec<CorridorCostSchema>,
    /// The indicator per sex (only the sexes present).
    pub by_sex: Vec<SexCostSchema>,
    /// Rates used although more than 31 days older than the date wanted.
    pub stale_rates: Vec<StaleRateSchema>,
    /// Workers with a payment taken from their wages (a zero-tolerance finding).
    pub workers_with_fees_deducted_from_wages: u64,
    /// The exact figures scoring uses.
    #[schema(value_type = Object)]
    pub fee_risk_inputs: Value,
}

/// The recruitment cost indicator of one corridor.
#[derive(Debug, Serialize, ToSchema)]
pub struct CorridorCostSchema {
    /// ISO 3166-1 alpha-2 of the workers' nationality.
    pub origin: String,
    /// ISO 3166-1 alpha-2 of the site (the supplier's country); `null` if unknown.
    pub destination: Option<String>,
    /// Workers of the corridor.
    pub workers: u64,
    /// Of those, who paid.
    pub workers_who_paid: u64,
    /// 2 decimals.
    pub recruitment_cost_indicator: String,
}

/// The recruitment cost indicator of the workers of one sex.
#[derive(Debug, Serialize, ToSchema)]
pub struct SexCostSchema {
    /// `female`, `male`, `other` or `unknown`.
    pub sex: String,
    /// Workers of that sex.
    pub workers: u64,
    /// Of those, who paid.
    pub workers_who_paid: u64,
    /// 2 decimals.
    pub recruitment_cost_indicator: String,
}

/// An old rate used: one per stored rate, with the latest date it was wanted for.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaleRateSchema {
    /// ISO 4217.
    pub currency: String,
    /// The latest date the rate was wanted for.
    #[schema(value_type = String, format = Date)]
    pub wanted: NaiveDate,
    /// The date of the rate used.
    #[schema(value_type = String, format = Date)]
    pub used: NaiveDate,
}

impl From<fee_audit::Model> for FeeAuditSummaryResponse {
    fn from(a: fee_audit::Model) -> Self {
        Self {
            id: a.id,
            supplier_id: a.supplier_id,
            company_id: a.company_id,
            created_at: a.created_at,
            row_count: a.row_count,
            summary: a.summary,
        }
    }
}

/// One worker's results and repayment progress (money: strings with two decimals).
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerResponse {
    /// The pseudonymous reference.
    pub worker_ref: String,
    /// ISO 3166-1 alpha-2.
    pub nationality: String,
    /// Hire date.
    #[schema(value_type = String, format = Date)]
    pub hire_date: NaiveDate,
    /// Contracted monthly base wage, in `wage_currency`.
    pub monthly_wage: String,
    /// ISO 4217.
    pub wage_currency: String,
    /// The wage in USD at the hire date.
    pub monthly_wage_usd: String,
    /// Everything the worker paid, USD.
    pub fees_usd: String,
    /// Reimbursed before the audit, USD.
    pub reimbursed_usd: String,
    /// Owed at the audit: `max(0, fees − reimbursed)`, USD.
    pub outstanding_usd: String,
    /// `fees_usd / monthly_wage_usd`, two decimals.
    pub months_of_wages: String,
    /// Paid anything.
    pub paid: bool,
    /// A payment was financed by a loan or wage advance.
    pub loan: bool,
    /// Paid, and with a loan or a month's wage or more.
    pub debt_bondage_risk: bool,
    /// The recruiters (and sub-agents) the worker's rows name.
    pub recruiters: Vec<String>,
    /// `female`, `male`, `other` or `unknown` (the default).
    pub sex: String,
    /// A payment was taken from the worker's wages.
    pub deducted_from_wages: bool,
    /// Monthly earnings at destination in USD at the hire date (the wage when not
    /// given); `null` for audits stored before scoring model 2.
    pub monthly_earnings_usd: Option<String>,
    /// Interest paid on recruitment loans, USD; `null` likewise.
    pub loan_interest_usd: Option<String>,
    /// `(fees_usd − loan_interest_usd) / monthly_earnings_usd`, two decimals: the
    /// worker's recruitment cost, comparable to SDG 10.7.1; `null` likewise.
    pub recruitment_cost_indicator: Option<String>,
    /// Repaid since the audit, USD.
    pub repaid_usd: String,
    /// Still owed, USD.
    pub remaining_usd: String,
    /// Repaid beyond what was owed, USD.
    pub over_repaid_usd: String,
}

impl From<WorkerView> for WorkerResponse {
    fn from(w: WorkerView) -> Self {
        Self {
            worker_ref: w.worker_ref,
            nationality: w.nationality,
            hire_date: w.hire_date,
            monthly_wage: w.monthly_wage,
            wage_currency: w.wage_currency,
            monthly_wage_usd: w.monthly_wage_usd,
            fees_usd: w.fees_usd,
            reimbursed_usd: w.reimbursed_usd,
            outstanding_usd: w.outstanding_usd,
            months_of_wages: w.months_of_wages,
            paid: w.paid,
            loan: w.loan,
            debt_bondage_risk: w.debt_bondage_risk,
            recruiters: w.recruiters,
            sex: w.sex.to_string(),
            deducted_from_wages: w.deducted_from_wages,
            monthly_earnings_usd: w.monthly_earnings_usd,
            loan_interest_usd: w.loan_interest_usd,
            recruitment_cost_indicator: w.recruitment_cost_indicator,
            repaid_usd: w.repaid_usd,
            remaining_usd: w.remaining_usd,
            over_repaid_usd: w.over_repaid_usd,
        }
    }
}

/// Repayment progress of the whole audit.
#[derive(Debug, Serialize, ToSchema)]
pub struct RepaymentTotalsResponse {
    /// Owed at the audit, USD.
    pub total_outstanding_usd: String,
    /// Repaid since, USD.
    pub total_repaid_usd: String,
    /// Still owed, USD (one worker's over-repayment never offsets another's debt).
    pub total_remaining_usd: String,
    /// Repaid beyond what was owed, USD.
    pub total_over_repaid_usd: String,
    /// Workers still owed something.
    pub workers_still_owed: u64,
    /// Nothing is owed any more; the repay action then waits for verification.
    pub settled: bool,
}

impl From<RepaymentTotals> for RepaymentTotalsResponse {
    fn from(t: RepaymentTotals) -> Self {
        Self {
            total_outstanding_usd: t.total_outstanding_usd,
            total_repaid_usd: t.total_repaid_usd,
            total_remaining_usd: t.total_remaining_usd,
            total_over_repaid_usd: t.total_over_repaid_usd,
            workers_still_owed: t.workers_still_owed,
            settled: t.settled,
        }
    }
}

/// A fee audit with its workers and repayment progress.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeAuditResponse {
    /// The audit and its summary.
    #[serde(flatten)]
    pub audit: FeeAuditSummaryResponse,
    /// Per worker, by `worker_ref`.
    pub workers: Vec<WorkerResponse>,
    /// Repayment totals.
    pub repayments: RepaymentTotalsResponse,
}

impl From<FeeAuditView> for FeeAuditResponse {
    fn from(view: FeeAuditView) -> Self {
        Self {
            audit: view.audit.into(),
            workers: view.workers.into_iter().map(WorkerResponse::from).collect(),
            repayments: view.repayments.into(),
        }
    }
}

/// The bad rows of an upload as a 422's `errors`.
pub fn row_problems(rows: Vec<RowError>) -> ApiError {
    ApiError::bad_rows(rows.into_iter().map(|e| (e.row, e.column, e.message)))
}

impl From<UploadError> for ApiError {
    fn from(error: UploadError) -> Self {
        match error {
            UploadError::Rejected(rows) => row_problems(rows),
            UploadError::Domain(domain) => domain.into(),
        }
    }
}

/// Today in UTC: the last day a payment or repayment may be dated.
pub fn today() -> NaiveDate {
    domain::clock::now().date_naive()
}
