//! Issue #20: a worker-voice poster prints in every language the voice catalogue
//! offers, in the language's own script. The PDF's text is read back (lopdf,
//! honouring `/ActualText`) and must hold the catalogue's poster title and letters
//! of the script; every font must be embedded and subset. Run on SQLite and on
//! PostgreSQL.

use domain::voice::i18n::{VoiceTr, codes};
use serde_json::{Value, json};
use worker::report::{extract, fonts::FACES};

use crate::{helpers::spawn_app, voice::voice_world};

/// The script each voice language is written in, as Unicode block ranges
/// (Unicode Character Database, `Blocks.txt`:
/// <https://www.unicode.org/Public/UCD/latest/ucd/Blocks.txt>). Latin is Basic
/// Latin letters, Latin-1 Supplement, Latin Extended-A/B and Latin Extended
/// Additional (Vietnamese).
const SCRIPTS: [(&str, &[(char, char)]); 15] = [
    ("en", LATIN),
    ("es", LATIN),
    ("fr", LATIN),
    ("id", LATIN),
    ("tl", LATIN),
    ("vi", LATIN),
    ("ne", &[('\u{0900}', '\u{097F}')]),
    ("hi", &[('\u{0900}', '\u{097F}')]),
    ("bn", &[('\u{0980}', '\u{09FF}')]),
    ("my", &[('\u{1000}', '\u{109F}')]),
    ("km", &[('\u{1780}', '\u{17FF}')]),
    ("si", &[('\u{0D80}', '\u{0DFF}')]),
    ("am", &[('\u{1200}', '\u{137F}')]),
    ("ar", &[('\u{0600}', '\u{06FF}')]),
    ("ur", &[('\u{0600}', '\u{06FF}')]),
];

const LATIN: &[(char, char)] = &[
    ('A', 'Z'),
    ('a', 'z'),
    ('\u{00C0}', '\u{024F}'),
    ('\u{1E00}', '\u{1EFF}'),
];

fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn voice_a_poster_prints_every_catalogue_language_in_its_script_with_subset_fonts() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let id = world.channel["id"].as_str().unwrap();
    let languages = codes();
    for code in &languages {
        assert!(
            SCRIPTS.iter().any(|(c, _)| c == code),
            "{code} has a voice.ftl but no script in this test's table"
        );
    }
    let response = app
        .post_json(
            &format!("/voice/channels/{id}/posters"),
            Some(&world.company.token),
            &json!({ "locales": languages }),
        )
        .await;
    assert_eq!(response.status(), 202);
    let poster: Value = response.json().await.unwrap();
    let pid = poster["id"].as_str().unwrap();
    app.run_jobs().await;
    let response = app
        .get_api(&format!("/voice/posters/{pid}/pdf"), Some(&world.company.token))
        .await;
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    let pages = extract::page_texts(&bytes).unwrap();
    assert_eq!(pages.len(), languages.len(), "one page per language");
    for (code, page) in languages.iter().zip(&pages) {
        let page = normalised(page);
        let title = normalised(&VoiceTr::new(code).get("poster-title"));
        assert!(
            page.contains(&title),
            "{code}: the title {title:?} is not in {page:?}"
        );
        let ranges = SCRIPTS.iter().find(|(c, _)| c == code).unwrap().1;
        let letters = page
            .chars()
            .filter(|ch| ranges.iter().any(|(lo, hi)| (lo..=hi).contains(&ch)))
            .count();
        assert!(
            letters >= 20,
            "{code}: only {letters} letters of its script in {page:?}"
        );
        assert!(
            !page.contains('\u{FFFD}'),
            "{code}: a glyph without text in {page:?}"
        );
        assert!(page.contains("Penang Assembly Sdn Bhd"), "{code}: {page}");
    }
    let fonts = extract::embedded_fonts(&bytes).unwrap();
    assert!(!fonts.is_empty());
    for font in &fonts {
        let (tag, name) = font
            .base_font
            .split_once('+')
            .unwrap_or_else(|| panic!("{font:?} has no subset tag"));
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{font:?}"
        );
        let source = FACES
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{font:?} is not one of the embedded faces"));
        let program = font.program.unwrap_or_else(|| panic!("{font:?} is not embedded"));
        assert!(
            program < source.bytes.len() / 4,
            "{font:?}: {program} bytes against the source's {}",
            source.bytes.len()
        );
    }
}
