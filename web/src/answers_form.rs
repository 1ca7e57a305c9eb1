//! The questionnaire as a form: each question as a view for the template, and a
//! submitted section read back into answers, with messages in the person's
//! language beside each field.

use std::collections::BTreeMap;

use domain::{
    error::FieldError,
    questionnaire::{
        Definition, Question, QuestionType, Section,
        visibility::{self, Answers},
    },
};
use serde_json::{Map, Value};

use crate::i18n::Tr;

/// Raw submitted values by question key (several for checkboxes).
pub type Raw = BTreeMap<String, Vec<String>>;

/// One option of a choice question.
#[derive(Debug, Clone)]
pub struct OptionView {
    /// Stored value.
    pub value: String,
    /// Label in the person's language.
    pub label: String,
    /// Whether it is chosen.
    pub checked: bool,
}

/// One question, ready to render.
#[derive(Debug, Clone)]
pub struct QuestionView {
    /// The HTML id.
    pub id: String,
    /// The field name (`a.` + key).
    pub name: String,
    /// The question key.
    pub key: String,
    /// `yes_no`, `single_choice`, `multi_choice`, `number`, `text`, `date`, `file`.
    pub kind: &'static str,
    /// The question.
    pub text: String,
    /// Its help text.
    pub help: Option<String>,
    /// Required when asked.
    pub required: bool,
    /// Asked, given the answers so far.
    pub asked: bool,
    /// The field name of the question this one depends on.
    pub show_if_name: String,
    /// The value of that question that shows this one.
    pub show_if_value: String,
    /// Options (choices, yes/no).
    pub options: Vec<OptionView>,
    /// The current value of a single-value field.
    pub value: String,
    /// Unit of a number.
    pub unit: String,
    /// Range of a number, as a hint.
    pub range: Option<String>,
    /// What is wrong with the answer.
    pub error: Option<String>,
    /// Uploaded evidence files: (id, name, chosen).
    pub files: Vec<(String, String, bool)>,
}

/// The field name of a question.
pub fn field_name(key: &str) -> String {
    format!("a.{key}")
}

/// The HTML id of a question.
pub fn html_id(key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("q-{safe}")
}

fn kind_name(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::YesNo => "yes_no",
        QuestionType::SingleChoice => "single_choice",
        QuestionType::MultiChoice => "multi_choice",
        QuestionType::Number => "number",
        QuestionType::Text => "text",
        QuestionType::Date => "date",
        QuestionType::File => "file",
    }
}

/// A stored answer as raw form values.
pub fn raw_of(value: &Value) -> Vec<String> {
    match value {
        Value::Null => Vec::new(),
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(raw_of).collect(),
        other => vec![other.to_string()],
    }
}

/// The raw values of the stored answers.
pub fn raw_answers(answers: &Answers) -> Raw {
    answers.iter().map(|(k, v)| (k.clone(), raw_of(v))).collect()
}

/// The views of one section's questions.
pub fn section_view(
    definition: &Definition,
    section: &Section,
    answers: &Answers,
    raw: &Raw,
    errors: &BTreeMap<String, String>,
    files: &[(String, String)],
    t: Tr,
) -> Vec<QuestionView> {
    let locale = t.locale.code();
    let fallback = definition.default_locale.as_str();
    section
        .questions
        .iter()
        .map(|q| {
            let current = raw.get(&q.key).cloned().unwrap_or_default();
            let mut options: Vec<OptionView> = q
                .options
                .iter()
                .flatten()
                .map(|o| OptionView {
                    value: o.value.clone(),
                    label: o.label.get(locale, fallback).to_string(),
                    checked: current.contains(&o.value),
                })
                .collect();
            if q.kind == QuestionType::YesNo && options.is_empty() {
                options = ["yes", "no"]
                    .iter()
                    .map(|v| OptionView {
                        value: (*v).to_string(),
                        label: t.get(&format!("answer-{v}")),
                        checked: current.iter().any(|c| c == v),
                    })
                    .collect();
            }
            let (show_if_name, show_if_value) = match &q.show_if {
                Some(c) => (
                    field_name(&c.question),
                    match &c.equals {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    },
                ),
                None => (String::new(), String::new()),
            };
            let range = match (q.min, q.max) {
                (Some(min), Some(max)) => Some(t.arg2("hint-between", "min", min, "max", max)),
                (Some(min), None) => Some(t.arg1("hint-at-least", "min", min)),
                (None, Some(max)) => Some(t.arg1("hint-at-most", "max", max)),
                (None, None) => None,
            };
            let value = current.first().cloned().unwrap_or_default();
            QuestionView {
                id: html_id(&q.key),
                name: field_name(&q.key),
                key: q.key.clone(),
                kind: kind_name(q.kind),
                text: q.text.get(locale, fallback).to_string(),
                help: q.help.as_ref().map(|h| h.get(locale, fallback).to_string()),
                required: q.required,
                asked: visibility::is_asked(definition, q, answers),
                show_if_name,
                show_if_value,
                options,
                files: files
                    .iter()
                    .map(|(id, name)| (id.clone(), name.clone(), *id == value))
                    .collect(),
                value,
                unit: q.unit.clone().unwrap_or_default(),
                range,
                error: errors.get(&q.key).cloned(),
            }
        })
        .collect()
}

/// A submitted section: the answers to save, the raw values (kept on error) and
/// the fields that could not even be read.
pub struct ReadSection {
    /// Answers to save (`null` removes one).
    pub incoming: Map<String, Value>,
    /// Everything as typed.
    pub raw: Raw,
    /// Messages by question key.
    pub errors: BTreeMap<String, String>,
}

/// Reads one section's fields from the submitted pairs.
pub fn read_section(section: &Section, pairs: &[(String, String)], t: Tr) -> ReadSection {
    let mut read = ReadSection {
        incoming: Map::new(),
        raw: Raw::new(),
        errors: BTreeMap::new(),
    };
    for q in &section.questions {
        let name = field_name(&q.key);
        let values: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        read.raw.insert(q.key.clone(), values.clone());
        let value = match (q.kind, values.first()) {
            (_, None) => Value::Null,
            (QuestionType::MultiChoice, Some(_)) => {
                Value::Array(values.iter().cloned().map(Value::from).collect())
            }
            (QuestionType::Number, Some(text)) => {
                match serde_json::from_str::<serde_json::Number>(&text.replace(',', ".")) {
                    Ok(n) => Value::Number(n),
                    Err(_) => {
                        read.errors.insert(q.key.clone(), t.get("err-number"));
                        continue;
                    }
                }
            }
            (_, Some(text)) => Value::from(text.clone()),
        };
        read.incoming.insert(q.key.clone(), value);
    }
    read
}

/// A message in the person's language for a value the domain refused.
pub fn message_for(question: Option<&Question>, error: &FieldError, t: Tr) -> String {
    let Some(q) = question else {
        return error.message.clone();
    };
    match q.kind {
        QuestionType::Number => match (q.min, q.max) {
            (Some(min), Some(max)) => t.arg2("err-between", "min", min, "max", max),
            (Some(min), None) => t.arg1("err-at-least", "min", min),
            (None, Some(max)) => t.arg1("err-at-most", "max", max),
            (None, None) => t.get("err-number"),
        },
        QuestionType::YesNo | QuestionType::SingleChoice | QuestionType::MultiChoice => t.get("err-choice"),
        QuestionType::Text if error.message.contains(domain::values::CONTROL_CHARACTERS) => {
            t.get("err-control-characters")
        }
        QuestionType::Text => t.get("err-text"),
        QuestionType::Date => t.get("err-date"),
        QuestionType::File => t.get("err-file"),
    }
}
