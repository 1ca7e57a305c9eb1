//! Checks an uploaded (or shipped) questionnaire definition against every rule of
//! questionnaire-format.md, so that the scoring engine can trust whatever it is given.
//! All problems are reported at once, each at the JSON path a client can find.

mod question;
mod unknown_gates;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::definition::{Definition, LocalizedText};
use crate::{error::FieldError, values::Locale};

/// Parses a definition and checks every rule; on failure, every broken rule is
/// listed with the path of the offending field (`sections[1].questions[3].options[2].value`).
/// A document that does not even have the right shape gets the first shape error only,
/// since the rules cannot be checked on it.
pub fn parse_definition(value: &Value) -> Result<Definition, Vec<FieldError>> {
    let definition: Definition =
        serde_path_to_error::deserialize(value).map_err(|e| vec![shape_error(&e)])?;
    let errors = check_definition(&definition);
    if errors.is_empty() {
        Ok(definition)
    } else {
        Err(errors)
    }
}

/// Every rule broken by an already parsed definition (empty when it is valid).
pub fn check_definition(definition: &Definition) -> Vec<FieldError> {
    let mut report = Report::default();
    if definition.key.trim().is_empty() {
        report.add("key", "is required");
    }
    if definition.version < 1 {
        report.add("version", "must be 1 or more");
    }
    let locale = definition.default_locale.as_str();
    if Locale::parse(locale).is_none_or(|l| l.code() != locale) {
        report.add("default_locale", "must be one of en, es, fr");
    }
    report.text(&definition.title, "title", locale);
    if definition.sections.is_empty() {
        report.add("sections", "a questionnaire needs at least one section");
    }
    let all_keys: BTreeSet<&str> = definition.questions().map(|(_, q)| q.key.as_str()).collect();
    let mut section_keys = BTreeSet::new();
    let mut earlier = BTreeMap::new();
    for (i, section) in definition.sections.iter().enumerate() {
        let path = format!("sections[{i}]");
        if section.key.trim().is_empty() {
            report.add(format!("{path}.key"), "is required");
        } else if !section_keys.insert(section.key.as_str()) {
            report.add(
                format!("{path}.key"),
                format!("another section already has the key '{}'", section.key),
            );
        }
        report.text(&section.title, &format!("{path}.title"), locale);
        if section.questions.is_empty() {
            report.add(
                format!("{path}.questions"),
                "a section needs at least one question",
            );
        }
        for (j, q) in section.questions.iter().enumerate() {
            let q_path = format!("{path}.questions[{j}]");
            if q.key.trim().is_empty() {
                report.add(format!("{q_path}.key"), "is required");
            } else if earlier.contains_key(q.key.as_str()) {
                report.add(
                    format!("{q_path}.key"),
                    format!("another question already has the key '{}'", q.key),
                );
            }
            let context = question::Context {
                path: &q_path,
                locale,
                earlier: &earlier,
                all_keys: &all_keys,
            };
            question::check(q, &context, &mut report);
            earlier.entry(q.key.as_str()).or_insert(q);
        }
    }
    unknown_gates::check(definition, &mut report);
    report.errors
}

/// Names the field of a shape error; a missing field is named itself rather than
/// the object that lacks it.
fn shape_error(error: &serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let path = error.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let message = error.inner().to_string();
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name.to_string());
    match missing {
        Some(name) if path.is_empty() => FieldError::new(name, "is required"),
        Some(name) => FieldError::new(format!("{path}.{name}"), "is required"),
        None if path.is_empty() => FieldError::new("definition", message),
        None => FieldError::new(path, message),
    }
}

/// The errors found so far.
#[derive(Default)]
struct Report {
    errors: Vec<FieldError>,
}

impl Report {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    /// A user-facing text must exist in the default locale, which every reader
    /// falls back to.
    fn text(&mut self, text: &LocalizedText, path: &str, default_locale: &str) {
        if text.0.get(default_locale).is_none_or(|t| t.trim().is_empty()) {
            self.add(
                path,
                format!("needs a text in '{default_locale}', the default locale"),
            );
        }
    }
}

#[cfg(test)]
mod tests;
