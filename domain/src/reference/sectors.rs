//! Sectors a supplier can work in, with the inherent sector risk the scoring uses
//! and the sources the figure rests on (`domain/data/sectors.json`).

use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::names::Names;
use crate::values::Locale;

/// One sector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// Stable key, e.g. `palm_oil`.
    pub key: String,
    /// Names per language.
    #[serde(rename = "name")]
    pub names: Names,
    /// Inherent risk 0–100.
    pub risk: Decimal,
    /// What the figure rests on, citable in a report.
    pub sources: Vec<String>,
}

impl Sector {
    /// The name in `locale`.
    pub fn name(&self, locale: Locale) -> &str {
        self.names.get(locale)
    }
}

/// Every sector, in the file's order (`other` last).
pub fn all() -> &'static [Sector] {
    static TABLE: OnceLock<Vec<Sector>> = OnceLock::new();
    // The file is compiled in and checked by the tests below; an empty table is the
    // visible failure if that was skipped.
    TABLE.get_or_init(|| serde_json::from_str(include_str!("../../data/sectors.json")).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses_and_is_complete() {
        let parsed: Result<Vec<Sector>, _> = serde_json::from_str(include_str!("../../data/sectors.json"));
        assert!(parsed.is_ok(), "{parsed:?}");
        assert!(all().len() >= 16);
        for key in [
            "agriculture",
            "fishing",
            "construction",
            "apparel_textiles",
            "electronics",
            "mining",
            "domestic_work",
            "hospitality",
            "manufacturing",
            "logistics",
            "food_processing",
            "healthcare",
            "cleaning_security",
            "seafood_processing",
            "palm_oil",
            "other",
        ] {
            assert!(all().iter().any(|s| s.key == key), "{key}");
        }
        for sector in all() {
            assert!(sector.names.is_complete(), "{}", sector.key);
            assert!(
                (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&sector.risk),
                "{}",
                sector.key
            );
            assert!(!sector.sources.is_empty(), "{}", sector.key);
        }
    }
}
