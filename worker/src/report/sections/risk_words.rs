//! The inherent context and the floors of a scoring, in the report's language:
//! the same reading of the stored breakdown as the portal's
//! (`domain::risk_score::explain`), worded from the report's own label table.

use domain::{
    reports::ReportData,
    risk_score::explain::{Explanation, FloorReason, explain},
};

use super::number;
use crate::report::i18n::{t, value, with};

/// What the breakdown of the report's assessment says, if it was scored.
pub fn explained(data: &ReportData) -> Option<Explanation> {
    explain(data.assessment.score_breakdown.as_ref()?)
}

/// "Thailand × Seafood processing: high inherent risk (74 / 100)".
pub fn context(data: &ReportData, explained: &Explanation) -> Option<String> {
    let locale = data.locale;
    let inherent = explained.inherent.as_ref()?;
    let level = t(locale, &format!("inherent_level_{}", inherent.band.as_str()));
    Some(with(
        locale,
        "risk_context",
        &[
            ("country", &data.country_name),
            ("sector", &data.sector_name),
            ("level", &level),
            ("value", &number(locale, inherent.value, 1)),
        ],
    ))
}

/// The origins that counted, by name, with the origin risk.
pub fn origins(data: &ReportData, explained: &Explanation) -> Option<String> {
    let locale = data.locale;
    let inherent = explained.inherent.as_ref().filter(|i| !i.origins.is_empty())?;
    let names: Vec<String> = inherent
        .origins
        .iter()
        .map(|code| {
            domain::reference::country_name(code, locale).map_or_else(|| code.clone(), str::to_string)
        })
        .collect();
    Some(format!(
        "{}: {} / 100",
        names.join(", "),
        number(locale, inherent.origin_risk, 1)
    ))
}

/// One sentence per floor that applied, the highest first.
pub fn floors(data: &ReportData, explained: &Explanation) -> Vec<String> {
    explained
        .floors
        .iter()
        .map(|floor| sentence(data, explained, floor))
        .collect()
}

fn sentence(data: &ReportData, explained: &Explanation, floor: &FloorReason) -> String {
    let locale = data.locale;
    let band = value(locale, floor.band.as_str());
    let indicators: Vec<String> = floor
        .indicators
        .iter()
        .map(|key| {
            data.indicator_names
                .get(key)
                .cloned()
                .unwrap_or_else(|| key.clone())
        })
        .collect();
    let inherent = explained.inherent.as_ref().map_or(0.0, |i| i.value);
    let text = with(
        locale,
        &format!("floor_{}", floor.kind.as_str()),
        &[
            ("value", &number(locale, inherent, 1)),
            ("count", &floor.indicators.len().to_string()),
            ("indicators", &indicators.join(", ")),
            ("findings", &floor.findings.join("; ")),
            ("band", &band),
        ],
    );
    if floor.raised_band {
        format!("{text} {}", t(locale, "floor_raised"))
    } else {
        text
    }
}
