//! Reading one CSV cell into a value, with the plain-language message an auditor sees
//! when the cell is wrong (a [`Problem`]: key, arguments, English text). The message
//! does not repeat the column name: the error carries it separately.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Problem, RowError};
use crate::values::{CountryCode, CurrencyCode};

/// The cell as the message quotes it: long cells are cut, so that one runaway cell
/// cannot make the error list enormous.
pub(crate) fn quoted(raw: &str) -> String {
    const LIMIT: usize = 40;
    match raw.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("'{}…'", &raw[..cut]),
        None => format!("'{raw}'"),
    }
}

/// A value that must be present.
pub(crate) fn required(raw: &str) -> Result<&str, Problem> {
    if raw.is_empty() {
        Err(Problem::new("csv-empty", Vec::new(), "is empty"))
    } else {
        Ok(raw)
    }
}

/// A plain decimal such as `1500` or `1234.50`. Thousands separators, exponents and
/// underscores are refused: `1,500` could mean one and a half in half the world.
pub(crate) fn decimal(raw: &str) -> Result<Decimal, Problem> {
    let raw = required(raw)?;
    let digits = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !(whole.is_empty() && fraction.is_empty())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(Problem::new(
            "csv-not-number",
            vec![("value", quoted(raw))],
            format!(
                "{} is not a number (write it like 1234.50, without thousands separators)",
                quoted(raw)
            ),
        ));
    }
    Decimal::from_str(raw).map_err(|_| {
        let text = format!("{} has too many digits", quoted(raw));
        Problem::new("csv-too-many-digits", vec![("value", quoted(raw))], text)
    })
}

/// A date written `YYYY-MM-DD`.
pub(crate) fn date(raw: &str) -> Result<NaiveDate, Problem> {
    let raw = required(raw)?;
    let shaped = raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(date) if shaped => Ok(date),
        _ => Err(Problem::new(
            "csv-not-date",
            vec![("value", quoted(raw))],
            format!(
                "{} is not a date (write it YYYY-MM-DD, e.g. 2026-01-15)",
                quoted(raw)
            ),
        )),
    }
}

/// An ISO 3166-1 alpha-2 country.
pub(crate) fn country(raw: &str) -> Result<CountryCode, Problem> {
    CountryCode::parse(required(raw)?)
        .map_err(|text| Problem::new("csv-country", vec![("value", quoted(raw))], text))
}

/// An ISO 4217 currency.
pub(crate) fn currency(raw: &str) -> Result<CurrencyCode, Problem> {
    CurrencyCode::parse(required(raw)?)
        .map_err(|text| Problem::new("csv-currency", vec![("value", quoted(raw))], text))
}

/// A decimal ≥ 0.
pub(crate) fn non_negative(raw: &str) -> Result<Decimal, Problem> {
    let value = decimal(raw)?;
    if value.is_sign_negative() && !value.is_zero() {
        let text = format!("{} must be 0 or more", quoted(raw));
        Err(Problem::new("csv-negative", vec![("value", quoted(raw))], text))
    } else {
        Ok(value.abs())
    }
}

/// A decimal > 0.
pub(crate) fn positive(raw: &str) -> Result<Decimal, Problem> {
    let value = decimal(raw)?;
    if value > Decimal::ZERO {
        Ok(value)
    } else {
        let text = format!("{} must be more than 0", quoted(raw));
        Err(Problem::new(
            "csv-not-positive",
            vec![("value", quoted(raw))],
            text,
        ))
    }
}

/// Turns a cell message into a row error at `row`, `column`.
pub(crate) fn at(row: u64, column: &'static str) -> impl Fn(Problem) -> RowError {
    move |message| RowError::new(row, column, message)
}
