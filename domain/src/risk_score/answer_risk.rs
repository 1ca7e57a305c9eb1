//! The risk (0–100) one answer carries, by question type. `None` means the answer
//! is not scored (text, date, file, an option without a risk, a number outside
//! every range).

use rust_decimal::Decimal;
use serde_json::Value;

use crate::questionnaire::{Question, QuestionType};

/// The risk of `answer` to `question`, or `None` when it is not scored.
pub fn answer_risk(question: &Question, answer: &Value) -> Option<Decimal> {
    match question.kind {
        QuestionType::YesNo | QuestionType::SingleChoice => {
            let chosen = answer.as_str()?;
            question
                .options
                .as_ref()?
                .iter()
                .find(|o| o.value == chosen)?
                .risk
        }
        QuestionType::MultiChoice => {
            let options = question.options.as_ref()?;
            answer
                .as_array()?
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|chosen| options.iter().find(|o| o.value == chosen)?.risk)
                .max()
        }
        QuestionType::Number => {
            let x = number(answer)?;
            question
                .risk_ranges
                .as_ref()?
                .iter()
                .find(|r| r.min.is_none_or(|min| min <= x) && r.max.is_none_or(|max| x < max))
                .map(|r| r.risk)
        }
        QuestionType::Text | QuestionType::Date | QuestionType::File => None,
    }
}

/// A JSON number as an exact decimal (via its text, never through a float).
pub(crate) fn number(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) => {
            let text = n.to_string();
            text.parse::<Decimal>()
                .ok()
                .or_else(|| Decimal::from_scientific(&text).ok())
        }
        _ => None,
    }
}
