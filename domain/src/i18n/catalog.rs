//! A [`Catalog`]: one crate's Fluent files, one per language, with English as the
//! fallback for a message a language lacks.

use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};
use fluent_syntax::ast::Entry;
use unic_langid::LanguageIdentifier;

use super::negotiate::{FALLBACK, matching, negotiate};

type Bundle = FluentBundle<FluentResource>;

/// One language's file, compiled.
struct Language {
    code: &'static str,
    bundle: Bundle,
    /// The message ids the file defines, in file order.
    keys: Vec<String>,
    /// Why the file is broken (parse errors, duplicate ids); empty when sound.
    problems: Vec<String>,
}

/// One crate's words: a Fluent file per language, built once (in a `LazyLock`)
/// from `(language code, source)` pairs the owning crate `include_str!`s.
pub struct Catalog {
    name: &'static str,
    languages: Vec<Language>,
}

impl Catalog {
    /// Compiles `sources`. A file that does not parse keeps the messages that do
    /// (the others fall back to English) and is logged as an error, so a typo in
    /// one translation never takes a page down.
    pub fn new(name: &'static str, sources: &[(&'static str, &'static str)]) -> Self {
        let languages = sources
            .iter()
            .map(|(code, source)| compile(name, code, source))
            .collect();
        Self { name, languages }
    }

    /// The language codes, in the order the owning crate gave them.
    pub fn languages(&self) -> Vec<&'static str> {
        self.languages.iter().map(|l| l.code).collect()
    }

    /// The language `raw` names when this catalog has it (`es-MX` → `es`).
    pub fn supported(&self, raw: &str) -> Option<&'static str> {
        matching(raw, &self.languages())
    }

    /// The best language of this catalog for a reader (see [`negotiate`]).
    pub fn negotiate(&self, chosen: &[Option<&str>], accept_language: Option<&str>) -> &'static str {
        negotiate(chosen, accept_language, &self.languages())
    }

    /// The message `key` in `language`, else in English; `None` when neither has it.
    pub fn message(&self, language: &str, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        [language, FALLBACK].into_iter().find_map(|code| {
            let bundle = &self.languages.iter().find(|l| l.code == code)?.bundle;
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
            if !errors.is_empty() {
                // Names of messages and arguments only: never the arguments' values.
                tracing::error!(
                    catalog = self.name,
                    language = code,
                    key,
                    ?errors,
                    "a Fluent message did not format"
                );
            }
            Some(text)
        })
    }

    /// The message `key` in `language` without arguments; the key itself when no
    /// file has it (which each crate's tests forbid).
    pub fn text(&self, language: &str, key: &str) -> String {
        self.message(language, key, None)
            .unwrap_or_else(|| key.to_string())
    }

    /// The message `key` with arguments; the key itself when no file has it.
    pub fn format(&self, language: &str, key: &str, args: &FluentArgs<'_>) -> String {
        self.message(language, key, Some(args))
            .unwrap_or_else(|| key.to_string())
    }

    /// Whether `language`'s own file defines `key` (no fallback).
    pub fn has(&self, language: &str, key: &str) -> bool {
        self.languages
            .iter()
            .any(|l| l.code == language && l.keys.iter().any(|k| k == key))
    }

    /// Everything wrong with the files, for the owning crate's tests: a file that
    /// does not parse, English missing, a language lacking one of English's
    /// messages or defining one English lacks, and every key of `used` (the keys
    /// the crate's code asks for) that English lacks. Empty when all is well.
    pub fn audit(&self, used: &[&str]) -> Vec<String> {
        let mut found = Vec::new();
        let Some(english) = self.languages.iter().find(|l| l.code == FALLBACK) else {
            return vec![format!("{}: no English file", self.name)];
        };
        for language in &self.languages {
            found.extend(
                language
                    .problems
                    .iter()
                    .map(|p| format!("{}/{}: {p}", self.name, language.code)),
            );
            for key in &english.keys {
                if !language.keys.contains(key) {
                    found.push(format!("{}/{}: missing {key}", self.name, language.code));
                }
            }
            for key in &language.keys {
                if !english.keys.contains(key) {
                    found.push(format!(
                        "{}/{}: {key} is not in English",
                        self.name, language.code
                    ));
                }
            }
        }
        for key in used {
            if !english.keys.iter().any(|k| k == key) {
                found.push(format!(
                    "{}: the code uses {key}, which no file defines",
                    self.name
                ));
            }
        }
        found
    }
}

fn compile(name: &'static str, code: &'static str, source: &'static str) -> Language {
    let id = code.parse::<LanguageIdentifier>().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as stray characters in attributes,
    // PDFs, subjects and tests.
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, errors)| {
        problems.extend(errors.iter().map(|e| format!("does not parse: {e:?}")));
        partial
    });
    let keys = resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect();
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(|e| format!("{e:?}")));
    }
    if !problems.is_empty() {
        tracing::error!(
            catalog = name,
            language = code,
            ?problems,
            "a Fluent file is broken"
        );
    }
    Language {
        code,
        bundle,
        keys,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_missing_from_a_language_falls_back_to_english() {
        let catalog = Catalog::new(
            "test",
            &[("en", "hello = Hello\nbye = Bye\n"), ("fr", "hello = Bonjour\n")],
        );
        assert_eq!(catalog.text("fr", "hello"), "Bonjour");
        assert_eq!(catalog.text("fr", "bye"), "Bye");
        assert_eq!(catalog.text("fr", "nothing"), "nothing");
        assert_eq!(
            catalog.audit(&["hello"]),
            vec!["test/fr: missing bye".to_string()]
        );
    }

    #[test]
    fn a_broken_file_keeps_its_sound_messages_and_is_reported() {
        let catalog = Catalog::new(
            "test",
            &[
                ("en", "hello = Hello\nbye = Bye\n"),
                ("es", "hello = Hola\nbye = { $\n"),
            ],
        );
        assert_eq!(catalog.text("es", "hello"), "Hola");
        assert_eq!(catalog.text("es", "bye"), "Bye");
        assert!(catalog.audit(&[]).iter().any(|p| p.contains("does not parse")));
    }
}
