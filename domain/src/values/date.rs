//! A calendar date as a form or a file sends it: `YYYY-MM-DD` and nothing else.
//! chrono's own parser skips white space before a number, so "2027-\u{85}01-04"
//! would pass as a date through a form while the API's JSON door refuses it; both
//! doors read dates here instead (issue #22).

use chrono::NaiveDate;

use super::text::{Lines, refuse_control_characters};

/// `raw` trimmed, as an ISO 8601 calendar date; a control character or any other
/// text is refused.
pub fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    let raw = raw.trim();
    refuse_control_characters(raw, Lines::One)?;
    if raw.chars().any(char::is_whitespace) {
        return Err("must be a date (YYYY-MM-DD)".into());
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| "must be a date (YYYY-MM-DD)".into())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn only_a_plain_date_is_a_date() {
        assert_eq!(
            parse_date(" 2027-01-04 ").unwrap(),
            NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
        );
        for bad in [
            "2027-\u{85}01-04",
            "2027- 01-04",
            "2027-01-0\u{0}4",
            "2027-02-30",
            "04/01/2027",
            "",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?}");
        }
    }
}
