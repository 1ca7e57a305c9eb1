//! A demonstration fee audit: Nepali and Bangladeshi workers recruited through
//! three agencies, some of whom paid fees (some on loans), with the FX rates the
//! computation needs. Figures are invented for the demo, shaped like the worked
//! example of ethical-recruitment.md §2.4.

use std::fmt::Write;

/// The FX-rate CSV (`currency,date,usd_per_unit`).
pub fn fx_rates_csv() -> String {
    "currency,date,usd_per_unit\n\
     NPR,2025-01-01,0.0075\n\
     NPR,2026-01-01,0.0074\n\
     BDT,2025-01-01,0.0083\n\
     BDT,2026-01-01,0.0082\n\
     MYR,2025-01-01,0.2128\n"
        .to_string()
}

/// The audit CSV: 24 workers, one row per payment (`none` for those who paid nothing).
pub fn audit_csv() -> String {
    let mut csv = String::from(
        "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,loan,reimbursed,evidence\n",
    );
    let agencies = [
        ("Himal Manpower Pvt Ltd", "NP"),
        ("Sagar Overseas", "BD"),
        ("Direct hire", "MY"),
    ];
    for n in 1..=24u32 {
        let (agency, country) = agencies[(n % 3) as usize];
        let (nationality, currency) = if country == "BD" {
            ("BD", "BDT")
        } else {
            ("NP", "NPR")
        };
        let worker = format!("W-{n:03}");
        let hire = format!("2025-{:02}-15", 1 + n % 9);
        let paid_on = format!("2025-{:02}-02", 1 + n % 9);
        if agency == "Direct hire" || n % 5 == 0 {
            let _ = writeln!(
                csv,
                "{worker},{nationality},{agency},{country},{hire},1500,MYR,none,0,{currency},{paid_on},no,0,receipt"
            );
            continue;
        }
        let fee = 90_000 + 5_000 * (n % 7);
        let loan = if n % 4 == 0 { "yes" } else { "no" };
        let evidence = if n % 2 == 0 {
            "receipt"
        } else {
            "corroborated_testimony"
        };
        let _ = writeln!(
            csv,
            "{worker},{nationality},{agency},{country},{hire},1500,MYR,recruitment_fee,{fee},{currency},{paid_on},{loan},0,{evidence}"
        );
        let _ = writeln!(
            csv,
            "{worker},{nationality},{agency},{country},{hire},1500,MYR,medical,9000,{currency},{paid_on},no,0,{evidence}"
        );
        if n % 3 == 1 {
            let _ = writeln!(
                csv,
                "{worker},{nationality},{agency},{country},{hire},1500,MYR,illegitimate,10000,{currency},{paid_on},no,0,testimony"
            );
        }
    }
    csv
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_demo_audit_is_accepted_by_the_engine() {
        let mut rates = domain::fee_audit::engine::RateTable::new();
        for rate in domain::fee_audit::engine::read_fx_rates(fx_rates_csv().as_bytes()).unwrap() {
            rates.insert(rate.currency, rate.date, rate.usd_per_unit);
        }
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let outcome =
            domain::fee_audit::engine::audit_csv(audit_csv().as_bytes(), today, &rates, |_| {}).unwrap();
        assert_eq!(outcome.summary.workers, 24);
        assert!(outcome.summary.workers_who_paid > 0);
    }
}
