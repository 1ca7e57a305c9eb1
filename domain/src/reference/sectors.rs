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
    /// For a key retired by a review: the sectors that replaced it. Suppliers stored
    /// with it keep reading, scoring and importing (stored keys never break), but a
    /// new supplier is offered only current sectors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_by: Vec<String>,
}

impl Sector {
    /// The name in `locale`.
    pub fn name(&self, locale: Locale) -> &str {
        self.names.get(locale)
    }

    /// Whether the sector is offered for new suppliers (not retired by a review).
    pub fn is_current(&self) -> bool {
        self.replaced_by.is_empty()
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
        for key in [
            "agriculture",
            "fishing_at_sea",
            "aquaculture",
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
            "cleaning",
            "security",
            "seafood_processing",
            "palm_oil",
            "other",
        ] {
            let sector = all().iter().find(|s| s.key == key);
            assert!(sector.is_some_and(Sector::is_current), "{key}");
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
        assert_eq!(all().last().map(|s| s.key.as_str()), Some("other"));
    }

    /// Keys stored before the 2026 review stay readable, point at current sectors
    /// and score as the riskiest of them, so no stored supplier scores lower.
    #[test]
    fn retired_keys_stay_readable_and_score_as_their_riskiest_successor() {
        let find = |key: &str| all().iter().find(|s| s.key == key);
        for (retired, successors) in [
            (
                "fishing",
                vec!["fishing_at_sea", "aquaculture", "seafood_processing"],
            ),
            ("cleaning_security", vec!["cleaning", "security"]),
        ] {
            let sector = find(retired).unwrap_or_else(|| panic!("{retired}"));
            assert!(!sector.is_current());
            assert_eq!(sector.replaced_by, successors);
            let highest = successors
                .iter()
                .filter_map(|k| find(k))
                .inspect(|s| assert!(s.is_current(), "{}", s.key))
                .map(|s| s.risk)
                .max();
            assert_eq!(Some(sector.risk), highest, "{retired}");
        }
        // The review's changes.
        let risk = |key: &str| find(key).map(|s| s.risk);
        assert_eq!(risk("healthcare"), Some(Decimal::from(55)));
        assert!(risk("security") > risk("cleaning"));
        assert!(risk("fishing_at_sea") > risk("aquaculture"));
    }
}
