//! One checked payment line of a fee audit, as the engine counts it and as the caller
//! stores it: the input values, plus the rates used and the USD amounts they gave.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::codes;
use crate::values::{CountryCode, CurrencyCode};

/// Where a worker's money went: the ILO classes of recruitment fees and related costs
/// (2019), plus illegitimate costs, loan interest, `other`, and `none` for a worker who
/// paid nothing. Every class except `none` is a prohibited fee (Employer Pays Principle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Fees for recruitment services.
    RecruitmentFee,
    /// Medical examinations, tests, vaccinations.
    Medical,
    /// Insurance and migrant welfare funds.
    Insurance,
    /// Language and skills tests, certification, licensing.
    SkillsTest,
    /// Required training and orientation.
    Training,
    /// Tools, uniforms, safety gear.
    Equipment,
    /// Travel, lodging and subsistence during recruitment.
    TravelLodging,
    /// Passports, visas, permits, contracts, clearances, bank accounts.
    Administrative,
    /// Bribes, kickbacks, deposits, bonds, collateral.
    Illegitimate,
    /// Interest on money borrowed to pay any of the above.
    LoanInterest,
    /// Anything else the worker paid to get the job.
    Other,
    /// The worker paid nothing (amount 0).
    None,
}

impl Category {
    /// Every category, in the order of fee-audit.md.
    pub const ALL: [Category; 12] = [
        Self::RecruitmentFee,
        Self::Medical,
        Self::Insurance,
        Self::SkillsTest,
        Self::Training,
        Self::Equipment,
        Self::TravelLodging,
        Self::Administrative,
        Self::Illegitimate,
        Self::LoanInterest,
        Self::Other,
        Self::None,
    ];

    /// The CSV and JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RecruitmentFee => "recruitment_fee",
            Self::Medical => "medical",
            Self::Insurance => "insurance",
            Self::SkillsTest => "skills_test",
            Self::Training => "training",
            Self::Equipment => "equipment",
            Self::TravelLodging => "travel_lodging",
            Self::Administrative => "administrative",
            Self::Illegitimate => "illegitimate",
            Self::LoanInterest => "loan_interest",
            Self::Other => "other",
            Self::None => "none",
        }
    }

    /// Parses the CSV name (case-insensitive).
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(raw))
    }
}

/// How a payment is known, strongest first (ethical-recruitment.md §2.5, evidence
/// hierarchy), so that a report can say how much of the total rests on documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A receipt.
    Receipt,
    /// A bank or money-transfer record.
    BankRecord,
    /// Testimony corroborated by other workers of the same recruiter and year.
    CorroboratedTestimony,
    /// The worker's own testimony (the default: testimony is not discounted).
    #[default]
    Testimony,
    /// An estimate from a corridor benchmark.
    Estimate,
}

impl Evidence {
    /// Every level, strongest first.
    pub const ALL: [Evidence; 5] = [
        Self::Receipt,
        Self::BankRecord,
        Self::CorroboratedTestimony,
        Self::Testimony,
        Self::Estimate,
    ];

    /// The CSV and JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Receipt => "receipt",
            Self::BankRecord => "bank_record",
            Self::CorroboratedTestimony => "corroborated_testimony",
            Self::Testimony => "testimony",
            Self::Estimate => "estimate",
        }
    }

    /// Parses the CSV name (case-insensitive).
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|e| e.as_str().eq_ignore_ascii_case(raw))
    }
}

/// The worker's sex, for sex-disaggregated results (fee-audit.md, "Additions").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Another sex.
    Other,
    /// Not recorded (the default).
    #[default]
    Unknown,
}

impl Sex {
    /// Every value, in the order of fee-audit.md.
    pub const ALL: [Sex; 4] = [Self::Female, Self::Male, Self::Other, Self::Unknown];

    /// The CSV and JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
            Self::Other => "other",
            Self::Unknown => "unknown",
        }
    }

    /// Parses the CSV name (case-insensitive).
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(raw))
    }
}

/// Who received a payment. Only recruiters and their sub-agents are recruiters in
/// `by_recruiter` and the registry; a clinic or a government office is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayeeType {
    /// A recruitment agency, broker or the like (the default).
    #[default]
    Recruiter,
    /// A sub-agent of a recruiter.
    SubAgent,
    /// A member of the employer's staff.
    EmployerStaff,
    /// A medical clinic.
    Clinic,
    /// A training or testing centre.
    TrainingCentre,
    /// A government office.
    Government,
    /// Anyone else.
    Other,
}

impl PayeeType {
    /// Every value, in the order of fee-audit.md.
    pub const ALL: [PayeeType; 7] = [
        Self::Recruiter,
        Self::SubAgent,
        Self::EmployerStaff,
        Self::Clinic,
        Self::TrainingCentre,
        Self::Government,
        Self::Other,
    ];

    /// The CSV and JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Recruiter => "recruiter",
            Self::SubAgent => "sub_agent",
            Self::EmployerStaff => "employer_staff",
            Self::Clinic => "clinic",
            Self::TrainingCentre => "training_centre",
            Self::Government => "government",
            Self::Other => "other",
        }
    }

    /// Parses the CSV name (case-insensitive).
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(raw))
    }

    /// Counted in `by_recruiter`: a recruiter or a sub-agent.
    pub fn is_recruiter(self) -> bool {
        matches!(self, Self::Recruiter | Self::SubAgent)
    }
}

/// One checked row of the upload with the rates used, exact (never rounded): what the
/// API stores per line, and what [`super::FeeAuditEngine::add`] counts. Serialized with
/// decimals as exact strings, so that an audit can be recomputed from stored lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditedLine {
    /// Line number in the uploaded file (the header is line 1).
    pub row: u64,
    /// The worker's pseudonymous reference.
    pub worker_ref: String,
    /// The worker's nationality.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::country")]
    pub nationality: CountryCode,
    /// Who took the money.
    pub recruiter: String,
    /// Where the recruiter is, when known.
    #[serde(
        serialize_with = "codes::option_as_text",
        deserialize_with = "codes::option_country"
    )]
    pub recruiter_country: Option<CountryCode>,
    /// The worker's hire date.
    pub hire_date: NaiveDate,
    /// The contracted monthly base wage, in `wage_currency`.
    pub monthly_wage: Decimal,
    /// The wage's currency.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::currency")]
    pub wage_currency: CurrencyCode,
    /// USD per unit of `wage_currency` on `hire_date` (the rate used).
    pub wage_usd_per_unit: Decimal,
    /// Where the money went.
    pub category: Category,
    /// The amount paid, in `currency`.
    pub amount: Decimal,
    /// The payment's currency.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::currency")]
    pub currency: CurrencyCode,
    /// When it was paid.
    pub paid_on: NaiveDate,
    /// USD per unit of `currency` on `paid_on` (the rate used).
    pub usd_per_unit: Decimal,
    /// The payment was financed by a loan or a wage advance.
    pub loan: bool,
    /// Already paid back to the worker, in `currency`.
    pub reimbursed: Decimal,
    /// How the payment is known.
    pub evidence: Evidence,
    /// `amount × usd_per_unit`.
    pub amount_usd: Decimal,
    /// `reimbursed × usd_per_unit`.
    pub reimbursed_usd: Decimal,
    // The columns of scoring model 2 (fee-audit.md, "Additions"), defaulted so that
    // lines stored before them still read.
    /// The worker's sex.
    #[serde(default)]
    pub sex: Sex,
    /// What the worker earned in a month at destination, in `wage_currency`; `None`
    /// when not given (then `monthly_wage`).
    #[serde(default)]
    pub monthly_earnings: Option<Decimal>,
    /// The payment was taken from the worker's wages.
    #[serde(default)]
    pub deducted_from_wages: bool,
    /// Who received the money.
    #[serde(default)]
    pub payee_type: PayeeType,
}

impl AuditedLine {
    /// The worker's monthly earnings at destination, in `wage_currency`.
    pub fn earnings(&self) -> Decimal {
        self.monthly_earnings.unwrap_or(self.monthly_wage)
    }
}
