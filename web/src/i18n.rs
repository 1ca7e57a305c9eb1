//! The portal's words, in Fluent files (`web/locales/{en,es,fr}/main.ftl`) compiled
//! into the binary, and the choice of language: the user's setting, else the
//! `fh_locale` cookie set by the switcher, else `Accept-Language`, else English.

use std::{fmt::Display, sync::LazyLock};

use actix_web::HttpRequest;
use domain::{fee_audit::engine::RowError, values::Locale};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

/// The cookie that remembers the switcher's choice for visitors not signed in.
pub const LOCALE_COOKIE: &str = "fh_locale";

/// The Fluent sources, by locale.
pub const SOURCES: [(Locale, &str); 3] = [
    (Locale::En, include_str!("../locales/en/main.ftl")),
    (Locale::Es, include_str!("../locales/es/main.ftl")),
    (Locale::Fr, include_str!("../locales/fr/main.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn build(locale: Locale, source: &str) -> Bundle {
    let id = locale
        .code()
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks would show as stray characters in attributes and tests.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(?errors, locale = locale.code(), "duplicate keys in a Fluent file");
    }
    bundle
}

static BUNDLES: LazyLock<Vec<(Locale, Bundle)>> =
    LazyLock::new(|| SOURCES.iter().map(|(l, s)| (*l, build(*l, s))).collect());

fn bundle(locale: Locale) -> Option<&'static Bundle> {
    BUNDLES.iter().find(|(l, _)| *l == locale).map(|(_, b)| b)
}

/// Translates for one locale; cheap to copy into every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    /// The locale.
    pub locale: Locale,
}

impl Tr {
    /// For `locale`.
    pub fn new(locale: Locale) -> Self {
        Self { locale }
    }

    /// The `lang` attribute.
    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for locale in [self.locale, Locale::En] {
            let Some(bundle) = bundle(locale) else { continue };
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
    pub fn arg1(&self, key: &str, name: &str, value: impl Display) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), FluentValue::from(value.to_string()));
        self.format(key, Some(&args))
    }

    /// The message `key` with two arguments.
    pub fn arg2(&self, key: &str, n1: &str, v1: impl Display, n2: &str, v2: impl Display) -> String {
        let mut args = FluentArgs::new();
        args.set(n1.to_string(), FluentValue::from(v1.to_string()));
        args.set(n2.to_string(), FluentValue::from(v2.to_string()));
        self.format(key, Some(&args))
    }

    /// A country's name in this language (the code when unknown): pages show
    /// names, never codes.
    pub fn country(&self, code: &str) -> String {
        domain::reference::country_name(code, self.locale).map_or_else(|| code.to_string(), str::to_string)
    }

    /// A sector's name in this language (the key when unknown).
    pub fn sector(&self, key: &str) -> String {
        domain::reference::sector(key).map_or_else(|| key.to_string(), |s| s.name(self.locale).to_string())
    }

    /// The message `key` with any number of arguments.
    pub fn args(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(name.to_string(), FluentValue::from(value.clone()));
        }
        self.format(key, Some(&fluent))
    }

    /// A refused CSV row's problem in this language: its Fluent message (`csv-…`)
    /// with the domain's arguments plus `row` and `column`; the domain's English
    /// text when the problem has no key (or the key no message).
    pub fn row_problem(&self, error: &RowError) -> String {
        if error.code.is_empty() {
            return error.message.clone();
        }
        let mut args = FluentArgs::new();
        args.set("row", FluentValue::from(error.row.to_string()));
        args.set(
            "column",
            FluentValue::from(error.column.clone().unwrap_or_default()),
        );
        for (name, value) in &error.args {
            args.set(*name, FluentValue::from(value.clone()));
        }
        let text = self.format(error.code, Some(&args));
        if text == error.code {
            error.message.clone()
        } else {
            text
        }
    }

    /// A message whose key is `prefix` + a stored value (`status-`, `band-`…);
    /// the raw value when there is no such message.
    pub fn of(&self, prefix: &str, value: &str) -> String {
        let key = format!("{prefix}{value}");
        let text = self.get(&key);
        if text == key { value.to_string() } else { text }
    }
}

/// The locale for a request without a signed-in user: the switcher's cookie, else
/// `Accept-Language`.
pub fn locale(req: &HttpRequest) -> Locale {
    if let Some(chosen) = req.cookie(LOCALE_COOKIE).and_then(|c| Locale::parse(c.value())) {
        return chosen;
    }
    req.headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::negotiate)
        .unwrap_or_default()
}

/// The locale for a signed-in user: their setting first.
pub fn locale_for(req: &HttpRequest, setting: Option<&str>) -> Locale {
    setting.and_then(Locale::parse).unwrap_or_else(|| locale(req))
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
    fn every_key_exists_in_every_language() {
        let english = keys(SOURCES[0].1);
        assert!(english.len() > 50);
        for (locale, source) in &SOURCES[1..] {
            let other = keys(source);
            let missing: Vec<_> = english.difference(&other).collect();
            let extra: Vec<_> = other.difference(&english).collect();
            assert!(missing.is_empty(), "{locale}: missing {missing:?}");
            assert!(extra.is_empty(), "{locale}: not in English {extra:?}");
        }
    }

    #[test]
    fn every_file_parses() {
        for (locale, source) in SOURCES {
            assert!(
                FluentResource::try_new(source.to_string()).is_ok(),
                "{locale} does not parse"
            );
        }
    }

    /// Every key the templates and code ask for exists in English (and so, by
    /// the test above, everywhere).
    #[test]
    fn every_used_key_exists() {
        let english = keys(SOURCES[0].1);
        let mut missing = Vec::new();
        for dir in ["templates", "src", "src/pages"] {
            let path = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            let Ok(entries) = std::fs::read_dir(&path) else {
                continue;
            };
            for entry in entries.flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                for marker in ["t.get(\"", "t.arg1(\"", "t.arg2(\""] {
                    for piece in text.split(marker).skip(1) {
                        let key = piece.split('"').next().unwrap_or_default();
                        if !english.contains(key) {
                            missing.push(format!("{}: {key}", entry.path().display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys not in main.ftl: {missing:?}");
    }

    /// Every message key the fee-audit CSV readers give their problems
    /// (`"csv-…"` in `domain/src/fee_audit/engine`) has a message, so that no refused row
    /// falls back to English.
    #[test]
    fn every_csv_problem_has_a_message() {
        let english = keys(SOURCES[0].1);
        let dir = format!("{}/../domain/src/fee_audit/engine", env!("CARGO_MANIFEST_DIR"));
        let mut found = BTreeSet::new();
        // An unreadable directory finds no keys, which the count below refuses.
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for piece in text.split("\"csv-").skip(1) {
                let rest = piece.split('"').next().unwrap_or_default();
                found.insert(format!("csv-{rest}"));
            }
        }
        assert!(found.len() > 20, "the scan found the keys: {found:?}");
        let missing: Vec<_> = found.difference(&english).collect();
        assert!(missing.is_empty(), "csv problems without a message: {missing:?}");
    }

    #[test]
    fn a_row_problem_is_worded_with_its_arguments() {
        let error = RowError::new(
            4,
            "paid_on",
            domain::fee_audit::engine::Problem::new(
                "csv-not-date",
                vec![("value", "'31/12/2025'".into())],
                "'31/12/2025' is not a date (write it YYYY-MM-DD, e.g. 2026-01-15)",
            ),
        );
        assert_eq!(
            Tr::new(Locale::Fr).row_problem(&error),
            "'31/12/2025' n'est pas une date (écrivez-la AAAA-MM-JJ, par ex. 2026-01-15)"
        );
        assert_eq!(error.message, Tr::new(Locale::En).row_problem(&error));
        let unworded = RowError::file(2, "something new");
        assert_eq!(Tr::new(Locale::Es).row_problem(&unworded), "something new");
    }

    #[test]
    fn arguments_and_fallbacks() {
        let es = Tr::new(Locale::Es);
        assert_eq!(
            es.arg2("err-between", "min", 0, "max", 168),
            "Debe estar entre 0 y 168."
        );
        assert_eq!(es.of("status-", "no-such"), "no-such");
    }
}
