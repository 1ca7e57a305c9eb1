//! The report's words: this crate's Fluent files, `worker/locales/<lang>/report.ftl`,
//! through the domain's one i18n machinery (`domain::i18n::Catalog`). Dates are
//! written by the files (`month-…`, `date-long`); decimal numbers are formatted by
//! `domain::fee_audit::engine::format_number` before they are passed in.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use domain::{
    i18n::{Catalog, FluentArgs, FluentValue},
    values::Locale,
};

/// The Fluent sources, by language (this crate's own files).
const SOURCES: [(&str, &str); 3] = [
    ("en", include_str!("../../locales/en/report.ftl")),
    ("es", include_str!("../../locales/es/report.ftl")),
    ("fr", include_str!("../../locales/fr/report.ftl")),
];

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::new("report", &SOURCES));

/// The label `key` in `locale` (English when the language lacks it; the key
/// itself when no file has it, which a test forbids).
pub fn t(locale: Locale, key: &str) -> String {
    CATALOG.text(locale.code(), key)
}

/// The message `key` with text arguments (numbers and dates already written for
/// `locale`).
pub fn with(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, FluentValue::from(value.to_string()));
    }
    CATALOG.format(locale.code(), key, &fluent)
}

/// A stored value (band, severity, status, fee category) in `locale`
/// (`value-<raw>`); unknown values are shown as stored.
pub fn value(locale: Locale, raw: &str) -> String {
    CATALOG
        .message(locale.code(), &format!("value-{raw}"), None)
        .unwrap_or_else(|| raw.replace('_', " "))
}

/// `page 3 of 12` in `locale`.
pub fn page_of(locale: Locale, n: usize, total: usize) -> String {
    let mut args = FluentArgs::new();
    args.set("n", FluentValue::from(n));
    args.set("total", FluentValue::from(total));
    CATALOG.format(locale.code(), "page_of", &args)
}

/// A date in the locale's long form: `28 November 2026`, `28 de noviembre de
/// 2026`, `28 novembre 2026`, `1er décembre 2026` (`date-long`).
pub fn date(locale: Locale, day: NaiveDate) -> String {
    let mut args = FluentArgs::new();
    // A number, so that a file can select on it (French `1er`).
    args.set("day", FluentValue::from(day.day()));
    args.set(
        "month",
        FluentValue::from(t(locale, &format!("month-{}", day.month()))),
    );
    // Text, so that no number formatting can group its digits.
    args.set("year", FluentValue::from(day.year().to_string()));
    CATALOG.format(locale.code(), "date-long", &args)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn dates_and_pages_read_naturally() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
        assert_eq!(date(Locale::En, day), "28 November 2026");
        assert_eq!(date(Locale::Es, day), "28 de noviembre de 2026");
        assert_eq!(date(Locale::Fr, day), "28 novembre 2026");
        let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        assert_eq!(date(Locale::Fr, first), "1er décembre 2026");
        assert_eq!(date(Locale::En, first), "1 December 2026");
        assert_eq!(page_of(Locale::Es, 3, 12), "página 3 de 12");
        assert_eq!(page_of(Locale::Fr, 3, 12), "page 3 sur 12");
        assert_eq!(value(Locale::Es, "critical"), "crítico");
        assert_eq!(value(Locale::Fr, "no_such_value"), "no such value");
    }

    #[test]
    fn arguments_are_placed() {
        let text = with(
            Locale::Fr,
            "stale_rate",
            &[
                ("currency", "PHP"),
                ("used", "1er mars 2026"),
                ("wanted", "2 mars 2026"),
            ],
        );
        assert_eq!(text, "PHP : taux du 1er mars 2026 utilisé pour le 2 mars 2026");
    }

    /// Every file parses and has every English message and no other, and every
    /// key the report's code asks for by name exists.
    #[test]
    fn every_used_key_exists_in_every_language() {
        let mut used = BTreeSet::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/report");
        for folder in [dir.to_string(), format!("{dir}/sections")] {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for marker in [
                    "t(locale, \"",
                    "t(data.locale, \"",
                    "with(locale, \"",
                    "value(locale, \"",
                ] {
                    for piece in text.split(marker).skip(1) {
                        let key = piece.split('"').next().unwrap_or_default();
                        used.insert(if marker.starts_with("value") {
                            format!("value-{key}")
                        } else {
                            key.to_string()
                        });
                    }
                }
            }
        }
        // Keys built from stored values.
        for month in 1..=12 {
            used.insert(format!("month-{month}"));
        }
        for sex in ["female", "male", "other", "unknown"] {
            used.insert(format!("sex_{sex}"));
        }
        for band in ["low", "medium", "high", "critical"] {
            used.insert(format!("inherent_level_{band}"));
        }
        for floor in [
            "high_inherent_risk",
            "ilo_indicators",
            "priority_finding",
            "zero_tolerance",
        ] {
            used.insert(format!("floor_{floor}"));
        }
        assert!(used.len() > 60, "the scan found the keys: {used:?}");
        // The glossary and the prevention steps are looked up by built keys: a
        // missing one would come back as its key.
        for locale in Locale::ALL {
            for (term, meaning) in crate::report::glossary(locale) {
                assert!(
                    !term.starts_with("glossary-") && !meaning.starts_with("glossary-"),
                    "{term}"
                );
            }
            for step in crate::report::prevention(locale) {
                assert!(!step.starts_with("prevention-"), "{step}");
            }
        }
        let used: Vec<&str> = used.iter().map(String::as_str).collect();
        let problems = CATALOG.audit(&used);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
