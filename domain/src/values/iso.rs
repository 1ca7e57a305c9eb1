//! ISO 3166-1 alpha-2 country codes and ISO 4217 currency codes, checked against the
//! lists shipped in `domain/data/` (from Debian's iso-codes).

use std::{collections::BTreeMap, fmt, sync::OnceLock};

fn table(csv: &'static str) -> BTreeMap<&'static str, &'static str> {
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            let (code, name) = line.split_once(',')?;
            Some((code, name.trim_matches('"')))
        })
        .collect()
}

fn countries() -> &'static BTreeMap<&'static str, &'static str> {
    static TABLE: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| table(include_str!("../../data/iso3166-countries.csv")))
}

fn currencies() -> &'static BTreeMap<&'static str, &'static str> {
    static TABLE: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| table(include_str!("../../data/iso4217-currencies.csv")))
}

/// An ISO 3166-1 alpha-2 country code (upper case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses a code; lower case is accepted and normalised.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let upper = raw.trim().to_ascii_uppercase();
        match countries().get_key_value(upper.as_str()) {
            Some((code, _)) => {
                let bytes = code.as_bytes();
                Ok(Self([bytes[0], bytes[1]]))
            }
            None => Err(format!(
                "'{}' is not an ISO 3166-1 alpha-2 country code",
                raw.trim()
            )),
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The English short name.
    pub fn name(&self) -> &'static str {
        countries().get(self.as_str()).copied().unwrap_or("")
    }

    /// Every known country code with its English name.
    pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
        countries().iter().map(|(c, n)| (*c, *n))
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An ISO 4217 currency code (upper case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    /// US dollars, the reporting currency.
    pub const USD: CurrencyCode = CurrencyCode(*b"USD");

    /// Parses a code; lower case is accepted and normalised.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let upper = raw.trim().to_ascii_uppercase();
        match currencies().get_key_value(upper.as_str()) {
            Some((code, _)) => {
                let bytes = code.as_bytes();
                Ok(Self([bytes[0], bytes[1], bytes[2]]))
            }
            None => Err(format!("'{}' is not an ISO 4217 currency code", raw.trim())),
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_refuse() {
        assert_eq!(
            CountryCode::parse("np").map(|c| c.to_string()),
            Ok("NP".to_string())
        );
        assert_eq!(CountryCode::parse("MY").map(|c| c.name()), Ok("Malaysia"));
        assert!(CountryCode::parse("XX").is_err());
        assert!(CountryCode::parse("NPL").is_err());
        assert!(CountryCode::all().count() >= 249);
        assert_eq!(
            CurrencyCode::parse("npr").map(|c| c.to_string()),
            Ok("NPR".to_string())
        );
        assert!(CurrencyCode::parse("ABC").is_err());
    }
}
