//! The figures of fee-audit.md ("Per worker", "Summary"), checked against hand
//! computations.

use serde_json::json;

use super::*;
use crate::fee_audit::engine::{Category, round_money, round_months, round_share};

#[test]
fn the_worked_example_of_ethical_recruitment_2_4() {
    // 1 USD = 133 NPR and 1 USD = 4.70 MYR, stored as USD per unit. Dated within a
    // year of the payments and the hire (an older rate is refused).
    let rates: RateTable = [
        (
            currency("NPR"),
            date("2025-06-01"),
            Decimal::ONE / Decimal::from(133),
        ),
        (currency("MYR"), date("2025-06-01"), Decimal::ONE / dec("4.70")),
    ]
    .into_iter()
    .collect();
    let line = |category, amount| Pay {
        category,
        currency: "NPR",
        monthly_wage: "1500",
        wage_currency: "MYR",
        ..pay("W1", amount)
    };
    let mut rows = vec![
        line("recruitment_fee", "120000"),
        line("medical", "9000"),
        line("training", "3000"),
        line("insurance", "4500"),
        line("travel_lodging", "6000"),
        line("illegitimate", "10000"),
    ];
    let text = upload(&rows);

    let outcome = audit_csv(text.as_bytes(), today(), &rates, |_| {}).unwrap();

    // 120000 + 9000 + 3000 + 4500 + 6000 + 10000 = NPR 152,500; / 133 = 1146.6165… → 1146.62
    // wage: 1500 / 4.70 = 319.1489… → 319.15
    // months: (152500 / 133) / (1500 / 4.70) = 716750 / 199500 = 3.5927… → 3.59 ("about 3.6")
    let w1 = worker(&outcome, "W1");
    assert_eq!(shown(w1, "fees_usd"), json!("1146.62"));
    assert_eq!(shown(w1, "monthly_wage_usd"), json!("319.15"));
    assert_eq!(shown(w1, "months_of_wages"), json!("3.59"));
    assert!(w1.debt_bondage_risk, "3.6 months of wages ≥ 1");
    // Largest category first: 120000 / 133 = 902.26; 10000 / 133 = 75.19; 9000 / 133 = 67.67.
    let categories: Vec<_> = outcome.summary.by_category.iter().map(|c| c.category).collect();
    assert_eq!(
        &categories[..3],
        &[
            Category::RecruitmentFee,
            Category::Illegitimate,
            Category::Medical
        ]
    );
    assert_eq!(
        shown(&outcome.summary.by_category[0], "fees_usd"),
        json!("902.26")
    );

    // With documented loan interest of NPR 30,000: 182500 / 133 = 1372.1804… → 1372.18,
    // and 182500 × 4.70 / (133 × 1500) = 857750 / 199500 = 4.2994… → 4.30 months.
    rows.push(line("loan_interest", "30000"));
    let text = upload(&rows);
    let outcome = audit_csv(text.as_bytes(), today(), &rates, |_| {}).unwrap();
    assert_eq!(shown(worker(&outcome, "W1"), "fees_usd"), json!("1372.18"));
    assert_eq!(shown(&outcome.summary, "median_months_of_wages"), json!("4.30"));
}

#[test]
fn a_worker_who_paid_through_a_loan_is_at_risk_even_below_one_month() {
    let outcome = audit_ok(&[
        // 100 / 500 = 0.2 months, but financed by a loan.
        Pay {
            loan: "yes",
            ..pay("LOAN", "100")
        },
        // 499 / 500 = 0.998 months: shown as 1.00, yet below 1, and no loan.
        pay("JUST-BELOW", "499"),
        // 500 / 500 = exactly 1 month: at risk.
        pay("ONE-MONTH", "500"),
    ]);

    let loan = worker(&outcome, "LOAN");
    assert_eq!(shown(loan, "months_of_wages"), json!("0.20"));
    assert!(loan.loan && loan.debt_bondage_risk);
    let below = worker(&outcome, "JUST-BELOW");
    assert_eq!(shown(below, "months_of_wages"), json!("1.00"));
    assert!(
        !below.debt_bondage_risk,
        "the rule uses the exact 0.998, not the shown 1.00"
    );
    assert!(worker(&outcome, "ONE-MONTH").debt_bondage_risk);
    assert_eq!(outcome.summary.workers_with_debt_bondage_risk, 2);
    assert!(outcome.summary.fee_risk_inputs().any_debt_bondage);
}

#[test]
fn each_payment_uses_the_rate_of_its_own_date() {
    let text = upload(&[
        // On 2026-01-31 the latest NPR rate is 0.0075 (from 2026-01-01): 10000 × 0.0075 = 75.
        Pay {
            currency: "NPR",
            paid_on: "2026-01-31",
            ..pay("W1", "10000")
        },
        // On 2026-02-01 the new rate 0.0080 applies: 10000 × 0.0080 = 80.
        Pay {
            currency: "NPR",
            paid_on: "2026-02-01",
            ..pay("W1", "10000")
        },
    ]);

    let stored = lines(&text);
    let outcome = audit(&text).unwrap();

    assert_eq!(
        stored.iter().map(|l| l.usd_per_unit).collect::<Vec<_>>(),
        [dec("0.0075"), dec("0.0080")]
    );
    assert_eq!(
        stored.iter().map(|l| l.amount_usd).collect::<Vec<_>>(),
        [dec("75"), dec("80")]
    );
    assert_eq!(stored.iter().map(|l| l.row).collect::<Vec<_>>(), [2, 3]);
    // 75 + 80 = 155; 155 / 500 = 0.31 months.
    assert_eq!(shown(worker(&outcome, "W1"), "fees_usd"), json!("155.00"));
    assert_eq!(shown(worker(&outcome, "W1"), "months_of_wages"), json!("0.31"));
    assert_eq!(outcome.rows, 2);
}

#[test]
fn with_an_even_number_of_payers_the_median_is_the_mean_of_the_middle_two() {
    let wage = |p: Pay<'static>| Pay {
        monthly_wage: "1000",
        ..p
    };
    let outcome = audit_ok(&[
        wage(pay("A", "500")),  // 0.5 months
        wage(pay("B", "3000")), // 3.0
        wage(pay("C", "1000")), // 1.0
        wage(pay("D", "2000")), // 2.0
        wage(nothing("E")),     // paid nothing: not among the payers
    ]);

    // Payers sorted: 0.5, 1.0, 2.0, 3.0 → (1.0 + 2.0) / 2 = 1.5. Share 4 / 5 = 0.8.
    let summary = &outcome.summary;
    assert_eq!((summary.workers, summary.workers_who_paid), (5, 4));
    assert_eq!(shown(summary, "median_months_of_wages"), json!("1.50"));
    assert_eq!(shown(summary, "max_months_of_wages"), json!("3.00"));
    assert_eq!(shown(summary, "share_of_workers_who_paid"), json!("0.8000"));
    let inputs = summary.fee_risk_inputs();
    assert_eq!(
        (inputs.share_of_workers_who_paid, inputs.median_months_of_wages),
        (dec("0.8"), dec("1.5"))
    );
}

#[test]
fn a_worker_who_paid_nothing_counts_as_a_worker_but_not_as_a_payer() {
    let outcome = audit_ok(&[nothing("N1")]);

    let n1 = worker(&outcome, "N1");
    assert!(!n1.paid && !n1.debt_bondage_risk);
    assert_eq!(shown(n1, "fees_usd"), json!("0.00"));
    assert_eq!(shown(n1, "months_of_wages"), json!("0.00"));
    let summary = &outcome.summary;
    assert_eq!((summary.workers, summary.workers_who_paid), (1, 0));
    assert_eq!(shown(summary, "share_of_workers_who_paid"), json!("0.0000"));
    assert_eq!(
        shown(summary, "median_months_of_wages"),
        json!("0.00"),
        "nobody paid: 0"
    );
    assert!(summary.by_category.is_empty() && summary.by_evidence.is_empty());
    assert_eq!(summary.by_recruiter[0].workers, 1);
    assert_eq!(summary.by_recruiter[0].workers_who_paid, 0);
}

#[test]
fn figures_are_rounded_half_away_from_zero_on_the_exact_decimal() {
    let outcome = audit_ok(&[
        // 2.675 is exact here (a float would hold 2.67499… and show 2.67).
        pay("MONEY", "2.675"),
        // 125 / 1000 = 0.125 months → 0.13.
        Pay {
            monthly_wage: "1000",
            ..pay("MONTHS", "125")
        },
    ]);

    assert_eq!(shown(worker(&outcome, "MONEY"), "fees_usd"), json!("2.68"));
    assert_eq!(
        shown(worker(&outcome, "MONTHS"), "months_of_wages"),
        json!("0.13")
    );
    assert_eq!(round_money(dec("0.125")), dec("0.13"));
    assert_eq!(round_money(dec("0.124999")), dec("0.12"));
    assert_eq!(
        round_money(dec("-0.005")),
        dec("-0.01"),
        "away from zero, also below it"
    );
    assert_eq!(
        round_money(dec("-0.004")).to_string(),
        "0.00",
        "never a negative zero"
    );
    assert_eq!(round_months(dec("2.675")).to_string(), "2.68");
    assert_eq!(round_share(dec("0.00005")).to_string(), "0.0001");
    assert_eq!(round_share(dec("0.33335")).to_string(), "0.3334");
    assert_eq!(round_money(dec("5")).to_string(), "5.00");
}

#[test]
fn totals_are_sums_of_the_unrounded_figures() {
    // Each worker paid USD 0.005, shown 0.01; the total is 0.015 → 0.02, not 0.01 × 3 = 0.03.
    let outcome = audit_ok(&[pay("W1", "0.005"), pay("W2", "0.005"), pay("W3", "0.005")]);

    assert_eq!(shown(worker(&outcome, "W1"), "fees_usd"), json!("0.01"));
    assert_eq!(shown(&outcome.summary, "total_fees_usd"), json!("0.02"));
    assert_eq!(shown(&outcome.summary, "total_outstanding_usd"), json!("0.02"));
}

#[test]
fn recruiters_are_listed_largest_fees_first_then_by_name() {
    let outcome = audit_ok(&[
        Pay {
            recruiter: "Gamma",
            ..pay("W1", "100")
        },
        Pay {
            recruiter: "Beta",
            ..pay("W2", "300")
        },
        Pay {
            recruiter: "Alpha",
            recruiter_country: "np",
            ..pay("W3", "60")
        },
        Pay {
            recruiter: "Alpha",
            ..pay("W3", "40")
        },
        Pay {
            recruiter: "Alpha",
            ..nothing("W4")
        },
    ]);

    // Beta 300; Alpha 60 + 40 = 100 and Gamma 100 tie, so by name.
    let order: Vec<_> = outcome
        .summary
        .by_recruiter
        .iter()
        .map(|r| r.recruiter.as_str())
        .collect();
    assert_eq!(order, ["Beta", "Alpha", "Gamma"]);
    let alpha = &outcome.summary.by_recruiter[1];
    assert_eq!(
        (alpha.workers, alpha.workers_who_paid),
        (2, 1),
        "W3 counted once, W4 paid nothing"
    );
    assert_eq!(shown(alpha, "fees_usd"), json!("100.00"));
    assert_eq!(shown(alpha, "country"), json!("NP"));
}

#[test]
fn reimbursements_reduce_what_is_outstanding_but_not_what_was_paid() {
    let outcome = audit_ok(&[
        // Paid NPR 20000 on 2026-02-10 at 0.0080 = USD 160, NPR 5000 back = USD 40: 120 owed.
        Pay {
            currency: "NPR",
            paid_on: "2026-02-10",
            reimbursed: "5000",
            ..pay("W1", "20000")
        },
        // Paid 100, all of it back: still a worker who paid, nothing outstanding.
        Pay {
            reimbursed: "100",
            evidence: "receipt",
            ..pay("W2", "100")
        },
    ]);

    let w1 = worker(&outcome, "W1");
    assert_eq!(
        [
            shown(w1, "fees_usd"),
            shown(w1, "reimbursed_usd"),
            shown(w1, "outstanding_usd")
        ],
        [json!("160.00"), json!("40.00"), json!("120.00")]
    );
    assert!(worker(&outcome, "W2").paid);
    assert_eq!(shown(worker(&outcome, "W2"), "outstanding_usd"), json!("0.00"));
    // Totals: fees 160 + 100 = 260, reimbursed 40 + 100 = 140, outstanding 120 + 0 = 120.
    let summary = &outcome.summary;
    assert_eq!(shown(summary, "total_fees_usd"), json!("260.00"));
    assert_eq!(shown(summary, "total_reimbursed_usd"), json!("140.00"));
    assert_eq!(shown(summary, "total_outstanding_usd"), json!("120.00"));
    // Evidence, strongest first: receipt 100, testimony (the default) 160.
    assert_eq!(
        shown(summary, "by_evidence"),
        json!([
            {"evidence": "receipt", "fees_usd": "100.00"},
            {"evidence": "testimony", "fees_usd": "160.00"},
        ])
    );
}

#[test]
fn columns_may_come_in_any_order_with_extra_ones_and_defaults() {
    let text = "\u{feff}Notes, paid_on ,amount,currency,category,wage_currency,monthly_wage,hire_date,recruiter,nationality,worker_ref\n\
                \"checked, twice\",2025-12-01, 250.50 ,usd,Medical,USD,1000,2026-01-10,\"Agency \"\"A\"\"\",np,W1\n";

    let outcome = audit(text).unwrap();

    let w1 = worker(&outcome, "W1");
    assert_eq!(shown(w1, "fees_usd"), json!("250.50"));
    assert!(!w1.loan, "loan defaults to no");
    assert_eq!(w1.recruiters, ["Agency \"A\""]);
    assert_eq!(
        outcome.summary.by_evidence[0].evidence,
        crate::fee_audit::engine::Evidence::Testimony
    );
}

#[test]
fn lines_stored_by_the_caller_recompute_the_same_audit() {
    let text = upload(&[
        Pay {
            currency: "NPR",
            paid_on: "2026-02-10",
            loan: "yes",
            ..pay("W1", "20000")
        },
        pay("W2", "700"),
        nothing("W3"),
    ]);
    let original = audit(&text).unwrap();

    // As the API would: lines to JSON (exact strings), back, into a fresh engine.
    let mut engine = crate::fee_audit::engine::FeeAuditEngine::new();
    for line in lines(&text) {
        let stored = serde_json::to_string(&line).unwrap();
        engine.add(&serde_json::from_str(&stored).unwrap()).unwrap();
    }

    assert_eq!(engine.finish(), original);
}
