//! Serde for the ISO code value types, which do not implement serde themselves: they
//! travel as their codes (`"NP"`, `"NPR"`) and are checked again when read back.

use serde::{Deserialize, Deserializer, Serializer};

use crate::values::{CountryCode, CurrencyCode};

/// Writes any code as its text.
pub(crate) fn as_text<T: std::fmt::Display, S: Serializer>(code: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(code)
}

/// Writes an optional code as its text or `null`.
pub(crate) fn option_as_text<T: std::fmt::Display, S: Serializer>(
    code: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match code {
        Some(code) => s.collect_str(code),
        None => s.serialize_none(),
    }
}

/// Reads a country code.
pub(crate) fn country<'de, D: Deserializer<'de>>(d: D) -> Result<CountryCode, D::Error> {
    let raw = String::deserialize(d)?;
    CountryCode::parse(&raw).map_err(serde::de::Error::custom)
}

/// Reads an optional country code.
pub(crate) fn option_country<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CountryCode>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(raw) => CountryCode::parse(&raw)
            .map(Some)
            .map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

/// Reads a currency code.
pub(crate) fn currency<'de, D: Deserializer<'de>>(d: D) -> Result<CurrencyCode, D::Error> {
    let raw = String::deserialize(d)?;
    CurrencyCode::parse(&raw).map_err(serde::de::Error::custom)
}
