//! Uploads that must be refused (`422`): every bad row is listed with its line number
//! (header = 1) and column, and nothing is counted.

use super::*;
use crate::fee_audit::engine::MAX_ROWS;

/// The one error of an upload whose only bad row is line 2 (after a good line… none).
fn only_error(rows: &[Pay<'_>]) -> RowError {
    let errors = refused(&upload(rows));
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn an_unknown_category_is_refused() {
    let error = only_error(&[Pay {
        category: "bribe",
        ..pay("W1", "10")
    }]);
    assert_eq!((error.row, error.column.as_deref()), (2, Some("category")));
    assert!(
        error.message.contains("'bribe' is not a category"),
        "{}",
        error.message
    );
}

#[test]
fn an_unknown_currency_is_refused() {
    let error = only_error(&[
        pay("W1", "10"),
        Pay {
            currency: "XYZ",
            ..pay("W1", "10")
        },
    ]);
    assert_eq!((error.row, error.column.as_deref()), (3, Some("currency")));
}

#[test]
fn an_unknown_country_is_refused() {
    let errors = refused(&upload(&[Pay {
        nationality: "XX",
        recruiter_country: "Nepal",
        ..pay("W1", "10")
    }]));
    assert_eq!(
        places(&errors),
        [(2, Some("nationality")), (2, Some("recruiter_country"))]
    );
}

#[test]
fn a_bad_date_is_refused() {
    let errors = refused(&upload(&[
        Pay {
            paid_on: "2026-02-30",
            ..pay("W1", "10")
        },
        Pay {
            hire_date: "10/01/2026",
            ..pay("W2", "10")
        },
        Pay {
            paid_on: "2026-1-5",
            ..pay("W3", "10")
        },
    ]));
    assert_eq!(
        places(&errors),
        [(2, Some("paid_on")), (3, Some("hire_date")), (4, Some("paid_on"))]
    );
    assert!(errors[0].message.contains("YYYY-MM-DD"));
}

#[test]
fn a_payment_after_today_is_refused() {
    // Today is 2026-03-01: that day is allowed, the next is not.
    let error = only_error(&[
        Pay {
            paid_on: "2026-03-01",
            ..pay("W1", "10")
        },
        Pay {
            paid_on: "2026-03-02",
            ..pay("W1", "10")
        },
    ]);
    assert_eq!((error.row, error.column.as_deref()), (3, Some("paid_on")));
    assert!(error.message.contains("after today"));
}

#[test]
fn category_none_goes_with_amount_zero_and_only_with_it() {
    let errors = refused(&upload(&[
        Pay {
            amount: "5",
            ..nothing("W1")
        },
        pay("W2", "0"),
        pay("W3", "0.00"),
    ]));
    assert_eq!(
        places(&errors),
        [(2, Some("amount")), (3, Some("amount")), (4, Some("amount"))]
    );
}

#[test]
fn a_negative_amount_or_a_bad_number_is_refused() {
    let errors = refused(&upload(&[
        pay("W1", "-5"),
        pay("W2", "\"1,500\""),
        pay("W3", "1e3"),
        pay("W4", ""),
    ]));
    assert_eq!(
        places(&errors),
        [
            (2, Some("amount")),
            (3, Some("amount")),
            (4, Some("amount")),
            (5, Some("amount"))
        ]
    );
    assert!(errors[0].message.contains("0 or more"));
}

#[test]
fn reimbursed_must_be_between_zero_and_the_amount() {
    let errors = refused(&upload(&[
        Pay {
            reimbursed: "100.01",
            ..pay("W1", "100")
        },
        Pay {
            reimbursed: "-1",
            ..pay("W2", "100")
        },
        Pay {
            reimbursed: "100",
            ..pay("W3", "100")
        },
    ]));
    assert_eq!(
        places(&errors),
        [(2, Some("reimbursed")), (3, Some("reimbursed"))]
    );
}

#[test]
fn wage_loan_and_evidence_are_checked() {
    let errors = refused(&upload(&[
        Pay {
            monthly_wage: "0",
            ..pay("W1", "10")
        },
        Pay {
            loan: "maybe",
            ..pay("W2", "10")
        },
        Pay {
            evidence: "rumour",
            ..pay("W3", "10")
        },
        Pay {
            worker: "",
            recruiter: "",
            ..pay("W4", "10")
        },
    ]));
    assert_eq!(
        places(&errors),
        [
            (2, Some("monthly_wage")),
            (3, Some("loan")),
            (4, Some("evidence")),
            (5, Some("worker_ref")),
            (5, Some("recruiter"))
        ]
    );
}

#[test]
fn a_workers_fields_must_agree_on_all_their_rows() {
    let errors = refused(&upload(&[
        pay("W1", "10"),
        pay("W2", "10"),
        Pay {
            nationality: "IN",
            hire_date: "2026-01-11",
            monthly_wage: "500.00",
            wage_currency: "MYR",
            ..pay("W1", "10")
        },
        Pay {
            monthly_wage: "501",
            ..pay("W1", "10")
        },
    ]));
    // 500.00 equals 500; the later row is the one reported, pointing at the first.
    assert_eq!(
        places(&errors),
        [
            (4, Some("nationality")),
            (4, Some("hire_date")),
            (4, Some("wage_currency")),
            (5, Some("monthly_wage"))
        ]
    );
    assert_eq!(
        errors[0].message,
        "differs from row 2 for worker W1, which gives NP"
    );
}

#[test]
fn a_missing_rate_is_refused_with_the_currency_and_date() {
    let errors = refused(&upload(&[
        // The first NPR rate is from 2026-01-01.
        Pay {
            currency: "NPR",
            paid_on: "2025-12-31",
            ..pay("W1", "10")
        },
        Pay {
            currency: "NPR",
            paid_on: "2026-01-01",
            ..pay("W1", "10")
        },
        // No MYR rate before 2025-01-01.
        Pay {
            wage_currency: "MYR",
            hire_date: "2024-12-31",
            ..pay("W2", "10")
        },
    ]));
    assert_eq!(
        places(&errors),
        [(2, Some("currency")), (4, Some("wage_currency"))]
    );
    assert_eq!(errors[0].message, "no USD rate for NPR on or before 2025-12-31");
    assert_eq!(errors[1].message, "no USD rate for MYR on or before 2024-12-31");
}

#[test]
fn a_missing_required_column_is_refused_on_the_header() {
    let text = upload(&[pay("W1", "10")]).replacen(",amount,", ",amount_paid,", 1);
    let errors = refused(&text);
    assert_eq!(places(&errors), [(1, Some("amount"))]);
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(places(&refused("")), [(1, None)]);
    assert_eq!(places(&refused(&format!("{HEADER}\n"))), [(1, None)]);
    assert!(
        refused(&format!("{HEADER}\n"))[0]
            .message
            .contains("no data rows")
    );
}

#[test]
fn more_than_200_000_rows_are_refused_and_reading_stops_there() {
    let row = format!("{}\n", pay("W1", "1").csv());
    let mut text = String::with_capacity((row.len() + 1) * (MAX_ROWS as usize + 3) + HEADER.len());
    text.push_str(HEADER);
    text.push('\n');
    for _ in 0..=MAX_ROWS {
        text.push_str(&row);
    }
    // A bad row past the limit is never read, so never reported.
    text.push_str(
        &Pay {
            category: "bribe",
            ..pay("W1", "1")
        }
        .csv(),
    );

    let errors = refused(&text);

    // Data rows start on line 2, so data row 200,001 is line 200,002.
    assert_eq!(places(&errors), [(MAX_ROWS + 2, None)]);
    assert!(errors[0].message.contains("more than 200000 data rows"));
}

#[test]
fn every_bad_row_is_listed_and_nothing_is_yielded_after_the_first() {
    let text = upload(&[
        pay("W1", "10"),
        pay("W2", "-1"),
        pay("W3", "10"),
        Pay {
            currency: "???",
            ..pay("W4", "1")
        },
    ]);
    let rates = rates();
    let mut reader = crate::fee_audit::engine::FeeAuditReader::new(text.as_bytes(), today(), &rates);

    let yielded: Vec<_> = reader.by_ref().map(|line| line.worker_ref).collect();
    let errors = reader.finish().unwrap_err();

    assert_eq!(yielded, ["W1"], "lines stop at the first bad row");
    assert_eq!(places(&errors), [(3, Some("amount")), (5, Some("currency"))]);
}

#[test]
fn row_numbers_are_line_numbers_even_with_line_breaks_in_cells() {
    let two_lines = Pay {
        recruiter: "\"Agency\nwith a two-line name\"",
        ..pay("W1", "10")
    }
    .csv();
    let (w2, w3) = (pay("W2", "-1").csv(), pay("W3", "-1").csv());
    // Line 2–3: W1; line 4: W2; line 5 blank; line 6: W3.
    let lf = format!("{HEADER}\n{two_lines}\n{w2}\n\n{w3}\n");
    assert_eq!(places(&refused(&lf)), [(4, Some("amount")), (6, Some("amount"))]);
    // The same with Windows line ends, and without a line end after the last row.
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(
        places(&refused(&crlf)),
        [(4, Some("amount")), (6, Some("amount"))]
    );
    assert_eq!(
        places(&refused(lf.trim_end())),
        [(4, Some("amount")), (6, Some("amount"))]
    );
    assert_eq!(
        places(&refused(crlf.trim_end())),
        [(4, Some("amount")), (6, Some("amount"))]
    );
    // A CRLF file reads like an LF one.
    assert_eq!(
        audit(&upload(&[pay("W1", "10")]).replace('\n', "\r\n"))
            .unwrap()
            .rows,
        1
    );
}

#[test]
fn bytes_that_are_not_utf8_are_a_row_error() {
    let mut bytes = upload(&[pay("W1", "10")]).into_bytes();
    bytes.extend_from_slice(b"W2,NP,Agen\xffcy,,2026-01-10,500,USD,medical,10,USD,2025-12-01,,,\n");

    let errors = audit_csv(bytes.as_slice(), today(), &rates(), |_| {}).unwrap_err();

    assert_eq!(places(&errors), [(3, Some("recruiter"))]);
    assert!(errors[0].message.contains("UTF-8"));
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_refused() {
    let text = format!("{HEADER}\nW1,NP,Agency A\n{}\n", pay("W2", "10").csv());
    let errors = refused(&text);
    assert_eq!(places(&errors), [(2, None)]);
    assert_eq!(errors[0].message, "the row has 3 cells but the header has 14");
}
