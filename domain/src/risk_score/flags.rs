//! Red flags: an answer that matches a question's `red_flag` raises a finding.
//! Only asked questions raise flags (a hidden question's answer is ignored).

use serde_json::Value;

use super::{answer_risk::number, floors::is_zero_tolerance};
use crate::questionnaire::{
    Definition, Question, QuestionType, RedFlag, Severity,
    visibility::{Answers, is_asked},
};

/// A finding raised by an answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RaisedFlag {
    /// The question.
    pub question_key: String,
    /// `priority`, `major` or `minor`.
    pub severity: Severity,
    /// No score can offset it.
    pub zero_tolerance: bool,
    /// The question's first indicator.
    pub indicator: String,
    /// The finding's title in the assessment's locale.
    pub title: String,
    /// The answer that raised it.
    pub answer: Value,
}

fn matches(question: &Question, flag: &RedFlag, answer: &Value) -> bool {
    match question.kind {
        QuestionType::Number => {
            let Some(x) = number(answer) else { return false };
            let has_bound = flag.min.is_some() || flag.max.is_some();
            has_bound && flag.min.is_none_or(|min| min <= x) && flag.max.is_none_or(|max| x < max)
        }
        QuestionType::MultiChoice => {
            let Some(when) = &flag.when else { return false };
            answer.as_array().is_some_and(|chosen| {
                chosen
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|v| when.iter().any(|w| w == v))
            })
        }
        _ => {
            let Some(when) = &flag.when else { return false };
            answer.as_str().is_some_and(|v| when.iter().any(|w| w == v))
        }
    }
}

/// Every flag the answers raise, in definition order.
pub fn raised_flags(definition: &Definition, answers: &Answers, locale: &str) -> Vec<RaisedFlag> {
    let mut raised = Vec::new();
    for (_, question) in definition.questions() {
        let (Some(flags), Some(answer)) = (&question.red_flag, answers.get(&question.key)) else {
            continue;
        };
        if !is_asked(definition, question, answers) {
            continue;
        }
        for flag in flags.as_vec() {
            if matches(question, flag, answer) {
                let indicator = question
                    .indicators
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "abusive_conditions".into());
                raised.push(RaisedFlag {
                    question_key: question.key.clone(),
                    severity: flag.severity,
                    // A definition written before model 2 may mark a paid fee zero
                    // tolerance; the fact has one severity whatever the source.
                    zero_tolerance: is_zero_tolerance(&indicator, flag.zero_tolerance),
                    indicator,
                    title: flag.finding.get(locale, &definition.default_locale).to_string(),
                    answer: answer.clone(),
                });
            }
        }
    }
    raised
}
