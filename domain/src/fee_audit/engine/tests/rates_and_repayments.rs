//! The FX-rate table and upload, and repayments after an audit.

use serde_json::json;

use super::*;
use crate::fee_audit::engine::{RepaymentLedger, read_fx_rates, read_repayments};

#[test]
fn the_rate_is_the_latest_on_or_before_the_date_and_usd_is_always_one() {
    let rates = rates();
    assert_eq!(rates.rate(currency("NPR"), date("2025-12-31")), None);
    assert_eq!(
        rates.rate(currency("NPR"), date("2026-01-01")),
        Some(dec("0.0075"))
    );
    assert_eq!(
        rates.rate(currency("NPR"), date("2026-01-31")),
        Some(dec("0.0075"))
    );
    assert_eq!(
        rates.rate(currency("NPR"), date("2026-02-01")),
        Some(dec("0.0080"))
    );
    assert_eq!(
        rates.rate(currency("NPR"), date("2030-01-01")),
        Some(dec("0.0080"))
    );
    assert_eq!(
        rates.rate(CurrencyCode::USD, date("1900-01-01")),
        Some(Decimal::ONE)
    );
    assert_eq!(rates.rate(currency("EUR"), date("2026-01-01")), None);
}

#[test]
fn an_fx_rate_upload_is_read_in_any_column_order() {
    let text = "date,usd_per_unit,currency\n2026-01-01,0.0075,npr\n2026-02-01,0.0080,NPR\n2026-01-01,1,USD\n";

    let rates = read_fx_rates(text.as_bytes()).unwrap();

    assert_eq!(rates.len(), 3);
    let table = RateTable::from(rates.as_slice());
    assert_eq!(
        table.rate(currency("NPR"), date("2026-01-15")),
        Some(dec("0.0075"))
    );
}

#[test]
fn an_fx_rate_upload_with_any_bad_row_is_refused_whole() {
    let text = "currency,date,usd_per_unit\n\
                NPR,2026-01-01,0.0075\n\
                XYZ,2026-01-01,1\n\
                NPR,2026-13-01,0.0075\n\
                NPR,2026-01-02,0\n\
                NPR,2026-01-03,-0.1\n\
                USD,2026-01-01,0.9\n\
                NPR,2026-01-01,0.0076\n";

    let errors = read_fx_rates(text.as_bytes()).unwrap_err();

    assert_eq!(
        places(&errors),
        [
            (3, Some("currency")),
            (4, Some("date")),
            (5, Some("usd_per_unit")),
            (6, Some("usd_per_unit")),
            (7, Some("usd_per_unit")),
            (8, Some("usd_per_unit")),
        ]
    );
    assert_eq!(
        places(&read_fx_rates("currency,date\nNPR,2026-01-01\n".as_bytes()).unwrap_err()),
        [(1, Some("usd_per_unit"))]
    );
    assert_eq!(places(&read_fx_rates("".as_bytes()).unwrap_err()), [(1, None)]);
}

#[test]
fn repayments_are_converted_at_their_date_and_reported_per_worker_and_in_total() {
    let outcome = audit_ok(&[pay("W1", "300"), pay("W2", "100"), nothing("W3")]);
    // W1 repaid NPR 10000 on 2026-01-20 (× 0.0075 = 75) and USD 25: 100 of 300.
    // W2 repaid USD 130: 30 more than the 100 owed, reported, not clamped.
    let text = "worker_ref,amount,currency,paid_on\n\
                W1,10000,NPR,2026-01-20\n\
                W1,25,USD,2026-02-01\n\
                W2,130,usd,2026-02-01\n";
    let is_worker = |r: &str| outcome.workers.iter().any(|w| w.worker_ref == r);

    let repayments = read_repayments(text.as_bytes(), today(), &rates(), is_worker).unwrap();
    let mut ledger = RepaymentLedger::new(&outcome.workers);
    ledger.record_all(&repayments).unwrap();
    let progress = ledger.progress();

    assert_eq!(repayments[0].amount_usd, dec("75"));
    let w1 = &progress.workers[0];
    assert_eq!(
        [
            shown(w1, "repaid_usd"),
            shown(w1, "remaining_usd"),
            shown(w1, "over_repaid_usd")
        ],
        [json!("100.00"), json!("200.00"), json!("0.00")]
    );
    let w2 = &progress.workers[1];
    assert_eq!(
        [shown(w2, "remaining_usd"), shown(w2, "over_repaid_usd")],
        [json!("0.00"), json!("30.00")]
    );
    // Totals: owed 300 + 100 + 0 = 400; repaid 100 + 130 = 230; still owed 200 (W2's
    // extra 30 does not pay off W1's debt); over-repaid 30.
    assert_eq!(shown(&progress, "total_outstanding_usd"), json!("400.00"));
    assert_eq!(shown(&progress, "total_repaid_usd"), json!("230.00"));
    assert_eq!(shown(&progress, "total_remaining_usd"), json!("200.00"));
    assert_eq!(shown(&progress, "total_over_repaid_usd"), json!("30.00"));
    assert_eq!((progress.workers_still_owed, progress.settled), (1, false));

    ledger.record("W1", dec("200")).unwrap();
    assert!(
        ledger.progress().settled,
        "nothing outstanding once W1 has had the remaining 200"
    );
}

#[test]
fn a_repayment_to_an_unknown_worker_or_with_a_bad_value_is_refused() {
    let text = "worker_ref,amount,currency,paid_on\n\
                W9,10,USD,2026-02-01\n\
                W1,0,USD,2026-02-01\n\
                W1,10,NPR,2025-06-01\n\
                W1,10,USD,2026-03-02\n";

    let errors = read_repayments(text.as_bytes(), today(), &rates(), |r| r == "W1").unwrap_err();

    assert_eq!(
        places(&errors),
        [
            (2, Some("worker_ref")),
            (3, Some("amount")),
            (4, Some("currency")),
            (5, Some("paid_on"))
        ]
    );
    assert_eq!(errors[0].message, "no worker 'W9' in this audit");
    assert_eq!(errors[2].message, "no USD rate for NPR on or before 2025-06-01");
    let mut ledger = RepaymentLedger::new(&[]);
    assert!(ledger.record("W9", dec("1")).is_err());
}
