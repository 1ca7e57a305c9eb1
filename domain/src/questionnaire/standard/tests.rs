#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use super::{load_shipped_saqs, load_standard_saq, shipped_saqs, standard_saq};
use crate::{
    questionnaire::{LocalizedText, QuestionType, Severity, definition::Definition},
    reference::{self, IndicatorFamily},
};

#[test]
fn the_shipped_saq_is_valid() {
    assert_eq!(load_standard_saq().err(), None);
    assert_eq!(standard_saq().key, "ethical-recruitment-saq");
    assert_eq!(standard_saq().version, 2);
    assert_eq!(load_shipped_saqs().err(), None);
    let versions: Vec<i32> = shipped_saqs().iter().map(|d| d.version).collect();
    assert_eq!(versions, [1, 2]);
    assert!(shipped_saqs().iter().all(|d| d.key == "ethical-recruitment-saq"));
}

#[test]
fn it_has_at_least_thirty_questions() {
    assert!(standard_saq().questions().count() >= 30);
}

#[test]
fn every_indicator_is_covered() {
    let used: BTreeSet<&str> = standard_saq()
        .questions()
        .flat_map(|(_, q)| q.indicators.iter().map(String::as_str))
        .collect();
    for indicator in reference::indicators() {
        assert!(
            used.contains(indicator.key.as_str()),
            "{} is not asked about",
            indicator.key
        );
    }
    let ilo = reference::indicators()
        .iter()
        .filter(|i| i.family == IndicatorFamily::IloForcedLabour)
        .count();
    assert_eq!(ilo, 11);
}

fn texts(definition: &Definition) -> Vec<(String, &LocalizedText)> {
    let mut all = vec![("title".to_string(), &definition.title)];
    for (section, q) in definition.questions() {
        all.push((format!("{}.title", section.key), &section.title));
        all.push((format!("{}.text", q.key), &q.text));
        all.extend(q.help.iter().map(|h| (format!("{}.help", q.key), h)));
        for option in q.options.iter().flatten() {
            all.push((format!("{}.{}", q.key, option.value), &option.label));
        }
        for flag in q.red_flag.iter().flat_map(|f| f.as_vec()) {
            all.push((format!("{}.finding", q.key), &flag.finding));
        }
    }
    all
}

#[test]
fn every_text_is_complete_in_english_spanish_and_french() {
    for (path, text) in shipped_saqs().iter().flat_map(texts) {
        for locale in ["en", "es", "fr"] {
            assert!(
                text.0.get(locale).is_some_and(|t| !t.trim().is_empty()),
                "{path} lacks {locale}"
            );
        }
        assert_eq!(text.0.len(), 3, "{path} has an unexpected locale");
    }
}

#[test]
fn it_has_the_shapes_the_format_promises() {
    let saq = standard_saq();
    let questions: Vec<_> = saq.questions().map(|(_, q)| q).collect();
    assert!(
        questions
            .iter()
            .any(|q| q.kind == QuestionType::File && q.required)
    );
    assert!(
        questions
            .iter()
            .any(|q| q.kind == QuestionType::File && !q.required)
    );
    assert!(
        questions
            .iter()
            .any(|q| q.kind == QuestionType::Number && q.risk_ranges.is_some())
    );
    assert!(questions.iter().filter(|q| q.show_if.is_some()).count() >= 3);
    let flags: Vec<_> = questions
        .iter()
        .flat_map(|q| q.red_flag.iter().flat_map(|f| f.as_vec()))
        .collect();
    assert!(
        flags
            .iter()
            .any(|f| f.zero_tolerance && f.severity == Severity::Priority)
    );
    let hours = saq.question("hours.max_weekly").unwrap();
    assert_eq!(hours.red_flag.as_ref().unwrap().as_vec().len(), 2);
    let lender = saq.question("fees.lenders").unwrap();
    assert_eq!(
        saq.question("fees.months_of_wages")
            .unwrap()
            .show_if
            .as_ref()
            .unwrap()
            .question,
        "fees.workers_paid_any"
    );
    assert_eq!(lender.show_if.as_ref().unwrap().question, "fees.workers_borrowed");
    let access = saq.question("docs.access").unwrap();
    assert_eq!(access.show_if.as_ref().unwrap().question, "docs.held");
}

mod version_2;
