//! Worked examples with hand-computed scores, and property tests over generated
//! definitions and answers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod examples;
mod model2;
mod properties;
mod shipped;

use rust_decimal::Decimal;

use super::{FeeRiskInput, InherentRisk, OpenFinding, Score, ScoringInput, score};
use crate::questionnaire::{Definition, visibility::Answers};

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn inherent(country: &str, sector: &str) -> InherentRisk {
    InherentRisk {
        country: "NP".into(),
        country_risk: d(country),
        country_overridden: false,
        sector: "construction".into(),
        sector_risk: d(sector),
        sector_overridden: false,
        origins: Vec::new(),
    }
}

fn run(
    definition: &Definition,
    answers: &Answers,
    inherent: InherentRisk,
    fee: Option<FeeRiskInput>,
) -> Score {
    score(&ScoringInput {
        definition,
        answers,
        locale: "es",
        inherent,
        fee,
        other_open: Vec::<OpenFinding>::new(),
        closed_red_flags: Vec::new(),
    })
}

fn answers(pairs: serde_json::Value) -> Answers {
    pairs
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}
