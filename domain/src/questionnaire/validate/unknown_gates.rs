//! Scoring model 2: a gate answered "We do not know" shows its follow-ups, so
//! not knowing must not score better than an answer that shows them, neither in
//! the score nor in the band. An unknown option of a gate is refused, at its
//! path, when its risk is lower than that of an option that shows follow-ups, or
//! when the red flags it raises are weaker than those such an option raises (the
//! floors read the flags: a `priority` flag on "yes" and a `major` one on
//! "We do not know" would make not knowing a band lower).

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::Report;
use crate::{
    questionnaire::definition::{Definition, Question, Severity},
    risk_score::is_zero_tolerance,
};

/// How hard the flags raised by one answer can push the band. All the flags of
/// a question carry its first indicator, so the floors tell them apart only by
/// zero tolerance, then severity (the field order makes the derived order so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct FlagStrength {
    zero_tolerance: bool,
    severity: Severity,
}

impl FlagStrength {
    fn describe(strength: Option<Self>) -> &'static str {
        match strength {
            None => "none",
            Some(s) if s.zero_tolerance => "zero tolerance",
            Some(s) => s.severity.as_str(),
        }
    }
}

/// The strongest red flag that answering `value` raises (`None`: no flag).
fn strongest_flag(question: &Question, value: &str) -> Option<FlagStrength> {
    // The engine names a question without indicators `abusive_conditions`;
    // either way only `recruitment_fees` changes zero tolerance.
    let indicator = question.indicators.first().map_or("", String::as_str);
    let flags = question.red_flag.iter().flat_map(|f| f.as_vec());
    flags
        .filter(|f| f.when.iter().flatten().any(|w| w == value))
        .map(|f| FlagStrength {
            zero_tolerance: is_zero_tolerance(indicator, f.zero_tolerance),
            severity: f.severity,
        })
        .max()
}

pub(super) fn check(definition: &Definition, report: &mut Report) {
    // Each question's path and, for gates, the option values that show follow-ups.
    let mut paths = BTreeMap::new();
    for (i, section) in definition.sections.iter().enumerate() {
        for (j, q) in section.questions.iter().enumerate() {
            paths
                .entry(q.key.as_str())
                .or_insert(format!("sections[{i}].questions[{j}]"));
        }
    }
    let mut showing: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (_, q) in definition.questions() {
        if let Some(condition) = &q.show_if
            && let Some(value) = condition.equals.as_str()
        {
            showing
                .entry(condition.question.as_str())
                .or_default()
                .insert(value);
        }
    }
    for (gate_key, values) in showing {
        let (Some(gate), Some(path)) = (definition.question(gate_key), paths.get(gate_key)) else {
            continue;
        };
        let options = gate.options.iter().flatten();
        let shown_by: Vec<_> = options
            .clone()
            .filter(|o| values.contains(o.value.as_str()) && !o.unknown)
            .collect();
        // An option without a risk counts as 0 here: answering it leaves the
        // question out of the practice risk, which is no better than risk 0.
        let Some(highest_showing) = shown_by.iter().map(|o| o.risk.unwrap_or(Decimal::ZERO)).max() else {
            continue;
        };
        let strongest_showing = shown_by
            .iter()
            .map(|o| strongest_flag(gate, &o.value))
            .max()
            .flatten();
        for (k, option) in options.enumerate().filter(|(_, o)| o.unknown) {
            let risk = option.risk.unwrap_or(Decimal::ZERO);
            if risk < highest_showing {
                report.add(
                    format!("{path}.options[{k}]"),
                    format!(
                        "an unknown answer shows the follow-ups of '{gate_key}', so its risk ({}) must be at least that of the options that show them ({})",
                        risk.normalize(),
                        highest_showing.normalize()
                    ),
                );
            }
            let strength = strongest_flag(gate, &option.value);
            if strength < strongest_showing {
                report.add(
                    format!("{path}.options[{k}]"),
                    format!(
                        "an unknown answer shows the follow-ups of '{gate_key}', so the red flag it raises (strongest: {}) must be at least as severe as that of the options that show them ({})",
                        FlagStrength::describe(strength),
                        FlagStrength::describe(strongest_showing)
                    ),
                );
            }
        }
    }
}
