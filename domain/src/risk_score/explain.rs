//! Reads a stored `score_breakdown` back into what a person is shown: the inherent
//! context apart from the supplier's practice, and every floor that set the band,
//! with the findings and indicators behind it. The portal and the report word it
//! in the reader's language; this reads it once, for both, whichever model wrote
//! the breakdown (model 1 kept one `floor`, model 2 keeps the list `floors`).

use serde_json::Value;

use crate::values::RiskBand;

/// The inherent context of a scored supplier.
#[derive(Debug, Clone, PartialEq)]
pub struct InherentContext {
    /// `I`, 0–100.
    pub value: f64,
    /// The band `I` alone falls in ("high inherent risk").
    pub band: RiskBand,
    /// ISO 3166-1 code of the site's country.
    pub country: String,
    /// The sector key.
    pub sector: String,
    /// `origin_risk` (model 2; 0 when no origin counted or under model 1).
    pub origin_risk: f64,
    /// The origin countries that counted (ISO codes), largest share first.
    pub origins: Vec<String>,
}

/// The rule behind a floor, as the breakdown names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloorKind {
    /// `I ≥ 70` → at least medium.
    HighInherentRisk,
    /// Distinct ILO forced-labour indicators among open major/priority findings.
    IloIndicators,
    /// An open priority finding → at least high.
    PriorityFinding,
    /// An open zero-tolerance finding → critical.
    ZeroTolerance,
}

impl FloorKind {
    /// The stored key (`high_inherent_risk`, …), also the key of its wording.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HighInherentRisk => "high_inherent_risk",
            Self::IloIndicators => "ilo_indicators",
            Self::PriorityFinding => "priority_finding",
            Self::ZeroTolerance => "zero_tolerance",
        }
    }

    fn parse(raw: &str) -> Option<Self> {
        [
            Self::HighInherentRisk,
            Self::IloIndicators,
            Self::PriorityFinding,
            Self::ZeroTolerance,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == raw)
    }
}

/// One floor that applied.
#[derive(Debug, Clone, PartialEq)]
pub struct FloorReason {
    /// Its rule.
    pub kind: FloorKind,
    /// The lowest band it allows.
    pub band: RiskBand,
    /// Whether it raised the band above what the score gave.
    pub raised_band: bool,
    /// The ILO indicators behind it (keys), for the indicator rule.
    pub indicators: Vec<String>,
    /// The titles of the findings behind it.
    pub findings: Vec<String>,
}

/// What a stored breakdown says about the context and the floors.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The scoring model that wrote it (`fairhire-scoring-1` when not named).
    pub model: String,
    /// The inherent context, when the breakdown has one.
    pub inherent: Option<InherentContext>,
    /// Every floor that applied, the highest first.
    pub floors: Vec<FloorReason>,
}

/// The explanation of a stored breakdown; `None` for no breakdown.
pub fn explain(breakdown: &Value) -> Option<Explanation> {
    if !breakdown.is_object() {
        return None;
    }
    let model = breakdown["model_version"]
        .as_str()
        .unwrap_or("fairhire-scoring-1")
        .to_string();
    let parts = &breakdown["components"]["inherent"];
    let inherent = parts["value"].as_f64().map(|value| InherentContext {
        value,
        band: RiskBand::from_score(rust_decimal::Decimal::from_f64_retain(value).unwrap_or_default()),
        country: parts["country"].as_str().unwrap_or_default().to_string(),
        sector: parts["sector"].as_str().unwrap_or_default().to_string(),
        origin_risk: parts["origin_risk"].as_f64().unwrap_or_default(),
        origins: parts["origins_counted"]
            .as_array()
            .map(|all| {
                all.iter()
                    .filter_map(|o| o["country"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
    });
    let mut floors: Vec<FloorReason> = match breakdown["floors"].as_array() {
        Some(all) => all.iter().filter_map(floor).collect(),
        // Model 1: one floor, from a priority or zero-tolerance finding.
        None => model_1_floor(&breakdown["floor"]).into_iter().collect(),
    };
    floors.sort_by_key(|f| std::cmp::Reverse(f.band));
    Some(Explanation {
        model,
        inherent,
        floors,
    })
}

fn floor(stored: &Value) -> Option<FloorReason> {
    Some(FloorReason {
        kind: FloorKind::parse(stored["rule"].as_str()?)?,
        band: RiskBand::parse(stored["applied"].as_str()?)?,
        raised_band: stored["raised_band"].as_bool().unwrap_or(false),
        indicators: strings(&stored["indicators"], None),
        findings: strings(&stored["findings"], Some("title")),
    })
}

fn model_1_floor(stored: &Value) -> Option<FloorReason> {
    let band = RiskBand::parse(stored["applied"].as_str()?)?;
    Some(FloorReason {
        kind: if band == RiskBand::Critical {
            FloorKind::ZeroTolerance
        } else {
            FloorKind::PriorityFinding
        },
        band,
        raised_band: stored["raised_band"].as_bool().unwrap_or(false),
        indicators: Vec::new(),
        findings: strings(&stored["findings"], Some("title")),
    })
}

/// The strings of a list, or of one field of each object in it.
fn strings(list: &Value, field: Option<&str>) -> Vec<String> {
    list.as_array()
        .map(|all| {
            all.iter()
                .filter_map(|item| match field {
                    Some(name) => item[name].as_str(),
                    None => item.as_str(),
                })
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_model_2_breakdown_reads_into_context_and_every_floor() {
        let breakdown = json!({
            "model_version": "fairhire-scoring-2",
            "components": {"inherent": {"value": 72.0, "country": "TH", "sector": "seafood_processing",
                "origin_risk": 70.0, "origins_counted": [{"country": "MM", "share": 0.6, "country_risk": 70.0}]}},
            "floors": [
                {"rule": "high_inherent_risk", "applied": "medium", "raised_band": false, "indicators": [], "findings": []},
                {"rule": "ilo_indicators", "applied": "high", "raised_band": true,
                 "indicators": ["deception", "isolation"],
                 "findings": [{"title": "Workers confined", "indicator": "isolation"}, {"title": "Contract changed", "indicator": "deception"}]}
            ]
        });
        let explained = explain(&breakdown).unwrap();
        assert_eq!(explained.model, "fairhire-scoring-2");
        let inherent = explained.inherent.unwrap();
        assert_eq!(inherent.band, RiskBand::High);
        assert_eq!(
            (inherent.country.as_str(), inherent.sector.as_str()),
            ("TH", "seafood_processing")
        );
        assert_eq!(inherent.origins, ["MM"]);
        assert_eq!(explained.floors.len(), 2);
        assert_eq!(
            explained.floors[0].kind,
            FloorKind::IloIndicators,
            "highest first"
        );
        assert_eq!(explained.floors[0].indicators, ["deception", "isolation"]);
        assert_eq!(
            explained.floors[0].findings,
            ["Workers confined", "Contract changed"]
        );
        assert!(explained.floors[0].raised_band);
        assert_eq!(explained.floors[1].kind, FloorKind::HighInherentRisk);
    }

    #[test]
    fn a_model_1_breakdown_keeps_its_one_floor_and_its_label() {
        let breakdown = json!({
            "components": {"inherent": {"value": 20.0, "country": "MX", "sector": "agriculture"}},
            "floor": {"applied": "critical", "raised_band": true, "findings": [{"title": "Passports held"}]}
        });
        let explained = explain(&breakdown).unwrap();
        assert_eq!(explained.model, "fairhire-scoring-1");
        assert_eq!(explained.inherent.unwrap().band, RiskBand::Low);
        assert_eq!(explained.floors[0].kind, FloorKind::ZeroTolerance);
        assert_eq!(explained.floors[0].findings, ["Passports held"]);
        assert_eq!(explain(&Value::Null), None);
    }
}
