//! Reading one CSV cell into a value, with the plain-language message an auditor sees
//! when the cell is wrong. The message does not repeat the column name: the error
//! carries it separately.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::RowError;
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
pub(crate) fn required(raw: &str) -> Result<&str, String> {
    if raw.is_empty() {
        Err("is empty".to_string())
    } else {
        Ok(raw)
    }
}

/// A plain decimal such as `1500` or `1234.50`. Thousands separators, exponents and
/// underscores are refused: `1,500` could mean one and a half in half the world.
pub(crate) fn decimal(raw: &str) -> Result<Decimal, String> {
    let raw = required(raw)?;
    let digits = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !(whole.is_empty() && fraction.is_empty())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(format!(
            "{} is not a number (write it like 1234.50, without thousands separators)",
            quoted(raw)
        ));
    }
    Decimal::from_str(raw).map_err(|_| format!("{} has too many digits", quoted(raw)))
}

/// A date written `YYYY-MM-DD`.
pub(crate) fn date(raw: &str) -> Result<NaiveDate, String> {
    let raw = required(raw)?;
    let shaped = raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(date) if shaped => Ok(date),
        _ => Err(format!(
            "{} is not a date (write it YYYY-MM-DD, e.g. 2026-01-15)",
            quoted(raw)
        )),
    }
}

/// An ISO 3166-1 alpha-2 country.
pub(crate) fn country(raw: &str) -> Result<CountryCode, String> {
    CountryCode::parse(required(raw)?)
}

/// An ISO 4217 currency.
pub(crate) fn currency(raw: &str) -> Result<CurrencyCode, String> {
    CurrencyCode::parse(required(raw)?)
}

/// A decimal ≥ 0.
pub(crate) fn non_negative(raw: &str) -> Result<Decimal, String> {
    let value = decimal(raw)?;
    if value.is_sign_negative() && !value.is_zero() {
        Err(format!("{} must be 0 or more", quoted(raw)))
    } else {
        Ok(value.abs())
    }
}

/// A decimal > 0.
pub(crate) fn positive(raw: &str) -> Result<Decimal, String> {
    let value = decimal(raw)?;
    if value > Decimal::ZERO {
        Ok(value)
    } else {
        Err(format!("{} must be more than 0", quoted(raw)))
    }
}

/// Turns a cell message into a row error at `row`, `column`.
pub(crate) fn at(row: u64, column: &'static str) -> impl Fn(String) -> RowError {
    move |message| RowError::new(row, column, message)
}
