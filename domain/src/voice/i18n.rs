//! The worker-voice words: one Fluent file per language,
//! `domain/locales/<lang>/voice.ftl`, found and compiled in by `domain/build.rs`.
//! The public page, the poster, the urgent email and the referral list all read
//! them here, so a new language (Nepali, Bengali, Burmese, Indonesian, Tagalog…)
//! is one file. A message missing from a file falls back to English.

use std::sync::LazyLock;

use crate::i18n::{Catalog, FluentArgs, FluentValue};

mod sources {
    include!(concat!(env!("OUT_DIR"), "/voice_locales.rs"));
}

pub use sources::SOURCES;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::new("voice", SOURCES));

/// The worker-voice catalog (for the tests of crates that use its keys).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

/// Every language with a `voice.ftl`, English first.
pub fn codes() -> Vec<&'static str> {
    CATALOG.languages()
}

/// The language code `raw` names when it has a file (`es-MX` → `es`), else `None`.
pub fn supported(raw: &str) -> Option<&'static str> {
    CATALOG.supported(raw)
}

/// Words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoiceTr {
    /// The language code (one with a `voice.ftl`).
    pub code: &'static str,
}

impl VoiceTr {
    /// For `raw`, or English when it has no file.
    pub fn new(raw: &str) -> Self {
        Self {
            code: supported(raw).unwrap_or(crate::i18n::FALLBACK),
        }
    }

    /// For a worker: the page's `lang` choice when it has a file, else the
    /// `Accept-Language` header, else English (the one negotiator).
    pub fn negotiate(lang: Option<&str>, accept_language: Option<&str>) -> Self {
        Self {
            code: CATALOG.negotiate(&[lang], accept_language),
        }
    }

    /// The message `key`.
    pub fn get(&self, key: &str) -> String {
        CATALOG.text(self.code, key)
    }

    /// The message `key` with one argument.
    pub fn arg1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), FluentValue::from(value.to_string()));
        CATALOG.format(self.code, key, &args)
    }

    /// The language's own name (`language-name`).
    pub fn language_name(&self) -> String {
        self.get("language-name")
    }

    /// The writing direction for the `dir` attribute (`language-direction`,
    /// `ltr` unless a file says `rtl`).
    pub fn direction(&self) -> &'static str {
        if self.get("language-direction") == "rtl" {
            "rtl"
        } else {
            "ltr"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_spanish_french_ship_and_have_every_english_key() {
        assert_eq!(codes()[0], "en");
        for code in ["en", "es", "fr"] {
            assert!(codes().contains(&code), "{code}");
        }
        let categories: Vec<String> = super::super::Category::ALL
            .iter()
            .map(|category| format!("cat-{}", category.key()))
            .collect();
        let mut used: Vec<&str> = categories.iter().map(String::as_str).collect();
        used.extend(["language-name", "language-direction", "voice-title", "voice-site"]);
        let problems = CATALOG.audit(&used);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn languages_resolve_and_fall_back() {
        assert_eq!(supported("es-MX"), Some("es"));
        assert_eq!(supported("xx"), None);
        assert_eq!(
            VoiceTr::negotiate(None, Some("de, fr;q=0.8, es;q=0.9")).code,
            "es"
        );
        assert_eq!(VoiceTr::negotiate(Some("fr"), Some("es")).code, "fr");
        assert_eq!(VoiceTr::negotiate(Some("xx"), None).code, "en");
        assert_eq!(VoiceTr::new("zz").code, "en");
        assert_eq!(VoiceTr::new("es").language_name(), "Español");
    }
}
