//! The recruitment-fee audit engine (fee-audit.md): CSV rows in, per-worker results
//! and the summary out, in exact decimal arithmetic.
//!
//! Everything here is pure: "today" and the company's FX rates are parameters and
//! nothing touches the database. An upload is read as a stream ([`FeeAuditReader`]):
//! memory grows with the number of workers, not of rows, and each checked line is
//! handed to the caller, with the rates used, as soon as it is read, so the API can
//! store the lines as they come and roll back if a later row turns out bad.

mod cells;
mod codes;
mod computation;
mod csv_input;
mod findings;
mod line;
mod money;
mod problem_keys;
mod rates;
mod repayments;
mod results;
mod row_rules;
mod table;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use computation::FeeAuditEngine;
pub use csv_input::{FeeAuditReader, audit_csv};
pub use findings::{
    Finding, debt_bondage_finding, findings, recruitment_fees_finding, wage_deduction_finding,
};
pub use line::{AuditedLine, Category, Evidence, PayeeType, Sex};
pub use money::{format_money, format_number, round_money, round_months, round_share};
pub use problem_keys::PROBLEM_KEYS;
pub use rates::{FxRate, RateTable, STALE_AFTER_DAYS, TOO_OLD_AFTER_DAYS, read_fx_rates};
pub use repayments::{Repayment, RepaymentLedger, RepaymentProgress, WorkerRepayment, read_repayments};
pub use results::{
    CategoryFees, CorridorCost, EvidenceFees, FeeAuditOutcome, FeeAuditSummary, FeeRiskInputs, RecruiterFees,
    RecruitmentCost, SexCost, StaleRate, WorkerResult,
};
pub use table::MAX_ROWS;

/// What is wrong with a cell, a row or a file: a message key with its arguments,
/// so that each door words it — the portal in the visitor's language (the key is
/// a Fluent message, `csv-…`), the API and the CLI in English (`text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The message key; empty for a problem not worded by key (its text is shown).
    pub code: &'static str,
    /// The key's arguments (name, value).
    pub args: Vec<(&'static str, String)>,
    /// The English wording.
    pub text: String,
}

impl Problem {
    /// A problem of key `code` with its arguments and English text.
    pub fn new(code: &'static str, args: Vec<(&'static str, String)>, text: impl Into<String>) -> Self {
        Self {
            code,
            args,
            text: text.into(),
        }
    }
}

impl From<String> for Problem {
    fn from(text: String) -> Self {
        Self::new("", Vec::new(), text)
    }
}

impl From<&str> for Problem {
    fn from(text: &str) -> Self {
        Self::new("", Vec::new(), text)
    }
}

/// One bad row of an upload, as the `422` lists it: where (line number, the header
/// being line 1, and the column when one is to blame) and what is wrong, in plain
/// language. The key and arguments stay out of the JSON: the API's body is English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// Line number in the file (header = 1).
    pub row: u64,
    /// The column at fault; absent for a problem with the whole row or file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What is wrong, for the auditor who will fix the file.
    pub message: String,
    /// The message key of [`Problem::code`] (empty: show `message`).
    #[serde(skip)]
    pub code: &'static str,
    /// The key's arguments.
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

impl RowError {
    /// A problem with one cell.
    pub fn new(row: u64, column: &str, problem: impl Into<Problem>) -> Self {
        let problem = problem.into();
        Self {
            row,
            column: Some(column.to_owned()),
            message: problem.text,
            code: problem.code,
            args: problem.args,
        }
    }

    /// A problem with a whole row or with the file.
    pub fn file(row: u64, problem: impl Into<Problem>) -> Self {
        let problem = problem.into();
        Self {
            row,
            column: None,
            message: problem.text,
            code: problem.code,
            args: problem.args,
        }
    }
}
