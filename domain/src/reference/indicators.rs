//! The indicator keys a questionnaire question or a finding may name
//! (questionnaire-format.md, "Indicators"): the 11 ILO forced-labour indicators and
//! the fair-recruitment principles, with their names in en, es and fr.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::names::Names;
use crate::values::Locale;

/// Which framework an indicator comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorFamily {
    /// One of the 11 ILO indicators of forced labour.
    IloForcedLabour,
    /// A fair-recruitment principle (employer pays, transparency, remedy…).
    FairRecruitment,
}

impl IndicatorFamily {
    /// The name the API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::IloForcedLabour => "ilo_forced_labour",
            Self::FairRecruitment => "fair_recruitment",
        }
    }
}

/// One indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable key, e.g. `debt_bondage`.
    pub key: String,
    /// The framework it belongs to.
    pub family: IndicatorFamily,
    /// Names per language.
    #[serde(rename = "name")]
    pub names: Names,
}

impl Indicator {
    /// The name in `locale`.
    pub fn name(&self, locale: Locale) -> &str {
        self.names.get(locale)
    }
}

/// Every indicator, ILO ones first, in the order of the ILO list.
pub fn all() -> &'static [Indicator] {
    static TABLE: OnceLock<Vec<Indicator>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is part of the binary and checked by the tests below, so a parse
        // failure here can only be a build that skipped them; an empty table then
        // makes every definition fail validation loudly rather than pass.
        serde_json::from_str(include_str!("../../data/indicators.json")).unwrap_or_default()
    })
}

/// Whether `key` names a known indicator.
pub fn is_known(key: &str) -> bool {
    all().iter().any(|i| i.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses_with_all_eighteen_keys_named_in_three_languages() {
        let parsed: Result<Vec<Indicator>, _> =
            serde_json::from_str(include_str!("../../data/indicators.json"));
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(all().len(), 18);
        let ilo = all()
            .iter()
            .filter(|i| i.family == IndicatorFamily::IloForcedLabour)
            .count();
        assert_eq!(ilo, 11);
        for indicator in all() {
            assert!(indicator.names.is_complete(), "{}", indicator.key);
        }
        let mut keys: Vec<&str> = all().iter().map(|i| i.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 18);
    }

    #[test]
    fn knows_the_keys_of_the_format() {
        for key in [
            "debt_bondage",
            "excessive_overtime",
            "recruitment_fees",
            "recruiter_due_diligence",
        ] {
            assert!(is_known(key), "{key}");
        }
        assert!(!is_known("child_labour"));
    }
}
