//! The one language negotiator: explicit choices first (a `?lang=`, the user's
//! setting, the switcher's cookie), then the `Accept-Language` header, then English.
//! Matching (`fr-CA` → `fr`) is `fluent-langneg`'s; only the header's `q` weights
//! are read here, because `fluent_langneg::parse_accepted_languages` keeps the
//! header's order and ignores them.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// The language every catalog has in full and falls back to.
pub const FALLBACK: &str = "en";

/// The best of `available` (language codes such as `en`, `es`) for a reader.
/// `chosen` are explicit choices, strongest first; the first that names an
/// available language wins. Else the `Accept-Language` header decides, in the
/// reader's order of preference. Else English (or the first available).
pub fn negotiate<'l>(
    chosen: &[Option<&str>],
    accept_language: Option<&str>,
    available: &[&'l str],
) -> &'l str {
    let offered = offers(available);
    if let Some(code) = chosen
        .iter()
        .flatten()
        .find_map(|choice| best(&tags(&[choice]), &offered))
    {
        return code;
    }
    let ranked = accept_language.map(ranked).unwrap_or_default();
    best(&ranked, &offered)
        .or_else(|| available.iter().copied().find(|code| *code == FALLBACK))
        .or_else(|| available.first().copied())
        .unwrap_or(FALLBACK)
}

/// The language of `available` that the tag `raw` names (`es-MX` → `es`), if any.
pub fn matching<'l>(raw: &str, available: &[&'l str]) -> Option<&'l str> {
    best(&tags(&[raw]), &offers(available))
}

fn offers<'l>(available: &[&'l str]) -> Vec<(LanguageIdentifier, &'l str)> {
    available
        .iter()
        .filter_map(|code| code.parse().ok().map(|id| (id, *code)))
        .collect()
}

/// The first of `requested` that one of `offered` serves (`fluent-langneg`'s lookup).
fn best<'l>(requested: &[LanguageIdentifier], offered: &[(LanguageIdentifier, &'l str)]) -> Option<&'l str> {
    let ids: Vec<&LanguageIdentifier> = offered.iter().map(|(id, _)| id).collect();
    let found = negotiate_languages(requested, &ids, None, NegotiationStrategy::Lookup);
    let id = found.first()?;
    offered.iter().find(|(o, _)| o == **id).map(|(_, code)| *code)
}

/// Language tags that parse (`es_MX` is read as `es-MX`); others are ignored.
/// Filipino (`fil`) is read as Tagalog (`tl`): Filipino is the standardised form
/// of Tagalog, phones in the Philippines send `fil-PH`, and the worker-voice file
/// is `tl` (its header says so).
fn tags(raw: &[&str]) -> Vec<LanguageIdentifier> {
    raw.iter()
        .filter(|tag| !tag.trim().is_empty())
        .filter_map(|tag| tag.trim().replace('_', "-").parse().ok())
        .map(|mut id: LanguageIdentifier| {
            if id.language.as_str() == "fil"
                && let Ok(tagalog) = "tl".parse()
            {
                id.language = tagalog;
            }
            id
        })
        .collect()
}

/// The header's tags, most wanted first (a stable sort by `q`, so equal weights
/// keep the header's order); `q=0` means "not this one" (RFC 9110, 12.5.4) and `*`
/// names no language, so both are dropped.
fn ranked(header: &str) -> Vec<LanguageIdentifier> {
    let mut weighted: Vec<(f32, &str)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (quality > 0.0 && tag != "*").then_some((quality, tag))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0));
    tags(&weighted.iter().map(|(_, tag)| *tag).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: [&str; 3] = ["en", "es", "fr"];

    fn header(value: &str) -> &'static str {
        negotiate(&[], Some(value), &OURS)
    }

    #[test]
    fn ordinary_headers() {
        assert_eq!(header("fr-CA,fr;q=0.9,en;q=0.8"), "fr");
        assert_eq!(header("de-DE,fr;q=0.8,es;q=0.9"), "es");
        assert_eq!(header("es-MX"), "es");
        assert_eq!(header("en-GB,en;q=0.9"), "en");
        assert_eq!(header("de, fr;q=0.8, es;q=0.9"), "es");
    }

    #[test]
    fn wildcards_refusals_and_garbage_fall_back_to_english() {
        assert_eq!(header("*"), "en");
        assert_eq!(header("de"), "en");
        assert_eq!(header(""), "en");
        assert_eq!(header("fr;q=0, es;q=0"), "en");
        assert_eq!(header("!!!, ;;;, fr;q=banana"), "en");
        assert_eq!(header("\u{0}\u{7f}ü,,,"), "en");
    }

    #[test]
    fn an_explicit_choice_beats_the_header_when_available() {
        assert_eq!(negotiate(&[Some("es")], Some("fr"), &OURS), "es");
        assert_eq!(negotiate(&[None, Some("fr_CA")], Some("es"), &OURS), "fr");
        assert_eq!(
            negotiate(&[Some("de"), Some("garbage!")], Some("es"), &OURS),
            "es"
        );
        assert_eq!(negotiate(&[Some("ne")], None, &["en", "ne"]), "ne");
    }

    #[test]
    fn a_tag_matches_only_a_language_we_have() {
        assert_eq!(matching("es-MX", &OURS), Some("es"));
        assert_eq!(matching("EN_gb", &OURS), Some("en"));
        assert_eq!(matching("de", &OURS), None);
        assert_eq!(matching("", &OURS), None);
    }

    #[test]
    fn filipino_is_served_the_tagalog_file() {
        let ours = ["en", "tl"];
        assert_eq!(negotiate(&[], Some("fil-PH, en;q=0.5"), &ours), "tl");
        assert_eq!(negotiate(&[Some("fil")], None, &ours), "tl");
        assert_eq!(matching("fil_PH", &ours), Some("tl"));
        assert_eq!(matching("fil", &OURS), None);
    }

    #[test]
    fn without_english_the_first_available_is_the_fallback() {
        assert_eq!(negotiate(&[], Some("de"), &["fr", "es"]), "fr");
        assert_eq!(negotiate(&[], None, &[]), "en");
    }
}
