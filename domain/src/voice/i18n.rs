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

    /// How this language's file was made and whether a native speaker reviewed
    /// it, from the file's own `translation-method` and `translation-reviewed`
    /// messages (never from a list in code), so admins see it when they choose
    /// a channel's languages.
    pub fn translation(&self) -> Translation {
        let own = |key: &str| {
            if CATALOG.has(self.code, key) {
                self.get(key)
            } else {
                String::new()
            }
        };
        Translation {
            method: Method::parse(&own("translation-method")),
            reviewed: Review::parse(&own("translation-reviewed")),
        }
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

/// How a language file was made and reviewed, as the file itself declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Translation {
    /// How the words were produced.
    pub method: Method,
    /// Whether a native speaker checked them.
    pub reviewed: Review,
}

/// How a language file's words were produced (`translation-method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The source text itself (English).
    Source,
    /// Translated by a person.
    Human,
    /// Drafted by people with machine help.
    MachineAssisted,
    /// Drafted by a machine (an AI language model).
    Machine,
    /// The file does not say (or says something this code does not know).
    Unknown,
}

impl Method {
    fn parse(raw: &str) -> Self {
        match raw.trim() {
            "source" => Self::Source,
            "human" => Self::Human,
            "machine-assisted" => Self::MachineAssisted,
            "machine" => Self::Machine,
            _ => Self::Unknown,
        }
    }

    /// The value as written in the file and shown by the API.
    pub fn key(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Human => "human",
            Self::MachineAssisted => "machine-assisted",
            Self::Machine => "machine",
            Self::Unknown => "unknown",
        }
    }
}

/// Whether a native speaker reviewed a language file (`translation-reviewed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// Reviewed by a native speaker.
    Yes,
    /// Not reviewed.
    No,
    /// Nobody knows (or the file does not say).
    Unknown,
}

impl Review {
    fn parse(raw: &str) -> Self {
        match raw.trim() {
            "yes" => Self::Yes,
            "no" => Self::No,
            _ => Self::Unknown,
        }
    }

    /// The value as written in the file and shown by the API.
    pub fn key(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fifteen languages of issue #20: English, Spanish, French and the
    /// twelve corridor languages.
    const SHIPPED: [&str; 15] = [
        "en", "es", "fr", "ne", "bn", "my", "id", "tl", "hi", "ur", "ar", "vi", "km", "si", "am",
    ];

    #[test]
    fn every_shipped_language_has_every_english_key() {
        assert_eq!(codes()[0], "en");
        for code in SHIPPED {
            assert!(codes().contains(&code), "{code}");
        }
        let categories: Vec<String> = super::super::Category::ALL
            .iter()
            .map(|category| format!("cat-{}", category.key()))
            .collect();
        let mut used: Vec<&str> = categories.iter().map(String::as_str).collect();
        used.extend([
            "language-name",
            "language-direction",
            "translation-method",
            "translation-reviewed",
            "voice-title",
            "voice-site",
        ]);
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
        assert_eq!(VoiceTr::negotiate(None, Some("fil-PH")).code, "tl");
    }

    #[test]
    fn arabic_and_urdu_are_right_to_left_and_the_others_left_to_right() {
        for code in SHIPPED {
            let expected = if matches!(code, "ar" | "ur") { "rtl" } else { "ltr" };
            assert_eq!(VoiceTr::new(code).direction(), expected, "{code}");
        }
    }

    #[test]
    fn each_file_declares_how_it_was_made() {
        let english = VoiceTr::new("en").translation();
        assert_eq!(english.method, Method::Source);
        for code in ["es", "fr"] {
            assert_eq!(
                VoiceTr::new(code).translation().method,
                Method::MachineAssisted,
                "{code}"
            );
        }
        for code in &SHIPPED[3..] {
            let status = VoiceTr::new(code).translation();
            assert_eq!(status.method, Method::Machine, "{code}");
            assert_eq!(status.reviewed, Review::No, "{code}");
        }
    }
}
