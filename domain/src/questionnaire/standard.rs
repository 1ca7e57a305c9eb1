//! The standard questionnaire the platform ships: the Ethical Recruitment SAQ
//! (`domain/data/questionnaires/ethical-recruitment-saq.v1.json`), complete in en, es
//! and fr. It is checked by the same rules as an upload, once, at first use.

use std::sync::OnceLock;

use super::{definition::Definition, validate::parse_definition};

/// The shipped file.
const SAQ_V1: &str = include_str!("../../data/questionnaires/ethical-recruitment-saq.v1.json");

/// The file parsed and validated; an invalid file is reported with every error.
pub fn load_standard_saq() -> Result<Definition, String> {
    let value: serde_json::Value = serde_json::from_str(SAQ_V1).map_err(|e| e.to_string())?;
    parse_definition(&value).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        lines.join("; ")
    })
}

/// The Ethical Recruitment SAQ, version 1.
///
/// # Panics
/// If the shipped file is invalid, which the tests below rule out: the binary
/// cannot serve its standard questionnaire without it, and a half-parsed one
/// would score assessments wrongly.
#[allow(clippy::panic)]
pub fn standard_saq() -> &'static Definition {
    static SAQ: OnceLock<Definition> = OnceLock::new();
    SAQ.get_or_init(|| match load_standard_saq() {
        Ok(definition) => definition,
        Err(errors) => panic!("the shipped ethical-recruitment SAQ is invalid: {errors}"),
    })
}

/// Every standard definition the platform ships, each version once, oldest first.
/// A new shipped version is added here: the scoring properties are checked over
/// this list (`risk_score` tests), so a new version is covered without more code.
pub fn shipped_definitions() -> Vec<&'static Definition> {
    vec![standard_saq()]
}

#[cfg(test)]
mod tests;
