//! The additions of scoring model 2 (fee-audit.md, "Additions"): the optional columns,
//! the recruitment cost indicator, stale rates, deductions from wages and who counts
//! as a recruiter. Expected figures are computed by hand in the comments.

use serde_json::json;

use super::*;
use crate::{
    fee_audit::engine::{FeeAuditReader, Sex, findings, round_money, round_months},
    questionnaire::Severity,
    values::CountryCode,
};

const MODEL_2_HEADER: &str = "worker_ref,nationality,recruiter,hire_date,monthly_wage,wage_currency,category,\
                              amount,currency,paid_on,sex,monthly_earnings,deducted_from_wages,payee_type";

/// NPR 0.0075 USD and MYR 0.21 USD, both from 2026-01-01.
fn model_2_rates() -> RateTable {
    [
        (currency("NPR"), date("2026-01-01"), dec("0.0075")),
        (currency("MYR"), date("2026-01-01"), dec("0.21")),
    ]
    .into_iter()
    .collect()
}

/// Audits `rows` (after [`MODEL_2_HEADER`]) for a site in Malaysia.
fn audit_at_site(rows: &str, rates: &RateTable) -> Result<FeeAuditOutcome, Vec<RowError>> {
    let text = format!("{MODEL_2_HEADER}\n{rows}");
    let site = CountryCode::parse("MY").ok();
    FeeAuditReader::new(text.as_bytes(), today(), rates)
        .at_site(site)
        .finish()
}

/// Four workers, two corridors, two sexes, three currencies:
/// - W1 (NP, female): wage MYR 1000, earns MYR 1500; NPR 40,000 fee and NPR 4,000
///   loan interest, both to Agency A.
/// - W2 (NP, male): wage MYR 1000, earnings not given; USD 105 medical, to a clinic.
/// - W3 (NP, female): earns MYR 1200; paid nothing.
/// - W4 (BD, male): wage USD 500, earns USD 600; USD 900 to sub-agent Sub B, taken
///   from wages.
const FOUR_WORKERS: &str = "\
W1,NP,Agency A,2026-01-15,1000,MYR,recruitment_fee,40000,NPR,2026-01-05,female,1500,,\n\
W1,NP,Agency A,2026-01-15,1000,MYR,loan_interest,4000,NPR,2026-01-05,female,1500,no,recruiter\n\
W2,NP,City Clinic,2026-01-15,1000,MYR,medical,105,USD,2026-01-05,male,,,clinic\n\
W3,NP,Agency A,2026-01-15,1000,MYR,none,0,USD,2026-01-05,FEMALE,1200,,\n\
W4,BD,Sub B,2026-01-20,500,USD,recruitment_fee,900,USD,2026-01-10,male,600,yes,sub_agent\n";

#[test]
fn the_recruitment_cost_indicator_overall_by_corridor_and_by_sex() {
    let outcome = audit_at_site(FOUR_WORKERS, &model_2_rates()).unwrap();
    let s = &outcome.summary;

    // W1: fees 40000 × 0.0075 + 4000 × 0.0075 = 300 + 30 = USD 330, of which 30 interest;
    //     earnings 1500 × 0.21 = USD 315; indicator (330 − 30) / 315 = 20/21 = 0.95238…
    //     (months of wages, against the wage 1000 × 0.21 = 210: 330 / 210 = 1.5714…)
    let w1 = worker(&outcome, "W1");
    let cost = w1.recruitment_cost.unwrap();
    assert_eq!(cost.monthly_earnings_usd, dec("315"));
    assert_eq!(cost.loan_interest_usd, dec("30"));
    assert_eq!(cost.indicator.round_dp(12), dec("0.952380952381"));
    assert_eq!(shown(w1, "months_of_wages"), json!("1.57"));
    assert_eq!(w1.sex, Sex::Female);
    // W2: earnings are the wage, USD 210; 105 / 210 = 0.5.
    let w2 = worker(&outcome, "W2");
    assert_eq!(w2.recruitment_cost.unwrap().monthly_earnings_usd, dec("210"));
    assert_eq!(w2.recruitment_cost.unwrap().indicator, dec("0.5"));
    // W3 paid nothing: 0, and still counted. W4: 900 / 600 = 1.5.
    assert_eq!(
        worker(&outcome, "W3").recruitment_cost.unwrap().indicator,
        Decimal::ZERO
    );
    assert_eq!(
        worker(&outcome, "W4").recruitment_cost.unwrap().indicator,
        dec("1.5")
    );

    // Overall: (20/21 + 0.5 + 0 + 1.5) / 4 = (62/21) / 4 = 31/42 = 0.738095… → 0.74
    let overall = s.recruitment_cost_indicator.unwrap();
    assert_eq!(overall.round_dp(12), dec("0.738095238095"));
    assert_eq!(shown(s, "recruitment_cost_indicator"), json!("0.74"));

    // Corridors, by origin: BD → MY: W4 alone, 1.50. NP → MY: (20/21 + 0.5 + 0) / 3
    // = 61/126 = 0.484126… → 0.48.
    let corridors = serde_json::to_value(&s.by_corridor).unwrap();
    assert_eq!(
        corridors,
        json!([
            {"origin": "BD", "destination": "MY", "workers": 1, "workers_who_paid": 1,
             "recruitment_cost_indicator": "1.50"},
            {"origin": "NP", "destination": "MY", "workers": 3, "workers_who_paid": 2,
             "recruitment_cost_indicator": "0.48"},
        ])
    );
    assert_eq!(
        s.by_corridor[1].recruitment_cost_indicator.round_dp(12),
        dec("0.484126984127")
    );

    // By sex: female W1, W3: (20/21 + 0) / 2 = 10/21 = 0.476190… → 0.48;
    // male W2, W4: (0.5 + 1.5) / 2 = 1.00. No other or unknown workers: not listed.
    let sexes = serde_json::to_value(&s.by_sex).unwrap();
    assert_eq!(
        sexes,
        json!([
            {"sex": "female", "workers": 2, "workers_who_paid": 1, "recruitment_cost_indicator": "0.48"},
            {"sex": "male", "workers": 2, "workers_who_paid": 2, "recruitment_cost_indicator": "1.00"},
        ])
    );
    assert_eq!(
        s.by_sex[0].recruitment_cost_indicator.round_dp(12),
        dec("0.476190476190")
    );
    // The totals are the usual ones: 330 + 105 + 0 + 900 = 1335.
    assert_eq!(shown(s, "total_fees_usd"), json!("1335.00"));
    assert!(s.stale_rates.is_empty());
}

#[test]
fn a_file_without_the_new_columns_gives_the_indicator_against_the_wage() {
    // No earnings given: the indicator is fees / wage; no loan interest: the same
    // as the months of wages. W1: 250 / 500 = 0.5; W2 paid nothing: 0. Mean 0.25.
    let outcome = audit_ok(&[pay("W1", "250"), nothing("W2")]);
    let w1 = worker(&outcome, "W1");
    assert_eq!(w1.recruitment_cost.unwrap().indicator, w1.months_of_wages);
    assert_eq!(w1.sex, Sex::Unknown);
    assert!(!w1.deducted_from_wages);
    let s = &outcome.summary;
    assert_eq!(s.recruitment_cost_indicator, Some(dec("0.25")));
    assert_eq!(
        serde_json::to_value(&s.by_sex).unwrap(),
        json!([{"sex": "unknown", "workers": 2, "workers_who_paid": 1, "recruitment_cost_indicator": "0.25"}])
    );
    // `audit_csv` knows no site: the corridor has no destination.
    assert_eq!(
        serde_json::to_value(&s.by_corridor).unwrap(),
        json!([{"origin": "NP", "destination": null, "workers": 2, "workers_who_paid": 1,
                "recruitment_cost_indicator": "0.25"}])
    );
    assert_eq!(s.workers_with_fees_deducted_from_wages, 0);
    assert_eq!(findings(s).len(), 1, "only the recruitment-fee finding");
}

#[test]
fn only_recruiters_and_sub_agents_are_counted_by_recruiter() {
    let outcome = audit_at_site(FOUR_WORKERS, &model_2_rates()).unwrap();
    let by_recruiter: Vec<_> = outcome
        .summary
        .by_recruiter
        .iter()
        .map(|r| {
            (
                r.recruiter.as_str(),
                r.workers,
                r.workers_who_paid,
                round_money(r.fees_usd),
            )
        })
        .collect();
    // Sub B (a sub-agent): 900. Agency A: W1's 300 + 30, and W3 who paid nothing.
    // City Clinic (W2's medical, payee clinic) is no recruiter.
    assert_eq!(
        by_recruiter,
        [("Sub B", 1, 1, dec("900.00")), ("Agency A", 2, 1, dec("330.00"))]
    );
    assert!(worker(&outcome, "W2").recruiters.is_empty());
    // Its fee still counts everywhere else: by category and in the worker's fees.
    assert_eq!(worker(&outcome, "W2").fees_usd, dec("105"));
}

#[test]
fn fees_taken_from_wages_make_a_zero_tolerance_debt_bondage_finding() {
    let outcome = audit_at_site(FOUR_WORKERS, &model_2_rates()).unwrap();
    let s = &outcome.summary;
    assert_eq!(s.workers_with_fees_deducted_from_wages, 1);
    assert!(worker(&outcome, "W4").deducted_from_wages);
    let raised = findings(s);
    let keys: Vec<_> = raised
        .iter()
        .map(|f| (f.indicator, f.severity, f.zero_tolerance))
        .collect();
    // Workers paid: priority, never zero tolerance. W1 (1.57 months) and W4 (1.8
    // months) are at risk: priority. W4's deduction: zero tolerance.
    assert_eq!(
        keys,
        [
            ("recruitment_fees", Severity::Priority, false),
            ("debt_bondage", Severity::Priority, false),
            ("debt_bondage", Severity::Priority, true),
        ]
    );
    let deduction = &raised[2];
    assert_eq!(
        deduction.title_by_locale.get("en", "en"),
        "Recruitment fees recovered through the wages of 1 worker: debt bondage"
    );
    assert!(
        deduction
            .title_by_locale
            .get("fr", "en")
            .contains("servitude pour dettes")
    );
    assert!(deduction.corrective_action.is_some());
}

#[test]
fn a_rate_older_than_31_days_is_flagged_and_one_older_than_366_refused() {
    // NPR from 2026-01-01 only; MYR from 2025-01-01 only.
    let rates: RateTable = [
        (currency("NPR"), date("2026-01-01"), dec("0.0075")),
        (currency("MYR"), date("2025-01-01"), dec("0.21")),
    ]
    .into_iter()
    .collect();
    // 2026-02-01 is 31 days after 2026-01-01: fresh enough. 2026-02-02 (32 days) and
    // 2026-02-10 (40 days) use the same stale rate: one entry, with the later date.
    // The wage of W3: MYR on 2026-01-02, 366 days after 2025-01-01: used, and stale.
    let rows = "\
W1,NP,A,2026-01-15,500,USD,recruitment_fee,1000,NPR,2026-02-01,,,,\n\
W2,NP,A,2026-01-15,500,USD,recruitment_fee,1000,NPR,2026-02-02,,,,\n\
W2,NP,A,2026-01-15,500,USD,recruitment_fee,1000,NPR,2026-02-10,,,,\n\
W3,NP,A,2026-01-02,500,MYR,recruitment_fee,10,USD,2026-01-02,,,,\n";
    let outcome = audit_at_site(rows, &rates).unwrap();
    assert_eq!(
        serde_json::to_value(&outcome.summary.stale_rates).unwrap(),
        json!([
            {"currency": "MYR", "wanted": "2026-01-02", "used": "2025-01-01"},
            {"currency": "NPR", "wanted": "2026-02-10", "used": "2026-01-01"},
        ])
    );
    // Stale rates are still used: 1000 × 0.0075 = 7.50 per payment.
    assert_eq!(worker(&outcome, "W2").fees_usd, dec("15"));

    // 2026-01-03 is 367 days after 2025-01-01: refused, for the payment and the wage.
    let rows = "\
W1,NP,A,2026-01-15,500,USD,recruitment_fee,1000,MYR,2026-01-03,,,,\n\
W2,NP,A,2026-01-03,500,MYR,recruitment_fee,10,USD,2026-01-03,,,,\n";
    let errors = audit_at_site(rows, &rates).unwrap_err();
    assert_eq!(
        places(&errors),
        [(2, Some("currency")), (3, Some("wage_currency"))]
    );
    assert_eq!(
        errors[0].message,
        "the latest USD rate for MYR on or before 2026-01-03 is from 2025-01-01, more than 366 days earlier: add a rate closer to that date"
    );
}

#[test]
fn bad_values_of_the_new_columns_are_refused_with_row_and_column() {
    let rows = "\
W1,NP,A,2026-01-15,1000,MYR,recruitment_fee,10,USD,2026-01-05,f,1500,,\n\
W2,NP,A,2026-01-15,1000,MYR,recruitment_fee,10,USD,2026-01-05,male,0,,\n\
W3,NP,A,2026-01-15,1000,MYR,recruitment_fee,10,USD,2026-01-05,male,1 500,,\n\
W4,NP,A,2026-01-15,1000,MYR,recruitment_fee,10,USD,2026-01-05,male,,maybe,\n\
W5,NP,A,2026-01-15,1000,MYR,recruitment_fee,10,USD,2026-01-05,male,,,agency\n";
    let errors = audit_at_site(rows, &model_2_rates()).unwrap_err();
    assert_eq!(
        places(&errors),
        [
            (2, Some("sex")),
            (3, Some("monthly_earnings")),
            (4, Some("monthly_earnings")),
            (5, Some("deducted_from_wages")),
            (6, Some("payee_type")),
        ]
    );
    let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "'f' is not a sex; use one of: female, male, other, unknown",
            "'0' must be more than 0",
            "'1 500' is not a number (write it like 1234.50, without thousands separators)",
            "'maybe' is not yes or no",
            "'agency' is not a payee type; use one of: recruiter, sub_agent, employer_staff, clinic, training_centre, government, other",
        ]
    );
}

#[test]
fn a_workers_sex_and_earnings_must_agree_on_all_their_rows() {
    let rows = "\
W1,NP,A,2026-01-15,1000,MYR,recruitment_fee,10,USD,2026-01-05,female,1500,,\n\
W1,NP,A,2026-01-15,1000,MYR,medical,10,USD,2026-01-05,male,1500.00,,\n\
W1,NP,A,2026-01-15,1000,MYR,medical,10,USD,2026-01-05,female,,,\n";
    let errors = audit_at_site(rows, &model_2_rates()).unwrap_err();
    // 1500.00 equals 1500; an empty cell is not the same as 1500.
    assert_eq!(places(&errors), [(3, Some("sex")), (4, Some("monthly_earnings"))]);
    assert_eq!(
        errors[0].message,
        "differs from row 2 for worker W1, which gives female: a worker's sex must be the same on all of their rows (an empty cell counts as the default)"
    );
}

#[test]
fn the_indicator_is_rounded_only_when_shown() {
    // Three workers at 1/3 each: the mean is 1/3 exactly to the decimal's precision,
    // not a mean of rounded values. W: 100 / 300.
    let rows: Vec<Pay<'_>> = ["W1", "W2", "W3"]
        .into_iter()
        .map(|w| Pay {
            monthly_wage: "300",
            ..pay(w, "100")
        })
        .collect();
    let s = audit_ok(&rows).summary;
    let exact = s.recruitment_cost_indicator.unwrap();
    assert_eq!(exact.round_dp(20), dec("0.33333333333333333333"));
    assert_eq!(round_months(exact), dec("0.33"));
}
