//! The tally itself: workers in `worker_ref` order whatever the order of the rows, a
//! worker's several recruiters, and a line that fails leaving no trace.

use super::*;
use crate::fee_audit::engine::FeeAuditEngine;

#[test]
fn workers_come_out_in_worker_ref_order_whatever_the_row_order() {
    let outcome = audit_ok(&[
        pay("W3", "10"),
        pay("W10", "10"),
        nothing("W1"),
        pay("W3", "5"),
        pay("W2", "1"),
    ]);
    let refs: Vec<&str> = outcome.workers.iter().map(|w| w.worker_ref.as_str()).collect();
    // By text, as `worker_ref`s compare: "W10" before "W2".
    assert_eq!(refs, ["W1", "W10", "W2", "W3"]);
    assert_eq!(
        shown(worker(&outcome, "W3"), "fees_usd"),
        serde_json::json!("15.00")
    );
    assert_eq!(outcome.rows, 5);
}

#[test]
fn a_worker_with_several_recruiters_counts_once_for_each() {
    let outcome = audit_ok(&[
        Pay {
            recruiter: "Zeta",
            category: "none",
            ..pay("W1", "0")
        },
        Pay {
            recruiter: "Alpha",
            loan: "yes",
            ..pay("W1", "100")
        },
        Pay {
            recruiter: "Zeta",
            ..pay("W1", "50")
        },
        Pay {
            recruiter: "Alpha",
            ..pay("W1", "25")
        },
        Pay {
            recruiter: "Zeta",
            ..nothing("W2")
        },
    ]);
    let w1 = worker(&outcome, "W1");
    assert_eq!(w1.recruiters, ["Alpha", "Zeta"]);
    assert!(w1.debt_bondage_risk, "W1 paid through a loan");
    let recruiters: Vec<_> = outcome
        .summary
        .by_recruiter
        .iter()
        .map(|r| {
            (
                r.recruiter.as_str(),
                r.workers,
                r.workers_who_paid,
                r.debt_bondage_risks,
            )
        })
        .collect();
    // Alpha 100 + 25 = 125, Zeta 0 + 50 + 0 = 50; W1 paid Zeta on the third row only.
    assert_eq!(recruiters, [("Alpha", 1, 1, 1), ("Zeta", 2, 1, 1)]);
    assert_eq!(worker(&outcome, "W2").recruiters, ["Zeta"]);
}

#[test]
fn a_line_that_fails_leaves_no_trace() {
    let good = lines(&upload(&[pay("W1", "100")])).remove(0);
    // A wage of 10⁻²⁸ at 10⁻²⁸ USD rounds to 0 USD: too small to convert.
    let tiny = dec("0.0000000000000000000000000001");
    let bad = AuditedLine {
        worker_ref: "W0".to_string(),
        recruiter: "Only in a bad line".to_string(),
        monthly_wage: tiny,
        wage_usd_per_unit: tiny,
        ..good.clone()
    };
    let mut engine = FeeAuditEngine::new();
    let error = engine.add(&bad).unwrap_err();
    assert_eq!((error.row, error.column.as_deref()), (2, Some("monthly_wage")));
    assert_eq!(error.code, "csv-wage-too-small");
    engine.add(&good).unwrap();

    let outcome = engine.finish();
    let refs: Vec<&str> = outcome.workers.iter().map(|w| w.worker_ref.as_str()).collect();
    assert_eq!(refs, ["W1"]);
    let recruiters: Vec<&str> = outcome
        .summary
        .by_recruiter
        .iter()
        .map(|r| r.recruiter.as_str())
        .collect();
    assert_eq!(recruiters, ["Agency A"]);
    assert_eq!(outcome.rows, 1);
    assert_eq!(
        shown(&outcome.summary, "total_fees_usd"),
        serde_json::json!("100.00")
    );
}
