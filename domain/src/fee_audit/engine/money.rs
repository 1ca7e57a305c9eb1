//! Rounding and number formatting for display. The engine keeps exact values; these
//! functions are applied only when a figure is shown (fee-audit.md: "rounded half away
//! from zero only when shown").

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serializer;

use crate::values::Locale;

/// Rounds half away from zero to `places` decimals and always shows that many, so that
/// `5` is shown as `5.00` and `2.675` as `2.68` (the exact decimal, not a float).
fn round_to(value: Decimal, places: u32) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(places);
    // `-0.001` rounds to `-0.00`; a figure is never shown as negative zero.
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded
}

/// A USD amount as shown: 2 decimals.
pub fn round_money(value: Decimal) -> Decimal {
    round_to(value, 2)
}

/// A `months_of_wages` figure as shown: 2 decimals.
pub fn round_months(value: Decimal) -> Decimal {
    round_to(value, 2)
}

/// A share (0–1) as shown: 4 decimals.
pub fn round_share(value: Decimal) -> Decimal {
    round_to(value, 4)
}

/// Serializes a money figure as a string with two decimals (`"1234.50"`, api-contract.md).
pub(crate) fn money<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&round_money(*value))
}

/// Serializes a months-of-wages figure as a string with two decimals.
pub(crate) fn months<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&round_months(*value))
}

/// Serializes an optional months-of-wages figure (the recruitment cost indicator) as
/// a string with two decimals, or `null`.
pub(crate) fn option_months<S: Serializer>(
    value: &Option<Decimal>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => months(value, serializer),
        None => serializer.serialize_none(),
    }
}

/// Serializes a share as a string with four decimals.
pub(crate) fn share<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&round_share(*value))
}

/// A number rounded to `places` decimals and written the way a reader of `locale`
/// expects: en `18,400.00`, es `18.400,00` (but `1500,00`: Spanish does not group
/// four-digit numbers), fr `18 400,00`.
///
/// French groups with a no-break space (U+00A0) rather than CLDR's narrow no-break
/// space (U+202F): the reports' PDF fonts have the former but not the latter, and a
/// no-break space still keeps the number on one line.
pub fn format_number(value: Decimal, places: u32, locale: Locale) -> String {
    let text = round_to(value, places).abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let (group, point, min_grouped_len) = match locale {
        Locale::En => (",", ".", 4),
        Locale::Es => (".", ",", 5),
        Locale::Fr => ("\u{a0}", ",", 4),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3 * 2 + 1);
    if value.is_sign_negative() && !round_to(value, places).is_zero() {
        out.push('-');
    }
    if whole.len() >= min_grouped_len {
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(digit);
        }
    } else {
        out.push_str(whole);
    }
    if !fraction.is_empty() {
        out.push_str(point);
        out.push_str(fraction);
    }
    out
}

/// A USD amount written for `locale` with two decimals (see [`format_number`]).
pub fn format_money(value: Decimal, locale: Locale) -> String {
    format_number(value, 2, locale)
}
