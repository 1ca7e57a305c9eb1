//! Plausible answers to any questionnaire for a supplier "profile": 0 answers every
//! question at its lowest risk, 2 at its highest, 1 in between. Questions are
//! answered in order so `show_if` follow-ups appear exactly as they would for a
//! person filling the form.

use domain::questionnaire::{Definition, Question, QuestionType, visibility::Answers, visibility::is_asked};
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};
use uuid::Uuid;

/// How risky the answers are.
#[derive(Debug, Clone, Copy)]
pub enum Profile {
    /// Lowest risk everywhere.
    Exemplary,
    /// Middling, with some "we do not know".
    Uneven,
    /// Highest risk everywhere.
    Abusive,
}

fn pick_option(question: &Question, profile: Profile) -> Option<String> {
    let mut options: Vec<_> = question.options.as_deref().unwrap_or_default().iter().collect();
    if options.is_empty() {
        return (question.kind == QuestionType::YesNo).then(|| "no".to_string());
    }
    options.sort_by_key(|o| o.risk.unwrap_or_default());
    let index = match profile {
        Profile::Exemplary => 0,
        Profile::Uneven => options.len() / 2,
        Profile::Abusive => options.len() - 1,
    };
    options.get(index).map(|o| o.value.clone())
}

fn pick_number(question: &Question, profile: Profile) -> Value {
    let ranges = question.risk_ranges.as_deref().unwrap_or_default();
    let mut sorted: Vec<_> = ranges.iter().collect();
    sorted.sort_by_key(|r| r.risk);
    let chosen = match profile {
        Profile::Exemplary => sorted.first(),
        Profile::Uneven => sorted.get(sorted.len() / 2),
        Profile::Abusive => sorted.last(),
    };
    let low = question.min.and_then(|m| m.to_f64()).unwrap_or(0.0);
    let value = match chosen {
        Some(range) => match (
            range.min.and_then(|m| m.to_f64()),
            range.max.and_then(|m| m.to_f64()),
        ) {
            (Some(min), Some(max)) => (min + max) / 2.0,
            (Some(min), None) => min + 4.0,
            (None, Some(max)) => (max - 1.0).max(low),
            (None, None) => low,
        },
        None => low,
    };
    let capped = question
        .max
        .and_then(|m| m.to_f64())
        .map_or(value, |max| value.min(max));
    json!(capped.round())
}

/// Answers for every asked question; `evidence` answers file questions.
pub fn answer(definition: &Definition, profile: Profile, evidence: Option<Uuid>) -> Answers {
    let mut answers = Answers::new();
    for (_, question) in definition.questions() {
        if !is_asked(definition, question, &answers) {
            continue;
        }
        let value = match question.kind {
            QuestionType::YesNo | QuestionType::SingleChoice => {
                pick_option(question, profile).map(Value::String)
            }
            QuestionType::MultiChoice => pick_option(question, profile).map(|v| json!([v])),
            QuestionType::Number => Some(pick_number(question, profile)),
            QuestionType::Text => Some(json!("Recorded during the 2026 site visit.")),
            QuestionType::Date => Some(json!("2026-09-15")),
            QuestionType::File => evidence.map(|id| json!(id.to_string())),
        };
        if let Some(value) = value {
            answers.insert(question.key.clone(), value);
        }
    }
    answers
}
