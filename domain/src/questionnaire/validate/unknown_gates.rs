//! Scoring model 2: a gate answered "We do not know" shows its follow-ups, so
//! not knowing must not score better than an answer that shows them. An unknown
//! option of a gate whose risk is lower than that of an option that shows
//! follow-ups is refused, at the unknown option's path.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::Report;
use crate::questionnaire::definition::Definition;

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
        // An option without a risk counts as 0 here: answering it leaves the
        // question out of the practice risk, which is no better than risk 0.
        let highest_showing = options
            .clone()
            .filter(|o| values.contains(o.value.as_str()) && !o.unknown)
            .map(|o| o.risk.unwrap_or(Decimal::ZERO))
            .max();
        let Some(highest_showing) = highest_showing else {
            continue;
        };
        for (k, option) in options.enumerate() {
            let risk = option.risk.unwrap_or(Decimal::ZERO);
            if option.unknown && risk < highest_showing {
                report.add(
                    format!("{path}.options[{k}]"),
                    format!(
                        "an unknown answer shows the follow-ups of '{gate_key}', so its risk ({}) must be at least that of the options that show them ({})",
                        risk.normalize(),
                        highest_showing.normalize()
                    ),
                );
            }
        }
    }
}
