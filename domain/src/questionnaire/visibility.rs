//! Which questions are asked, given the answers so far (`show_if`). A hidden
//! question is neither required nor scored, and an answer sent for it is ignored
//! (questionnaire-format.md).

use std::collections::BTreeMap;

use serde_json::Value;

use super::definition::{Definition, Question};

/// Answers by question key.
pub type Answers = BTreeMap<String, Value>;

/// Whether `question` is asked: it has no `show_if`, or the question it depends on
/// is itself asked and answered with the value named (for a multi-choice answer,
/// when the value is among those chosen).
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
        Some(Value::Array(chosen)) => chosen.contains(&condition.equals),
        Some(answer) => answer == &condition.equals,
        None => false,
    }
}

/// The questions asked, in order.
pub fn asked<'a>(definition: &'a Definition, answers: &Answers) -> Vec<&'a Question> {
    definition
        .questions()
        .map(|(_, q)| q)
        .filter(|q| is_asked(definition, q, answers))
        .collect()
}
