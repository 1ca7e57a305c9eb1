//! The statements' words: one Fluent file per language (`locales/<code>.ftl`,
//! English the source; Spanish and French machine-drafted, not reviewed).

use std::sync::LazyLock;

use crate::i18n::{Catalog, FluentArgs, FluentValue};

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::new(
        "statements",
        &[
            ("en", include_str!("locales/en.ftl")),
            ("es", include_str!("locales/es.ftl")),
            ("fr", include_str!("locales/fr.ftl")),
        ],
    )
});

/// The message `key` in `locale`.
pub fn text(locale: &str, key: &str) -> String {
    CATALOG.text(locale, key)
}

/// The message `key` in `locale` with one argument.
pub fn with(locale: &str, key: &str, name: &'static str, value: &str) -> String {
    let mut args = FluentArgs::new();
    args.set(name, FluentValue::from(value.to_string()));
    CATALOG.format(locale, key, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_agree() {
        let problems = CATALOG.audit(&["draft", "draft-none", "draft-questionnaire", "fig-company"]);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
