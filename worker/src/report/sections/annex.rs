//! The annex: answers given, method, glossary.

use domain::{reports::ReportData, values::Locale};

use crate::report::{
    canvas::{Canvas, Style},
    i18n::{t, with},
    table::Table,
};

/// The glossary's terms (`glossary-<key>`, meaning `glossary-<key>-meaning`).
const GLOSSARY: [&str; 4] = ["employer-pays", "months-of-wages", "red-flag", "zero-tolerance"];

/// The glossary's terms and meanings in `locale`.
pub fn glossary(locale: Locale) -> Vec<(String, String)> {
    GLOSSARY
        .iter()
        .map(|key| {
            let term = format!("glossary-{key}");
            let meaning = t(locale, &format!("{term}-meaning"));
            (t(locale, &term), meaning)
        })
        .collect()
}

/// The section.
pub fn draw(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "annex"));
    canvas.subsection(&t(locale, "answers"), 40.0);
    let mut table = Table::new(&[&t(locale, "question"), &t(locale, "answer")], &[3.0, 1.6]);
    for line in &data.answers {
        table.row(vec![
            format!("{} · {}", line.key, line.question),
            line.answer.clone(),
        ]);
    }
    table.draw(canvas);
    canvas.subsection(&t(locale, "method"), 40.0);
    let (key, version) = &data.questionnaire;
    let text = with(
        locale,
        "scope_text",
        &[
            ("questionnaire", &format!("{key} v{version}")),
            ("model", super::cover::scoring_model(data)),
        ],
    );
    canvas.paragraph(&text, Style::BODY);
    canvas.subsection(&t(locale, "glossary"), 40.0);
    for (term, meaning) in glossary(locale) {
        // A term stays on the page of (the start of) its meaning.
        canvas.ensure(Style::BODY.leading() * 3.0 + Style::BODY.size);
        canvas.kept_with_next(None, |canvas| canvas.paragraph(&term, Style::BODY.bold()));
        canvas.paragraph(&meaning, Style::BODY);
    }
}
