//! Which questions are asked, given the answers so far (`show_if`). A hidden
//! question is neither required nor scored, and an answer sent for it is ignored
//! (questionnaire-format.md). A gate answered "We do not know" (an option marked
//! `unknown`) shows its follow-ups whatever its `show_if` names (scoring model 2):
//! not knowing must never hide the questions that would reveal a risk.

use std::collections::BTreeMap;

use serde_json::Value;

use super::definition::{Definition, Question};

/// Answers by question key.
pub type Answers = BTreeMap<String, Value>;

/// Whether `question` is asked: it has no `show_if`, or the question it depends on
/// is itself asked and answered with the value named (for a multi-choice answer,
/// when the value is among those chosen) or with an option marked `unknown`.
pub fn is_asked(definition: &Definition, question: &Question, answers: &Answers) -> bool {
    is_asked_at_depth(definition, question, answers, 0)
}

fn is_asked_at_depth(definition: &Definition, question: &Question, answers: &Answers, depth: usize) -> bool {
    let Some(condition) = &question.show_if else {
        return true;
    };
    // A valid definition only points backwards, so chains are short; the bound
    // guards against a cycle in an unvalidated definition.
    if depth > 64 {
        return false;
    }
    let Some(parent) = definition.question(&condition.question) else {
        return false;
    };
    if !is_asked_at_depth(definition, parent, answers, depth + 1) {
        return false;
    }
    match answers.get(&condition.question) {
        Some(Value::Array(chosen)) => {
            chosen.contains(&condition.equals) || chosen.iter().any(|v| is_unknown_option(parent, v))
        }
        Some(answer) => answer == &condition.equals || is_unknown_option(parent, answer),
        None => false,
    }
}

/// Whether `answer` is an option of `gate` marked `unknown`.
pub fn is_unknown_option(gate: &Question, answer: &Value) -> bool {
    let Some(chosen) = answer.as_str() else {
        return false;
    };
    gate.options
        .iter()
        .flatten()
        .any(|o| o.unknown && o.value == chosen)
}

/// The questions asked, in order.
pub fn asked<'a>(definition: &'a Definition, answers: &Answers) -> Vec<&'a Question> {
    definition
        .questions()
        .map(|(_, q)| q)
        .filter(|q| is_asked(definition, q, answers))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    fn definition() -> Definition {
        serde_json::from_value(json!({
            "key": "v", "version": 1, "title": {"en": "V"}, "default_locale": "en",
            "sections": [{"key": "s", "title": {"en": "S"}, "questions": [
                {"key": "gate", "type": "single_choice", "text": {"en": "Borrowed?"},
                 "options": [{"value": "no", "label": {"en": "No"}},
                             {"value": "yes", "label": {"en": "Yes"}},
                             {"value": "dk", "label": {"en": "We do not know"}, "unknown": true}]},
                {"key": "lenders", "type": "text", "text": {"en": "Who lent?"},
                 "show_if": {"question": "gate", "equals": "yes"}},
                {"key": "many", "type": "multi_choice", "text": {"en": "Which?"},
                 "options": [{"value": "a", "label": {"en": "A"}}, {"value": "dk", "label": {"en": "?"}, "unknown": true}]},
                {"key": "about_a", "type": "text", "text": {"en": "About A"},
                 "show_if": {"question": "many", "equals": "a"}}
            ]}]
        }))
        .unwrap()
    }

    fn asked_with(answers: serde_json::Value) -> Vec<String> {
        let answers: Answers = serde_json::from_value(answers).unwrap();
        asked(&definition(), &answers)
            .iter()
            .map(|q| q.key.clone())
            .collect()
    }

    #[test]
    fn a_gate_answered_unknown_shows_its_follow_ups() {
        assert_eq!(asked_with(json!({"gate": "no", "many": []})), ["gate", "many"]);
        assert_eq!(
            asked_with(json!({"gate": "yes", "many": []})),
            ["gate", "lenders", "many"]
        );
        assert_eq!(
            asked_with(json!({"gate": "dk", "many": []})),
            ["gate", "lenders", "many"]
        );
        assert_eq!(
            asked_with(json!({"gate": "no", "many": ["dk"]})),
            ["gate", "many", "about_a"],
            "an unknown among the chosen options of a multi choice"
        );
    }
}
