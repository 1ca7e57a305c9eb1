use std::fmt;

/// A language the platform speaks. Everything user-facing exists in all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English (the fallback).
    #[default]
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
}

impl Locale {
    /// Every supported locale.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::Fr];

    /// The codes of [`Locale::ALL`], for the negotiator.
    pub const CODES: [&'static str; 3] = ["en", "es", "fr"];

    /// Parses `en`, `es` or `fr` (also `es-MX`, `fr_CA`: the region is ignored).
    pub fn parse(raw: &str) -> Option<Self> {
        crate::i18n::matching(raw, &Self::CODES).and_then(Self::from_code)
    }

    /// The best locale for a reader (explicit choices strongest first, e.g. the
    /// user's setting then the switcher's cookie; then `Accept-Language`), through
    /// the one negotiator, [`crate::i18n::negotiate`]; English when nothing matches.
    pub fn negotiate(chosen: &[Option<&str>], accept_language: Option<&str>) -> Self {
        Self::from_code(crate::i18n::negotiate(chosen, accept_language, &Self::CODES)).unwrap_or_default()
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|locale| locale.code() == code)
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::Fr => "fr",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn negotiates_by_choice_then_quality() {
        assert_eq!(
            Locale::negotiate(&[], Some("de-DE,fr;q=0.8,es;q=0.9")),
            Locale::Es
        );
        assert_eq!(Locale::negotiate(&[], Some("fr-CA")), Locale::Fr);
        assert_eq!(Locale::negotiate(&[], Some("de")), Locale::En);
        assert_eq!(Locale::negotiate(&[], None), Locale::En);
        assert_eq!(Locale::negotiate(&[None, Some("es")], Some("fr")), Locale::Es);
        assert_eq!(Locale::parse("fr_CA"), Some(Locale::Fr));
        assert_eq!(Locale::parse("de"), None);
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.code()), Some(locale));
        }
    }
}
