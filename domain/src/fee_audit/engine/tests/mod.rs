//! Tests of the fee-audit engine. Expected figures are computed by hand, with the
//! arithmetic in comments, never by running the code under test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bad_rows;
mod dates_and_codes;
mod engine;
mod figures;
mod findings;
mod model_2;
mod properties;
mod rates_and_repayments;

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{AuditedLine, FeeAuditOutcome, RateTable, RowError, WorkerResult, audit_csv};
use crate::values::CurrencyCode;

/// The header with every column, in the order of fee-audit.md.
const HEADER: &str = "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,\
                      category,amount,currency,paid_on,loan,reimbursed,evidence";

/// The day the tests run the audit.
fn today() -> NaiveDate {
    date("2026-03-01")
}

fn date(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

fn dec(raw: &str) -> Decimal {
    Decimal::from_str(raw).unwrap()
}

fn currency(raw: &str) -> CurrencyCode {
    CurrencyCode::parse(raw).unwrap()
}

/// NPR: 0.0075 USD from 2026-01-01, 0.0080 from 2026-02-01. MYR: 0.21 from 2025-01-01,
/// the same again from 2026-01-01 (a rate more than a year old is refused).
fn rates() -> RateTable {
    [
        (currency("NPR"), date("2026-01-01"), dec("0.0075")),
        (currency("NPR"), date("2026-02-01"), dec("0.0080")),
        (currency("MYR"), date("2025-01-01"), dec("0.21")),
        (currency("MYR"), date("2026-01-01"), dec("0.21")),
    ]
    .into_iter()
    .collect()
}

/// One payment row; defaults: a Nepali worker hired 2026-01-10 at USD 500 a month,
/// paying USD 100 as a recruitment fee to "Agency A" on 2025-12-01.
#[derive(Clone, Copy)]
struct Pay<'a> {
    worker: &'a str,
    nationality: &'a str,
    recruiter: &'a str,
    recruiter_country: &'a str,
    hire_date: &'a str,
    monthly_wage: &'a str,
    wage_currency: &'a str,
    category: &'a str,
    amount: &'a str,
    currency: &'a str,
    paid_on: &'a str,
    loan: &'a str,
    reimbursed: &'a str,
    evidence: &'a str,
}

fn pay<'a>(worker: &'a str, amount: &'a str) -> Pay<'a> {
    Pay {
        worker,
        nationality: "NP",
        recruiter: "Agency A",
        recruiter_country: "",
        hire_date: "2026-01-10",
        monthly_wage: "500",
        wage_currency: "USD",
        category: "recruitment_fee",
        amount,
        currency: "USD",
        paid_on: "2025-12-01",
        loan: "",
        reimbursed: "",
        evidence: "",
    }
}

/// A worker who paid nothing.
fn nothing(worker: &str) -> Pay<'_> {
    Pay {
        category: "none",
        ..pay(worker, "0")
    }
}

impl Pay<'_> {
    fn csv(&self) -> String {
        [
            self.worker,
            self.nationality,
            self.recruiter,
            self.recruiter_country,
            self.hire_date,
            self.monthly_wage,
            self.wage_currency,
            self.category,
            self.amount,
            self.currency,
            self.paid_on,
            self.loan,
            self.reimbursed,
            self.evidence,
        ]
        .join(",")
    }
}

/// The upload text: the header, then one line per payment.
fn upload(rows: &[Pay<'_>]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(&row.csv());
        text.push('\n');
    }
    text
}

fn audit(text: &str) -> Result<FeeAuditOutcome, Vec<RowError>> {
    audit_csv(text.as_bytes(), today(), &rates(), |_| {})
}

fn audit_ok(rows: &[Pay<'_>]) -> FeeAuditOutcome {
    audit(&upload(rows)).expect("the upload is good")
}

/// The audit's lines, as the API would store them.
fn lines(text: &str) -> Vec<AuditedLine> {
    let mut lines = Vec::new();
    audit_csv(text.as_bytes(), today(), &rates(), |line| {
        lines.push(line.clone())
    })
    .unwrap();
    lines
}

fn worker<'a>(outcome: &'a FeeAuditOutcome, worker_ref: &str) -> &'a WorkerResult {
    outcome
        .workers
        .iter()
        .find(|w| w.worker_ref == worker_ref)
        .unwrap()
}

/// Serialized `field` of a JSON object, e.g. `"1234.50"`.
fn shown<T: serde::Serialize>(value: &T, field: &str) -> serde_json::Value {
    serde_json::to_value(value).unwrap()[field].clone()
}

/// The `(row, column)` of each error.
fn places(errors: &[RowError]) -> Vec<(u64, Option<&str>)> {
    errors.iter().map(|e| (e.row, e.column.as_deref())).collect()
}

/// The errors of an upload that must be refused.
fn refused(text: &str) -> Vec<RowError> {
    audit(text).expect_err("the upload must be refused")
}
