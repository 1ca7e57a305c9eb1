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

    /// Parses `en`, `es` or `fr` (also `es-MX`, `fr_CA`: the region is ignored).
    pub fn parse(raw: &str) -> Option<Self> {
        let language = raw.trim().get(..2)?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Self::En),
            "es" => Some(Self::Es),
            "fr" => Some(Self::Fr),
            _ => None,
        }
    }

    /// The best match for an `Accept-Language` header, in the client's order of
    /// preference; English when nothing matches.
    pub fn negotiate(accept_language: &str) -> Self {
        let mut ranked: Vec<(f32, Locale)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Locale::parse(tag).map(|locale| (quality, locale))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, l)| *l).unwrap_or_default()
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
    fn negotiates_by_quality() {
        assert_eq!(Locale::negotiate("de-DE,fr;q=0.8,es;q=0.9"), Locale::Es);
        assert_eq!(Locale::negotiate("fr-CA"), Locale::Fr);
        assert_eq!(Locale::negotiate("de"), Locale::En);
        assert_eq!(Locale::negotiate(""), Locale::En);
    }
}
