//! The portal's words, in this crate's Fluent files (`web/locales/{en,es,fr}/main.ftl`)
//! compiled into a `domain::i18n::Catalog`, and the choice of language through the
//! one negotiator: the user's setting, else the `fh_locale` cookie set by the
//! switcher, else `Accept-Language`, else English.

use std::{fmt::Display, sync::LazyLock};

use actix_web::HttpRequest;
use domain::{
    fee_audit::engine::RowError,
    i18n::{Catalog, FluentArgs, FluentValue},
    values::Locale,
};

/// The cookie that remembers the switcher's choice for visitors not signed in.
pub const LOCALE_COOKIE: &str = "fh_locale";

/// The Fluent sources, by language: this crate's own files only.
const SOURCES: [(&str, &str); 3] = [
    ("en", include_str!("../locales/en/main.ftl")),
    ("es", include_str!("../locales/es/main.ftl")),
    ("fr", include_str!("../locales/fr/main.ftl")),
];

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::new("portal", &SOURCES));

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
        CATALOG
            .message(self.locale.code(), key, args)
            .unwrap_or_else(|| key.to_string())
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
    locale_for(req, None)
}

/// The locale for a signed-in user: their setting first, then as [`locale`]
/// (the one negotiator, `domain::i18n`).
pub fn locale_for(req: &HttpRequest, setting: Option<&str>) -> Locale {
    let cookie = req.cookie(LOCALE_COOKIE);
    let accept_language = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::negotiate(&[setting, cookie.as_ref().map(|c| c.value())], accept_language)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every file parses and has every English message and no other; every key
    /// the templates and code ask for, and every CSV problem the domain can
    /// report (`domain::fee_audit::engine::PROBLEM_KEYS`), has a message.
    #[test]
    fn every_used_key_exists_in_every_language() {
        let used = used_keys(&["t.get(\"", "t.arg1(\"", "t.arg2(\""]);
        let mut wanted: Vec<&str> = used.iter().map(String::as_str).collect();
        wanted.extend(domain::fee_audit::engine::PROBLEM_KEYS);
        assert!(wanted.len() > 100, "the scan found the keys: {wanted:?}");
        let problems = CATALOG.audit(&wanted);
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// Every worker-voice key the portal's pages ask for exists in the domain's
    /// `voice.ftl` files.
    #[test]
    fn every_used_voice_key_exists() {
        let used = used_keys(&["w.get(\"", "w.arg1(\""]);
        let wanted: Vec<&str> = used.iter().map(String::as_str).collect();
        assert!(wanted.len() > 10, "the scan found the keys: {wanted:?}");
        let problems = domain::voice::i18n::catalog().audit(&wanted);
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// The literal keys after `markers` in this crate's templates and sources.
    fn used_keys(markers: &[&str]) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        for dir in ["templates", "templates/voice", "src", "src/pages"] {
            let path = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for marker in markers {
                    // A call such as `raw.get(...)` is not the voice words' `w.get(...)`: the marker must
                    // start a word.
                    for (at, _) in text.match_indices(marker) {
                        let starts_word = text[..at]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
                        if starts_word {
                            let rest = &text[at + marker.len()..];
                            found.insert(rest.split('"').next().unwrap_or_default().to_string());
                        }
                    }
                }
            }
        }
        found
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
