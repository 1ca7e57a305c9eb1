//! The cell readers that replaced slower library calls accept and refuse exactly what
//! those calls did: dates as chrono's `%Y-%m-%d` on ten bytes, and codes as the codes'
//! own parsers, however often a code is met.

use proptest::prelude::*;

use super::*;
use crate::{
    fee_audit::engine::cells::{self, Codes, parse_date},
    values::CountryCode,
};

/// The reading of a date cell before the hand-written parser: chrono, on ten bytes
/// with dashes at the fifth and eighth.
fn chrono_date(raw: &str) -> Option<NaiveDate> {
    let shaped = raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-';
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok().filter(|_| shaped)
}

#[test]
fn dates_are_read_as_yyyy_mm_dd() {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(parse_date("2026-01-15"), ymd(2026, 1, 15));
    assert_eq!(parse_date("2024-02-29"), ymd(2024, 2, 29));
    assert_eq!(parse_date("0000-01-01"), ymd(0, 1, 1));
    assert_eq!(parse_date("9999-12-31"), ymd(9999, 12, 31));
    for refused in [
        "",
        "2026-1-15",
        "2026-01-5",
        "2026-02-30",
        "2025-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
        "2026-01-32",
        "+2026-01-15",
        "20260115",
        "2026/01/15",
        "2026-01-15T",
        "2026-0a-15",
        "15-01-2026",
        "2026-01-1\u{660}",
    ] {
        assert_eq!(parse_date(refused), None, "{refused:?}");
    }
}

#[test]
fn odd_dates_chrono_took_are_still_taken() {
    // chrono reads a signed year of any width, and skips white space before a number.
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(parse_date("+026-01-15"), ymd(26, 1, 15));
    assert_eq!(parse_date("-026-01-15"), ymd(-26, 1, 15));
    assert_eq!(parse_date("2026- 1-15"), ymd(2026, 1, 15));
    assert_eq!(parse_date("2026-01- 5"), ymd(2026, 1, 5));
    for raw in [
        "+026-01-15",
        "2026- 1-15",
        "2026-01- 5",
        "2026-+1-15",
        "2026-01-+5",
    ] {
        assert_eq!(parse_date(raw), chrono_date(raw), "{raw:?}");
    }
}

#[test]
fn a_date_cell_is_refused_with_the_same_message() {
    let problem = cells::date("2026-1-15").unwrap_err();
    assert_eq!(problem.code, "csv-not-date");
    assert_eq!(problem.args, [("value", "'2026-1-15'".to_string())]);
    assert_eq!(
        problem.text,
        "'2026-1-15' is not a date (write it YYYY-MM-DD, e.g. 2026-01-15)"
    );
    assert_eq!(cells::date("").unwrap_err().code, "csv-empty");
}

proptest! {
    #[test]
    fn dates_are_read_as_chrono_read_them(raw in "[0-9+ \\-]{4}-[0-9+ \\-]{2}-[0-9+ \\-]{2}") {
        prop_assert_eq!(parse_date(&raw), chrono_date(&raw));
    }

    #[test]
    fn near_dates_are_read_as_chrono_read_them(raw in "[0-9]{0,5}[-/ ]?[0-9]{0,3}[-/ ]?[0-9 \\t]{0,3}") {
        prop_assert_eq!(parse_date(&raw), chrono_date(&raw));
    }

    #[test]
    fn any_text_is_read_as_chrono_read_it(raw in "\\PC{0,12}") {
        prop_assert_eq!(parse_date(&raw), chrono_date(&raw));
    }
}

#[test]
fn codes_read_through_the_cache_are_the_codes_read_directly() {
    let mut codes = Codes::default();
    let cases = ["NP", "np", "Np", "XX", "NPL", "", "N", "é", "MY", "np"];
    // Twice: the second round is answered from what the first remembered.
    for _ in 0..2 {
        for raw in cases {
            assert_eq!(codes.country(raw), cells::country(raw), "{raw:?}");
        }
    }
    let cases = ["NPR", "npr", "nPr", "ABC", "US", "USDX", "", "€", "USD"];
    for _ in 0..2 {
        for raw in cases {
            assert_eq!(codes.currency(raw), cells::currency(raw), "{raw:?}");
        }
    }
    assert_eq!(codes.country("np").unwrap(), CountryCode::parse("NP").unwrap());
    assert_eq!(codes.currency("npr"), Ok(currency("NPR")));
}

#[test]
fn loan_is_yes_or_no_in_any_case() {
    let outcome = audit_ok(&[
        Pay {
            loan: "YES",
            ..pay("W1", "10")
        },
        Pay {
            loan: "No",
            ..pay("W2", "10")
        },
        Pay {
            loan: "nO",
            ..pay("W3", "10")
        },
    ]);
    let loans: Vec<bool> = outcome.workers.iter().map(|w| w.loan).collect();
    assert_eq!(loans, [true, false, false]);
    let errors = refused(&upload(&[Pay {
        loan: "yes please",
        ..pay("W1", "10")
    }]));
    assert_eq!(places(&errors), [(2, Some("loan"))]);
    assert_eq!(errors[0].message, "'yes please' is not yes or no");
}
