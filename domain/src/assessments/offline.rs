//! Answering offline: the questionnaire as a spreadsheet-friendly CSV in the
//! supplier's language (one row per question, with the allowed answers spelled
//! out), and the same file read back, every bad cell reported by row and column.

use serde_json::{Map, Value};
use uuid::Uuid;

use crate::questionnaire::{
    Definition, Question, QuestionType,
    answers::check_answer,
    visibility::{Answers, is_asked},
};
use crate::values::{Lines, refuse_control_characters};

/// A cell that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CellError {
    /// Line number (the header is line 1).
    pub row: u64,
    /// The column at fault.
    pub column: String,
    /// What is wrong.
    pub message: String,
}

/// Column headings per locale; the reader matches the first two (`key`, `answer`)
/// by their English names, which every locale's file keeps.
const COLUMNS: [&str; 7] = [
    "key", "section", "question", "type", "required", "choices", "answer",
];

fn choices(question: &Question, locale: &str, fallback: &str) -> String {
    match question.kind {
        QuestionType::YesNo | QuestionType::SingleChoice | QuestionType::MultiChoice => {
            let options = question.options.as_deref().unwrap_or_default();
            let listed: Vec<String> = options
                .iter()
                .map(|o| format!("{} = {}", o.value, o.label.get(locale, fallback)))
                .collect();
            let listed = if listed.is_empty() && question.kind == QuestionType::YesNo {
                vec!["yes".to_string(), "no".to_string()]
            } else {
                listed
            };
            let joined = listed.join("; ");
            if question.kind == QuestionType::MultiChoice {
                format!("{joined} (several: a|b)")
            } else {
                joined
            }
        }
        QuestionType::Number => {
            let bound = |b: Option<rust_decimal::Decimal>| b.map(|b| b.to_string()).unwrap_or_default();
            format!(
                "{}..{} {}",
                bound(question.min),
                bound(question.max),
                question.unit.clone().unwrap_or_default()
            )
            .trim()
            .to_string()
        }
        QuestionType::Date => "YYYY-MM-DD".into(),
        QuestionType::Text => String::new(),
        QuestionType::File => "(upload evidence in the portal)".into(),
    }
}

fn answer_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("|"),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The questionnaire as CSV (UTF-8 with a byte-order mark, so spreadsheet programs
/// read accents right), with the current answers filled in.
pub fn questionnaire_csv(definition: &Definition, answers: &Answers, locale: &str) -> Vec<u8> {
    let fallback = definition.default_locale.as_str();
    let mut out = vec![0xEF, 0xBB, 0xBF];
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
    for (section, question) in definition.questions() {
        let kind = serde_json::to_value(question.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from));
        let required = if question.required && is_asked(definition, question, answers) {
            "yes"
        } else {
            "no"
        };
        let _ = writer.write_record([
            question.key.as_str(),
            section.title.get(locale, fallback),
            question.text.get(locale, fallback),
            kind.as_deref().unwrap_or(""),
            required,
            &choices(question, locale, fallback),
            &answers.get(&question.key).map(answer_text).unwrap_or_default(),
        ]);
    }
    out.extend(writer.into_inner().unwrap_or_default());
    out
}

/// A cell's text as the JSON answer its question takes; option labels in any
/// locale are accepted as well as option values.
fn cell_value(question: &Question, text: &str) -> Value {
    let option = |t: &str| -> String {
        let t = t.trim();
        question
            .options
            .as_deref()
            .unwrap_or_default()
            .iter()
            .find(|o| {
                o.value.eq_ignore_ascii_case(t)
                    || o.label.0.values().any(|l| l.trim().eq_ignore_ascii_case(t))
            })
            .map(|o| o.value.clone())
            .unwrap_or_else(|| t.to_lowercase())
    };
    match question.kind {
        QuestionType::YesNo | QuestionType::SingleChoice => Value::String(option(text)),
        QuestionType::MultiChoice => Value::Array(
            text.split(['|', ';'])
                .filter(|t| !t.trim().is_empty())
                .map(|t| Value::String(option(t)))
                .collect(),
        ),
        QuestionType::Number => {
            // Spreadsheets in es/fr write decimals with a comma.
            let normalised = if text.contains('.') {
                text.trim().to_string()
            } else {
                text.trim().replace(',', ".")
            };
            serde_json::from_str::<serde_json::Number>(&normalised)
                .map(Value::Number)
                .unwrap_or_else(|_| Value::String(text.trim().to_string()))
        }
        _ => Value::String(text.trim().to_string()),
    }
}

/// Reads a filled-in file into answers; an empty answer cell changes nothing.
/// `evidence_exists` says whether a file id belongs to this assessment.
pub fn read_answers_csv(
    definition: &Definition,
    bytes: &[u8],
    evidence_exists: &dyn Fn(Uuid) -> bool,
) -> Result<Map<String, Value>, Vec<CellError>> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
    let error = |row: u64, column: &str, message: String| CellError {
        row,
        column: column.into(),
        message,
    };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![error(1, "key", format!("the header cannot be read: {e}"))]),
    };
    let (Some(key_at), Some(answer_at)) = (
        headers.iter().position(|h| h == "key"),
        headers.iter().position(|h| h == "answer"),
    ) else {
        return Err(vec![error(
            1,
            "answer",
            "the file needs the columns 'key' and 'answer'".into(),
        )]);
    };
    let mut answers = Map::new();
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(row, "key", format!("this line cannot be read: {e}")));
                continue;
            }
        };
        // Every cell is text from outside, the columns this reader skips too: a
        // control character in any of them is refused, never half-read.
        let strange: Vec<CellError> = record
            .iter()
            .enumerate()
            .filter_map(|(at, cell)| {
                let column = headers.get(at).map_or("answer", String::as_str);
                refuse_control_characters(cell, Lines::Many)
                    .err()
                    .map(|message| error(row, column, message))
            })
            .collect();
        if !strange.is_empty() {
            errors.extend(strange);
            continue;
        }
        let key = record.get(key_at).unwrap_or("").trim();
        let text = record.get(answer_at).unwrap_or("");
        if key.is_empty() && text.trim().is_empty() {
            continue;
        }
        let Some(question) = definition.question(key) else {
            errors.push(error(
                row,
                "key",
                format!("'{key}' is not a question of this questionnaire"),
            ));
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match check_answer(question, &cell_value(question, text), evidence_exists) {
            Ok(value) => {
                answers.insert(key.to_string(), value);
            }
            Err(message) => errors.push(error(row, "answer", message)),
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn definition() -> Definition {
        serde_json::from_value(serde_json::json!({
            "key": "t", "version": 1, "title": {"en": "T"}, "default_locale": "en",
            "sections": [{"key": "s", "title": {"en": "Fees", "es": "Comisiones"}, "questions": [
                {"key": "paid", "type": "single_choice", "required": true, "text": {"en": "Paid?", "es": "¿Pagaron?"},
                 "options": [{"value": "no", "label": {"en": "No", "es": "No"}}, {"value": "yes", "label": {"en": "Yes", "es": "Sí"}}]},
                {"key": "hours", "type": "number", "min": 0, "max": 168, "text": {"en": "Hours"}},
                {"key": "ways", "type": "multi_choice", "text": {"en": "Ways"},
                 "options": [{"value": "bank", "label": {"en": "Bank"}}, {"value": "cash", "label": {"en": "Cash", "es": "Efectivo"}}]}
            ]}]
        }))
        .unwrap()
    }

    #[test]
    fn round_trip_in_spanish_with_labels_and_comma_decimals() {
        let d = definition();
        let csv = questionnaire_csv(&d, &Answers::new(), "es");
        let text = String::from_utf8(csv[3..].to_vec()).unwrap();
        assert!(text.contains("¿Pagaron?") && text.contains("yes = Sí"));
        let filled = "key,answer\npaid,Sí\nhours,\"48,5\"\nways,bank|Efectivo\n";
        let answers = read_answers_csv(&d, filled.as_bytes(), &|_| false).unwrap();
        assert_eq!(answers["paid"], "yes");
        assert_eq!(answers["hours"], serde_json::json!(48.5));
        assert_eq!(answers["ways"], serde_json::json!(["bank", "cash"]));
    }

    #[test]
    fn every_bad_cell_is_reported() {
        let d = definition();
        let filled = "\u{feff}key,answer\npaid,maybe\nhours,500\nnope,1\n";
        let errors = read_answers_csv(&d, filled.as_bytes(), &|_| false).unwrap_err();
        let cells: Vec<(u64, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(cells, [(2, "answer"), (3, "answer"), (4, "key")]);
    }

    #[test]
    fn a_control_character_in_any_cell_is_refused_naming_its_column() {
        let d = definition();
        let filled = "key,question,answer\npaid,Pa\u{0}id?,no\nhours,Hours,4\u{1b}0\nways,\"Ways,\nall of them\",bank\n";
        let errors = read_answers_csv(&d, filled.as_bytes(), &|_| false).unwrap_err();
        let cells: Vec<(u64, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(
            cells,
            [(2, "question"), (3, "answer")],
            "a line break is no control character here"
        );
    }
}
