//! Checking answers against their questions (questionnaire-format.md, "Question
//! types and the answer value each takes"), merging a draft into the stored answers,
//! and listing what is still required before an assessment can be submitted.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::{
    definition::{Definition, Question, QuestionType},
    visibility::{self, Answers},
};
use crate::{error::FieldError, values::MultilineText};

/// The longest free-text answer, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Checks one answer against its question and returns it normalised (trimmed text,
/// lower-case yes/no, multi-choice values in the order of the options, a file id in
/// canonical form), or a plain-language message saying what is wrong.
/// `evidence_exists` says whether a file id belongs to this assessment.
pub fn check_answer(
    question: &Question,
    value: &Value,
    evidence_exists: &dyn Fn(Uuid) -> bool,
) -> Result<Value, String> {
    match question.kind {
        QuestionType::YesNo => {
            let answer = value.as_str().map(|s| s.trim().to_ascii_lowercase());
            match answer.as_deref() {
                Some(v @ ("yes" | "no")) => Ok(Value::from(v)),
                _ => Err("the answer must be \"yes\" or \"no\"".into()),
            }
        }
        QuestionType::SingleChoice => {
            let chosen = value.as_str().ok_or_else(|| choose_one(question))?;
            option_value(question, chosen)
                .map(Value::from)
                .ok_or_else(|| choose_one(question))
        }
        QuestionType::MultiChoice => check_multi_choice(question, value),
        QuestionType::Number => check_number(question, value),
        QuestionType::Text => {
            let text = value.as_str().ok_or("the answer must be text")?.trim();
            if text.is_empty() {
                Err("the answer is empty; send null to remove an answer".into())
            } else if text.chars().count() > MAX_TEXT_CHARS {
                Err(format!("the answer is longer than {MAX_TEXT_CHARS} characters"))
            } else {
                // A free-text answer may span lines (a supplier explains); any
                // other control character is refused (MultilineText).
                MultilineText::parse(text, MAX_TEXT_CHARS)
                    .map(|text| Value::from(text.into_inner()))
                    .map_err(|message| format!("the answer {message}"))
            }
        }
        QuestionType::Date => {
            let raw = value.as_str().map(str::trim).unwrap_or_default();
            // chrono accepts unpadded months and days; the format asks for exactly YYYY-MM-DD.
            let date = (raw.len() == 10)
                .then(|| chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok())
                .flatten();
            date.map(|d| Value::from(d.format("%Y-%m-%d").to_string()))
                .ok_or_else(|| "the answer must be a date written YYYY-MM-DD, e.g. 2025-03-31".into())
        }
        QuestionType::File => {
            let id = value.as_str().and_then(|s| Uuid::parse_str(s.trim()).ok());
            match id {
                Some(id) if evidence_exists(id) => Ok(Value::from(id.to_string())),
                Some(_) => Err("no file with this id has been uploaded to this assessment".into()),
                None => Err("the answer must be the id of a file uploaded to this assessment".into()),
            }
        }
    }
}

/// The option value equal to `chosen`, as the definition spells it.
fn option_value<'a>(question: &'a Question, chosen: &str) -> Option<&'a str> {
    let chosen = chosen.trim();
    question
        .options
        .iter()
        .flatten()
        .map(|o| o.value.as_str())
        .find(|v| *v == chosen)
}

fn option_list(question: &Question) -> String {
    let values: Vec<&str> = question
        .options
        .iter()
        .flatten()
        .map(|o| o.value.as_str())
        .collect();
    values.join(", ")
}

fn choose_one(question: &Question) -> String {
    format!("the answer must be one of: {}", option_list(question))
}

fn check_multi_choice(question: &Question, value: &Value) -> Result<Value, String> {
    let not_a_list = || {
        format!(
            "the answer must be a list of one or more of: {}",
            option_list(question)
        )
    };
    let chosen = value
        .as_array()
        .filter(|a| !a.is_empty())
        .ok_or_else(not_a_list)?;
    let mut values = Vec::with_capacity(chosen.len());
    for item in chosen {
        let raw = item.as_str().ok_or_else(not_a_list)?;
        let known = option_value(question, raw)
            .ok_or_else(|| format!("'{raw}' is not an option; {}", choose_one(question)))?;
        if values.contains(&known) {
            return Err(format!("'{known}' is chosen more than once"));
        }
        values.push(known);
    }
    // Stored in the order of the options so that equal answers compare equal.
    let ordered: Vec<Value> = question
        .options
        .iter()
        .flatten()
        .map(|o| o.value.as_str())
        .filter(|v| values.contains(v))
        .map(Value::from)
        .collect();
    Ok(Value::Array(ordered))
}

fn check_number(question: &Question, value: &Value) -> Result<Value, String> {
    let Value::Number(number) = value else {
        return Err("the answer must be a number".into());
    };
    let text = number.to_string();
    let x = Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .map_err(|_| "the number is too large or too precise".to_string())?;
    match (question.min, question.max) {
        (Some(min), Some(max)) if x < min || x > max => {
            Err(format!("the answer must be between {min} and {max}"))
        }
        (Some(min), _) if x < min => Err(format!("the answer must be at least {min}")),
        (_, Some(max)) if x > max => Err(format!("the answer must be at most {max}")),
        _ => Ok(value.clone()),
    }
}

/// Merges a draft (`{question_key: value}`; `null` removes an answer) into the
/// current answers. Every unknown key and every invalid value is reported, named by
/// its question key. Answers to questions that the merged answers leave hidden are
/// dropped: a hidden question is not asked, "and an answer sent for it is ignored".
pub fn merge_answers(
    definition: &Definition,
    current: &Answers,
    incoming: &Map<String, Value>,
    evidence_exists: &dyn Fn(Uuid) -> bool,
) -> Result<Answers, Vec<FieldError>> {
    let mut merged = current.clone();
    let mut errors = Vec::new();
    for (key, value) in incoming {
        let Some(question) = definition.question(key) else {
            errors.push(FieldError::new(
                key,
                "this questionnaire has no question with this key",
            ));
            continue;
        };
        if value.is_null() {
            merged.remove(key);
            continue;
        }
        match check_answer(question, value, evidence_exists) {
            Ok(normalised) => {
                merged.insert(key.clone(), normalised);
            }
            Err(message) => errors.push(FieldError::new(key, message)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // A hidden question's own answer never decides what else is shown (is_asked checks
    // the parent is asked first), so one pass over the merged set is enough.
    let kept = merged
        .iter()
        .filter(|(key, _)| {
            definition
                .question(key)
                .is_some_and(|q| visibility::is_asked(definition, q, &merged))
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(kept)
}

/// The keys of every asked, required question that has no answer, in the order of
/// the definition.
pub fn missing_required(definition: &Definition, answers: &Answers) -> Vec<String> {
    visibility::asked(definition, answers)
        .into_iter()
        .filter(|q| q.required && answers.get(&q.key).is_none_or(Value::is_null))
        .map(|q| q.key.clone())
        .collect()
}

#[cfg(test)]
mod tests;
