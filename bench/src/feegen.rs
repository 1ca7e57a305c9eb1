//! A realistic fee-audit upload of any size (fee-audit.md, "CSV input"): migrant
//! workers hired in Malaysia and Thailand, each with 1–4 payment rows in their home
//! currency or the destination's, some financed by loans, some partly reimbursed, a
//! quarter who paid nothing; plus the company's monthly FX rates covering every date.
//! Deterministic (fixed seed), so every run imports the same bytes.

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};
use rand::{Rng, SeedableRng, rngs::StdRng};

/// Origin countries with their currency and its rough USD value.
const ORIGINS: [(&str, &str, f64); 8] = [
    ("NP", "NPR", 0.0075),
    ("BD", "BDT", 0.0083),
    ("MM", "MMK", 0.00048),
    ("IN", "INR", 0.012),
    ("VN", "VND", 0.00004),
    ("ID", "IDR", 0.000063),
    ("PH", "PHP", 0.0175),
    ("KH", "KHR", 0.00025),
];
/// Destination wage currencies.
const WAGES: [(&str, f64, u32); 2] = [("MYR", 0.22, 1_700), ("THB", 0.029, 11_000)];
const CATEGORIES: [&str; 11] = [
    "recruitment_fee",
    "recruitment_fee",
    "recruitment_fee",
    "medical",
    "travel_lodging",
    "administrative",
    "skills_test",
    "training",
    "illegitimate",
    "loan_interest",
    "other",
];
const EVIDENCE: [&str; 5] = [
    "receipt",
    "bank_record",
    "corroborated_testimony",
    "testimony",
    "estimate",
];
const HEADER: &str = "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,loan,reimbursed,evidence\n";

/// The first day with a rate; every `paid_on` and `hire_date` is later.
fn first_rate_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default()
}

/// Every currency used, with its base USD value.
fn currencies() -> Vec<(&'static str, f64)> {
    ORIGINS
        .iter()
        .map(|(_, c, r)| (*c, *r))
        .chain(WAGES.iter().map(|(c, r, _)| (*c, *r)))
        .collect()
}

/// The FX-rate upload (`currency,date,usd_per_unit`): one rate per currency per month,
/// January 2022 to the current month, drifting a little month to month.
pub fn fx_rates_csv(today: NaiveDate) -> String {
    let mut rng = StdRng::seed_from_u64(7);
    let mut out = String::from("currency,date,usd_per_unit\n");
    for (currency, base) in currencies() {
        let mut day = first_rate_day();
        while day <= today {
            let drift = 1.0 + rng.random_range(-0.05..0.05);
            let _ = writeln!(out, "{currency},{day},{:.8}", base * drift);
            day = next_month(day);
        }
    }
    out
}

fn next_month(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(day)
}

/// Counts of what was generated, for the report.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// Data rows.
    pub rows: usize,
    /// Distinct workers.
    pub workers: usize,
    /// Bytes of the file.
    pub bytes: usize,
}

/// A fee-audit upload of exactly `rows` data rows.
pub fn fee_audit_csv(rows: usize) -> (String, Generated) {
    let mut rng = StdRng::seed_from_u64(42);
    let mut out = String::with_capacity(rows * 130 + HEADER.len());
    out.push_str(HEADER);
    let recruiters: Vec<(String, &str)> = (0..400)
        .map(|i| {
            let (country, _, _) = ORIGINS[i % ORIGINS.len()];
            let kind = [
                "Manpower Agency",
                "Overseas Employment",
                "Sub-agent",
                "HR Services",
            ][i % 4];
            (format!("{kind} {i:03}"), country)
        })
        .collect();
    let mut written = 0;
    let mut workers = 0;
    let hire_start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    while written < rows {
        workers += 1;
        let (nationality, home_currency, _) = ORIGINS[rng.random_range(0..ORIGINS.len())];
        let (wage_currency, _, wage_base) = WAGES[usize::from(rng.random_bool(0.25))];
        let wage = f64::from(wage_base) * rng.random_range(0.9..1.4);
        let hire_date = hire_start + Duration::days(rng.random_range(0..1_200));
        let worker_ref = format!("W{workers:07}");
        let (recruiter, recruiter_country) = &recruiters[rng.random_range(0..recruiters.len())];
        let payer = !rng.random_bool(0.25);
        let payments = if payer { rng.random_range(1..=4) } else { 1 };
        for _ in 0..payments.min(rows - written) {
            let paid_on = hire_date - Duration::days(rng.random_range(0..300));
            let (category, amount, currency) = if payer {
                let category = CATEGORIES[rng.random_range(0..CATEGORIES.len())];
                let (currency, usd_per_unit) = if rng.random_bool(0.8) {
                    (
                        home_currency,
                        ORIGINS.iter().find(|o| o.1 == home_currency).map_or(1.0, |o| o.2),
                    )
                } else {
                    ("USD", 1.0)
                };
                let usd = rng.random_range(20.0..1_500.0);
                (category, usd / usd_per_unit, currency)
            } else {
                ("none", 0.0, "USD")
            };
            let loan = if payer && rng.random_bool(0.3) {
                "yes"
            } else {
                "no"
            };
            let reimbursed = if payer && rng.random_bool(0.15) {
                format!(
                    "{:.2}",
                    (amount * rng.random_range(0.1..0.9) * 100.0).floor() / 100.0
                )
            } else {
                String::new()
            };
            let evidence = EVIDENCE[rng.random_range(0..EVIDENCE.len())];
            let _ = writeln!(
                out,
                "{worker_ref},{nationality},\"{recruiter}\",{recruiter_country},{hire_date},{wage:.2},{wage_currency},{category},{amount:.2},{currency},{paid_on},{loan},{reimbursed},{evidence}"
            );
            written += 1;
        }
    }
    let bytes = out.len();
    (
        out,
        Generated {
            rows: written,
            workers,
            bytes,
        },
    )
}
