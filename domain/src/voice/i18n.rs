//! The worker-voice words: one Fluent file per language,
//! `web/locales/<lang>/voice.ftl`, found and compiled in by `domain/build.rs`.
//! The public page, the poster and the referral list all read them here, so a
//! new language (Nepali, Bengali, Burmese, Indonesian, Tagalog…) is one file.
//! A message missing from a file falls back to English.

use std::sync::LazyLock;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

mod sources {
    include!(concat!(env!("OUT_DIR"), "/voice_locales.rs"));
}

pub use sources::SOURCES;

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(&'static str, Bundle)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(code, source)| {
            let id = code
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            let resource =
                FluentResource::try_new((*source).to_string()).unwrap_or_else(|(partial, _)| partial);
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(?errors, locale = code, "duplicate keys in a voice.ftl");
            }
            (*code, bundle)
        })
        .collect()
});

/// Every language with a `voice.ftl`, English first.
pub fn codes() -> Vec<&'static str> {
    SOURCES.iter().map(|(code, _)| *code).collect()
}

/// The language code `raw` names when it has a file (`es-MX` → `es`), else `None`.
pub fn supported(raw: &str) -> Option<&'static str> {
    let raw = raw.trim().to_ascii_lowercase().replace('_', "-");
    let base = raw.split('-').next().unwrap_or_default().to_string();
    SOURCES
        .iter()
        .map(|(code, _)| *code)
        .find(|code| *code == raw)
        .or_else(|| SOURCES.iter().map(|(code, _)| *code).find(|code| *code == base))
}

/// The best supported language of an `Accept-Language` header, else English.
pub fn negotiate(accept_language: &str) -> &'static str {
    let mut ranked: Vec<(f32, &'static str)> = accept_language
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            supported(tag).map(|code| (quality, code))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.first().map_or("en", |(_, code)| *code)
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
            code: supported(raw).unwrap_or("en"),
        }
    }

    /// For one visit: the language asked for by name (`?lang=`, the form's
    /// choice) when it has a file, else the best of the visitor's
    /// `Accept-Language`, else English. Both doors of worker voice choose here.
    pub fn for_visit(lang: Option<&str>, accept_language: Option<&str>) -> Self {
        match lang.and_then(supported) {
            Some(code) => Self { code },
            None => Self::new(accept_language.map_or("en", negotiate)),
        }
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for code in [self.code, "en"] {
            let Some((_, bundle)) = BUNDLES.iter().find(|(c, _)| *c == code) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        key.to_string()
    }

    /// The message `key`.
    pub fn get(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with one argument.
    pub fn arg1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
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
    use std::collections::BTreeSet;

    use super::*;

    fn keys(source: &str) -> BTreeSet<String> {
        source
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    #[test]
    fn english_spanish_french_ship_and_have_every_english_key() {
        assert_eq!(codes()[0], "en");
        for code in ["en", "es", "fr"] {
            assert!(codes().contains(&code), "{code}");
        }
        let english = keys(SOURCES[0].1);
        assert!(english.len() > 30);
        for (code, source) in SOURCES {
            assert!(
                FluentResource::try_new((*source).to_string()).is_ok(),
                "{code} does not parse"
            );
            let theirs = keys(source);
            let missing: Vec<_> = english.difference(&theirs).collect();
            assert!(missing.is_empty(), "{code} misses {missing:?}");
        }
        for category in super::super::Category::ALL {
            assert!(english.contains(&format!("cat-{}", category.key())));
        }
    }

    #[test]
    fn languages_resolve_and_fall_back() {
        assert_eq!(supported("es-MX"), Some("es"));
        assert_eq!(supported("xx"), None);
        assert_eq!(negotiate("de, fr;q=0.8, es;q=0.9"), "es");
        assert_eq!(VoiceTr::new("zz").code, "en");
        assert_eq!(VoiceTr::new("es").language_name(), "Español");
    }
}
