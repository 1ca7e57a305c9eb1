//! What a fee audit produces: per-worker results and the summary (fee-audit.md, "Per
//! worker" and "Summary"). Values are kept exact; serialization rounds them for display
//! (money `"1234.50"`, months 2 decimals, share 4 decimals, all as strings).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Category, Evidence, Sex, codes, money};
use crate::values::{CountryCode, CurrencyCode};

/// Everything an upload yields once every row is good.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeeAuditOutcome {
    /// The audit's summary.
    pub summary: FeeAuditSummary,
    /// One result per worker, by `worker_ref`.
    pub workers: Vec<WorkerResult>,
    /// How many payment lines were counted.
    pub rows: u64,
}

/// One worker's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerResult {
    /// The worker's pseudonymous reference.
    pub worker_ref: String,
    /// Nationality.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::country")]
    pub nationality: CountryCode,
    /// Hire date.
    pub hire_date: NaiveDate,
    /// Contracted monthly base wage, in `wage_currency`.
    #[serde(serialize_with = "money::money")]
    pub monthly_wage: Decimal,
    /// The wage's currency.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::currency")]
    pub wage_currency: CurrencyCode,
    /// `monthly_wage × rate(wage_currency, hire_date)`.
    #[serde(serialize_with = "money::money")]
    pub monthly_wage_usd: Decimal,
    /// Σ `amount × rate(currency, paid_on)`.
    #[serde(serialize_with = "money::money")]
    pub fees_usd: Decimal,
    /// Σ `reimbursed × rate(currency, paid_on)`.
    #[serde(serialize_with = "money::money")]
    pub reimbursed_usd: Decimal,
    /// `max(0, fees_usd − reimbursed_usd)`: what the supplier owes this worker.
    #[serde(serialize_with = "money::money")]
    pub outstanding_usd: Decimal,
    /// `fees_usd / monthly_wage_usd`: the weight of everything paid against the
    /// contracted wage (the comparable indicator is [`RecruitmentCost`]).
    #[serde(serialize_with = "money::months")]
    pub months_of_wages: Decimal,
    /// `fees_usd > 0`.
    pub paid: bool,
    /// Any of the worker's payments was financed by a loan or wage advance.
    pub loan: bool,
    /// `paid` and (`loan` or `months_of_wages ≥ 1`).
    pub debt_bondage_risk: bool,
    /// The recruiters (and sub-agents) named on the worker's rows, by name.
    pub recruiters: Vec<String>,
    /// The worker's sex (`unknown` for audits stored before it was asked).
    #[serde(default)]
    pub sex: Sex,
    /// A payment was taken from the worker's wages.
    #[serde(default)]
    pub deducted_from_wages: bool,
    /// The figures of the comparable indicator; `None` for workers stored before it
    /// was computed (their loan interest and earnings are not known any more).
    #[serde(default)]
    pub recruitment_cost: Option<RecruitmentCost>,
}

/// One worker's recruitment cost in the form of SDG indicator 10.7.1: what they paid,
/// less interest on loans, against what they earn in a month at destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecruitmentCost {
    /// `monthly_earnings × rate(wage_currency, hire_date)`.
    #[serde(serialize_with = "money::money")]
    pub monthly_earnings_usd: Decimal,
    /// Σ USD of the worker's `loan_interest` rows.
    #[serde(serialize_with = "money::money")]
    pub loan_interest_usd: Decimal,
    /// `(fees_usd − loan_interest_usd) / monthly_earnings_usd`; 0 for a worker who paid
    /// nothing.
    #[serde(serialize_with = "money::months")]
    pub indicator: Decimal,
}

/// The audit's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeAuditSummary {
    /// Distinct workers.
    pub workers: u64,
    /// Workers whose `fees_usd > 0`.
    pub workers_who_paid: u64,
    /// `workers_who_paid / workers`.
    #[serde(serialize_with = "money::share")]
    pub share_of_workers_who_paid: Decimal,
    /// Σ workers' `fees_usd`.
    #[serde(serialize_with = "money::money")]
    pub total_fees_usd: Decimal,
    /// Σ workers' `reimbursed_usd`.
    #[serde(serialize_with = "money::money")]
    pub total_reimbursed_usd: Decimal,
    /// Σ workers' `outstanding_usd`: the repayment owed.
    #[serde(serialize_with = "money::money")]
    pub total_outstanding_usd: Decimal,
    /// Median `months_of_wages` among workers who paid (0 when nobody paid).
    #[serde(serialize_with = "money::months")]
    pub median_months_of_wages: Decimal,
    /// Highest `months_of_wages`.
    #[serde(serialize_with = "money::months")]
    pub max_months_of_wages: Decimal,
    /// Workers with `debt_bondage_risk`.
    pub workers_with_debt_bondage_risk: u64,
    /// Per recruiter, largest fees first (ties by name).
    pub by_recruiter: Vec<RecruiterFees>,
    /// Per category that has payments, largest fees first.
    pub by_category: Vec<CategoryFees>,
    /// Per evidence level that has payments, strongest evidence first.
    pub by_evidence: Vec<EvidenceFees>,
    // Scoring model 2 (fee-audit.md, "Additions"): defaulted, so that the summaries of
    // audits stored before still read (their indicator is `None`: not computed).
    /// Mean over all workers of their [`RecruitmentCost::indicator`] (those who paid
    /// nothing count as 0): comparable to SDG indicator 10.7.1.
    #[serde(default, serialize_with = "money::option_months")]
    pub recruitment_cost_indicator: Option<Decimal>,
    /// The indicator per corridor (nationality → site country), by origin.
    #[serde(default)]
    pub by_corridor: Vec<CorridorCost>,
    /// The indicator per sex, in the order female, male, other, unknown.
    #[serde(default)]
    pub by_sex: Vec<SexCost>,
    /// Rates used although more than 31 days older than the date they were wanted for.
    #[serde(default)]
    pub stale_rates: Vec<StaleRate>,
    /// Workers with a payment taken from their wages.
    #[serde(default)]
    pub workers_with_fees_deducted_from_wages: u64,
}

impl FeeAuditSummary {
    /// The figures the supplier's fee risk `F` is computed from (questionnaire-format.md,
    /// "Scoring"), unrounded.
    pub fn fee_risk_inputs(&self) -> FeeRiskInputs {
        FeeRiskInputs {
            share_of_workers_who_paid: self.share_of_workers_who_paid,
            median_months_of_wages: self.median_months_of_wages,
            any_debt_bondage: self.workers_with_debt_bondage_risk > 0,
        }
    }
}

/// The fee-audit figures that feed scoring. Serialized exactly (not rounded), so that
/// the score computed later from stored inputs is the same as from a fresh audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeRiskInputs {
    /// `workers_who_paid / workers`.
    pub share_of_workers_who_paid: Decimal,
    /// Median months of wages among workers who paid.
    pub median_months_of_wages: Decimal,
    /// Any worker at risk of debt bondage.
    pub any_debt_bondage: bool,
}

/// One recruiter's share of the audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecruiterFees {
    /// The recruiter, as written in the upload.
    pub recruiter: String,
    /// The recruiter's country, from the first row that gave one.
    #[serde(
        serialize_with = "codes::option_as_text",
        deserialize_with = "codes::option_country"
    )]
    pub country: Option<CountryCode>,
    /// Distinct workers with a row naming this recruiter (paid or not).
    pub workers: u64,
    /// Of those, workers who paid this recruiter something.
    pub workers_who_paid: u64,
    /// Of those workers, how many are at risk of debt bondage.
    pub debt_bondage_risks: u64,
    /// Σ USD paid to this recruiter.
    #[serde(serialize_with = "money::money")]
    pub fees_usd: Decimal,
}

/// Fees in one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryFees {
    /// The category.
    pub category: Category,
    /// Σ USD in it.
    #[serde(serialize_with = "money::money")]
    pub fees_usd: Decimal,
}

/// Fees known through one evidence level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFees {
    /// The evidence level.
    pub evidence: Evidence,
    /// Σ USD known that way.
    #[serde(serialize_with = "money::money")]
    pub fees_usd: Decimal,
}

/// The recruitment cost indicator of the workers of one corridor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorridorCost {
    /// The workers' nationality.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::country")]
    pub origin: CountryCode,
    /// The site's country (the supplier's); `None` when it is not a known code.
    #[serde(
        serialize_with = "codes::option_as_text",
        deserialize_with = "codes::option_country"
    )]
    pub destination: Option<CountryCode>,
    /// Workers of the corridor.
    pub workers: u64,
    /// Of those, workers who paid.
    pub workers_who_paid: u64,
    /// Mean of their indicators (non-payers count 0).
    #[serde(serialize_with = "money::months")]
    pub recruitment_cost_indicator: Decimal,
}

/// The recruitment cost indicator of the workers of one sex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SexCost {
    /// The sex.
    pub sex: Sex,
    /// Workers of that sex.
    pub workers: u64,
    /// Of those, workers who paid.
    pub workers_who_paid: u64,
    /// Mean of their indicators (non-payers count 0).
    #[serde(serialize_with = "money::months")]
    pub recruitment_cost_indicator: Decimal,
}

/// A stored rate used for a date more than 31 days after it: the result rests on an
/// old rate. One entry per stored rate used so, with the latest date it was used for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaleRate {
    /// The currency.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::currency")]
    pub currency: CurrencyCode,
    /// The latest date the rate was wanted for.
    pub wanted: NaiveDate,
    /// The date of the rate used.
    pub used: NaiveDate,
}
