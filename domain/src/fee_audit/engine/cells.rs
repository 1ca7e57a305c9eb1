//! Reading one CSV cell into a value, with the plain-language message an auditor sees
//! when the cell is wrong (a [`Problem`]: key, arguments, English text). The message
//! does not repeat the column name: the error carries it separately.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::{Problem, RowError};
use crate::values::{CountryCode, CurrencyCode, Lines, refuse_control_characters};

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
        return Err(Problem::new("csv-empty", Vec::new(), "is empty"));
    }
    // A worker's reference or a recruiter's name is text like any other
    // (values::text): a control character, such as a NUL that PostgreSQL cannot
    // store, is refused. Line breaks and tabs stay allowed, as they always were
    // here: a quoted cell may hold an agency's name written on two lines. The
    // byte scan keeps the common case cheap: every control character is a byte
    // below 0x20, 0x7F, or starts with 0xC2 (C1).
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2)
        && let Err(message) = refuse_control_characters(raw, Lines::Many)
    {
        return Err(Problem::new("csv-control-characters", Vec::new(), message));
    }
    Ok(raw)
}

/// A plain decimal such as `1500` or `1234.50`. Thousands separators, exponents and
/// underscores are refused: `1,500` could mean one and a half in half the world.
pub(crate) fn decimal(raw: &str) -> Result<Decimal, Problem> {
    let raw = required(raw)?;
    // Split as bytes: `str` patterns search by character, which costs more than the
    // rest of the check on a short cell.
    let digits = match raw.as_bytes() {
        [b'-' | b'+', digits @ ..] => digits,
        digits => digits,
    };
    let mut parts = digits.splitn(2, |&b| b == b'.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next().unwrap_or_default();
    let well_formed = !(whole.is_empty() && fraction.is_empty())
        && whole.iter().all(u8::is_ascii_digit)
        && fraction.iter().all(u8::is_ascii_digit);
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
    parse_date(raw).ok_or_else(|| {
        Problem::new(
            "csv-not-date",
            vec![("value", quoted(raw))],
            format!(
                "{} is not a date (write it YYYY-MM-DD, e.g. 2026-01-15)",
                quoted(raw)
            ),
        )
    })
}

/// The date of a cell: ten bytes with `-` at the fifth and eighth, read as chrono's
/// `%Y-%m-%d` reads them. Plain digits, nearly every cell, are read here directly
/// (chrono's general format parser was a tenth of the engine's time, for two dates
/// a row); anything else shaped so (a signed year, a space before a one-digit month)
/// is left to chrono, so that exactly the same cells are accepted as before.
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = raw.as_bytes() else {
        return None;
    };
    let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
    if digits.iter().all(u8::is_ascii_digit) {
        // Two digits as a number (0 to 99).
        let value = |high: u8, low: u8| (high - b'0') * 10 + (low - b'0');
        let year = i32::from(value(y0, y1)) * 100 + i32::from(value(y2, y3));
        let (month, day) = (u32::from(value(m0, m1)), u32::from(value(d0, d1)));
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
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

/// The country and currency codes of an upload, remembered by their exact text: the
/// codes' own parsers upper-case into a new string and search a table of names, and
/// every row has four codes drawn from a handful. Only good codes are kept (at most a
/// few thousand spellings); a bad one is parsed again for its message.
#[derive(Debug, Default)]
pub(crate) struct Codes {
    countries: FxHashMap<[u8; 2], CountryCode>,
    currencies: FxHashMap<[u8; 3], CurrencyCode>,
}

impl Codes {
    /// [`country`], remembered.
    pub(crate) fn country(&mut self, raw: &str) -> Result<CountryCode, Problem> {
        remembered(&mut self.countries, raw, country)
    }

    /// [`currency`], remembered.
    pub(crate) fn currency(&mut self, raw: &str) -> Result<CurrencyCode, Problem> {
        remembered(&mut self.currencies, raw, currency)
    }
}

/// `parse(raw)`, looked up first in `seen` when `raw` is `N` bytes long (a code of the
/// right length), and kept there once parsed.
fn remembered<const N: usize, T: Copy>(
    seen: &mut FxHashMap<[u8; N], T>,
    raw: &str,
    parse: impl FnOnce(&str) -> Result<T, Problem>,
) -> Result<T, Problem> {
    let key = <[u8; N]>::try_from(raw.as_bytes()).ok();
    if let Some(code) = key.and_then(|key| seen.get(&key)) {
        return Ok(*code);
    }
    let code = parse(raw)?;
    if let Some(key) = key {
        seen.insert(key, code);
    }
    Ok(code)
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
    if is_positive(value) {
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

/// `value > 0`, without the general comparison (a call that rescales) on every row.
pub(crate) fn is_positive(value: Decimal) -> bool {
    !value.is_zero() && !value.is_sign_negative()
}

/// Turns a cell message into a row error at `row`, `column`.
pub(crate) fn at(row: u64, column: &'static str) -> impl Fn(Problem) -> RowError {
    move |message| RowError::new(row, column, message)
}
