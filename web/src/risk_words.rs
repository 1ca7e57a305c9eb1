//! A scored supplier's risk in words, in the reader's language: the inherent
//! context apart from the supplier's practice ("Thailand × Seafood processing: high
//! inherent risk"), and each floor that set the band, with the findings and ILO
//! indicators behind it. Reads the breakdown through `domain::risk_score::explain`,
//! the same reading the report uses; names countries, sectors and indicators, never
//! their codes.

use domain::{
    reference,
    risk_score::explain::{Explanation, FloorKind, FloorReason, explain},
    values::Locale,
};
use serde_json::Value;

use crate::i18n::Tr;

/// What the supplier and review pages show of a scored assessment.
#[derive(Debug, Clone, Default)]
pub struct RiskWords {
    /// "Thailand × Seafood processing: high inherent risk (74 / 100)".
    pub context: Option<String>,
    /// The origins that counted, by name, with the origin risk.
    pub origins: Option<String>,
    /// One sentence per floor that applied, the highest first.
    pub floors: Vec<String>,
    /// The scoring model, named.
    pub model: String,
}

impl RiskWords {
    /// The words for a stored breakdown; `None` before scoring.
    pub fn of(breakdown: Option<&Value>, t: Tr) -> Option<Self> {
        let explained = explain(breakdown?)?;
        Some(words(&explained, t))
    }
}

fn words(explained: &Explanation, t: Tr) -> RiskWords {
    let context = explained.inherent.as_ref().map(|i| {
        t.args(
            "risk-context",
            &[
                ("country", t.country(&i.country)),
                ("sector", t.sector(&i.sector)),
                ("level", t.of("inherent-level-", i.band.as_str())),
                ("value", number(i.value)),
            ],
        )
    });
    let origins = explained
        .inherent
        .as_ref()
        .filter(|i| !i.origins.is_empty())
        .map(|i| {
            let names: Vec<String> = i.origins.iter().map(|c| t.country(c)).collect();
            t.arg2(
                "risk-origins",
                "countries",
                names.join(", "),
                "value",
                number(i.origin_risk),
            )
        });
    let floors = explained
        .floors
        .iter()
        .map(|floor| floor_sentence(floor, explained, t))
        .collect();
    RiskWords {
        context,
        origins,
        floors,
        model: explained.model.clone(),
    }
}

fn floor_sentence(floor: &FloorReason, explained: &Explanation, t: Tr) -> String {
    let band = t.of("band-", floor.band.as_str());
    let findings = floor.findings.join("; ");
    let sentence = match floor.kind {
        FloorKind::HighInherentRisk => {
            let value = explained.inherent.as_ref().map_or(0.0, |i| i.value);
            t.arg2("floor-high_inherent_risk", "value", number(value), "band", band)
        }
        FloorKind::IloIndicators => {
            let names: Vec<String> = floor
                .indicators
                .iter()
                .map(|key| indicator(key, t.locale))
                .collect();
            t.args(
                "floor-ilo_indicators",
                &[
                    ("count", floor.indicators.len().to_string()),
                    ("indicators", names.join(", ")),
                    ("band", band),
                ],
            )
        }
        FloorKind::PriorityFinding => t.arg2("floor-priority_finding", "findings", findings, "band", band),
        FloorKind::ZeroTolerance => t.arg2("floor-zero_tolerance", "findings", findings, "band", band),
    };
    if floor.raised_band {
        format!("{sentence} {}", t.get("floor-raised"))
    } else {
        sentence
    }
}

fn indicator(key: &str, locale: Locale) -> String {
    reference::indicators()
        .iter()
        .find(|i| i.key == key)
        .map_or_else(|| key.to_string(), |i| i.name(locale).to_string())
}

/// A 0–100 figure as the pages show it (one decimal, none when whole).
fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_context_and_each_floor_are_said_with_names_in_the_readers_language() {
        let breakdown = json!({
            "model_version": "fairhire-scoring-2",
            "components": {"inherent": {"value": 72.0, "country": "TH", "sector": "seafood_processing",
                "origin_risk": 70.0, "origins_counted": [{"country": "MM", "share": 0.6, "country_risk": 70.0}]}},
            "floors": [
                {"rule": "high_inherent_risk", "applied": "medium", "raised_band": false, "indicators": [], "findings": []},
                {"rule": "ilo_indicators", "applied": "high", "raised_band": true,
                 "indicators": ["deception", "isolation"],
                 "findings": [{"title": "Workers confined"}, {"title": "Contract changed"}]}
            ]
        });
        let en = RiskWords::of(Some(&breakdown), Tr::new(Locale::En)).unwrap();
        let context = en.context.unwrap();
        assert!(context.contains("Thailand"), "{context}");
        assert!(context.contains("high inherent risk"), "{context}");
        assert!(
            !context.contains("TH ") && !context.contains("seafood_processing"),
            "{context}"
        );
        assert!(en.origins.unwrap().contains("Myanmar"));
        assert_eq!(en.floors.len(), 2);
        assert!(
            en.floors[0].contains("Deception") && en.floors[0].contains("Isolation"),
            "{}",
            en.floors[0]
        );
        assert!(en.floors[0].contains("High"), "{}", en.floors[0]);
        assert!(en.floors[1].contains("72"), "{}", en.floors[1]);

        let es = RiskWords::of(Some(&breakdown), Tr::new(Locale::Es)).unwrap();
        let context = es.context.unwrap();
        assert!(context.contains("Tailandia"), "{context}");
        assert!(context.contains("riesgo inherente alto"), "{context}");
        let fr = RiskWords::of(Some(&breakdown), Tr::new(Locale::Fr)).unwrap();
        assert!(fr.context.unwrap().contains("risque inhérent élevé"));
        assert!(RiskWords::of(None, Tr::new(Locale::En)).is_none());
    }
}
