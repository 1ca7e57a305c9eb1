//! The standard questionnaire the platform ships: the Ethical Recruitment SAQ,
//! complete in en, es and fr, in every version ever shipped
//! (`domain/data/questionnaires/ethical-recruitment-saq.v{N}.json`). A version,
//! once used by an assessment, never changes, so the old files stay byte for byte;
//! new assessments get the current (highest) version. Each file is checked by the
//! same rules as an upload, once, at first use.

use std::sync::OnceLock;

use super::{definition::Definition, validate::parse_definition};

/// Version 1: the assessments sent before version 2 shipped keep it.
const SAQ_V1: &str = include_str!("../../data/questionnaires/ethical-recruitment-saq.v1.json");
/// Version 2 (scoring model 2): "We do not know" on every practice a supplier may
/// not know, multi-part questions split, worker voice, isolation, health tests.
const SAQ_V2: &str = include_str!("../../data/questionnaires/ethical-recruitment-saq.v2.json");

/// The shipped files, oldest first.
const SHIPPED: [&str; 2] = [SAQ_V1, SAQ_V2];

/// A shipped file parsed and validated; an invalid file is reported with every error.
fn load(text: &str) -> Result<Definition, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    parse_definition(&value).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        lines.join("; ")
    })
}

/// The current version, parsed and validated.
pub fn load_standard_saq() -> Result<Definition, String> {
    load(SAQ_V2)
}

/// Every shipped version, parsed and validated, oldest first.
pub fn load_shipped_saqs() -> Result<[Definition; 2], String> {
    Ok([load(SHIPPED[0])?, load(SHIPPED[1])?])
}

/// Every shipped version, oldest first; the last is the current one.
///
/// # Panics
/// If a shipped file is invalid, which the tests rule out: the binary cannot
/// serve its standard questionnaire without it, and a half-parsed one would score
/// assessments wrongly.
#[allow(clippy::panic)]
pub fn shipped_saqs() -> &'static [Definition] {
    static SAQS: OnceLock<[Definition; 2]> = OnceLock::new();
    SAQS.get_or_init(|| match load_shipped_saqs() {
        Ok(definitions) => definitions,
        Err(errors) => panic!("a shipped ethical-recruitment SAQ is invalid: {errors}"),
    })
}

/// The current Ethical Recruitment SAQ (version 2), the one new assessments get.
///
/// # Panics
/// As [`shipped_saqs`].
pub fn standard_saq() -> &'static Definition {
    &shipped_saqs()[1]
}

/// Every standard definition the platform ships, each version once, oldest first.
/// A new shipped version is added here: the scoring properties are checked over
/// this list (`risk_score` tests), so a new version is covered without more code.
pub fn shipped_definitions() -> Vec<&'static Definition> {
    shipped_saqs().iter().collect()
}

#[cfg(test)]
mod tests;
