//! Scoring model 2: each floor, one test each (questionnaire-format.md, "Scoring
//! model 2"), the inherent risk with the workers' origins, and what the breakdown
//! says. Every case scores 0 before floors, so the band is the floors' doing.

use serde_json::json;

use super::*;
use crate::{
    questionnaire::Severity,
    risk_score::{FindingSource, SCORING_MODEL_VERSION, WorkerOrigin},
    values::RiskBand,
};

fn definition() -> Definition {
    serde_json::from_value(json!({
        "key": "m2", "version": 1, "title": {"en": "M2"}, "default_locale": "en",
        "sections": [{"key": "s", "title": {"en": "S"}, "questions": [
            {"key": "docs", "type": "single_choice", "required": true, "text": {"en": "Documents held?"},
             "indicators": ["retention_of_identity_documents"], "weight": 1,
             "options": [{"value": "no", "label": {"en": "No"}, "risk": 0},
                         {"value": "yes", "label": {"en": "Yes"}, "risk": 100}],
             "red_flag": {"when": ["yes"], "severity": "priority", "zero_tolerance": true,
                          "finding": {"en": "Documents held"}}}
        ]}]
    }))
    .unwrap()
}

fn finding(indicator: &str, severity: Severity) -> OpenFinding {
    OpenFinding {
        source: FindingSource::Manual,
        indicator: indicator.into(),
        severity,
        zero_tolerance: false,
        title: format!("{indicator} found"),
    }
}

fn with(other_open: Vec<OpenFinding>, inherent: InherentRisk) -> Score {
    let definition = definition();
    let answers = answers(json!({"docs": "no"}));
    score(&ScoringInput {
        definition: &definition,
        answers: &answers,
        locale: "en",
        inherent,
        fee: None,
        other_open,
        closed_red_flags: Vec::new(),
    })
}

fn floor_rules(s: &Score) -> Vec<String> {
    s.breakdown["floors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn nothing_open_in_a_low_risk_context_is_low_and_named_model_2() {
    let s = with(vec![], inherent("0", "0"));
    assert_eq!(s.score, d("0.0"));
    assert_eq!(s.band, RiskBand::Low);
    assert!(s.floors.is_empty());
    assert_eq!(s.breakdown["model_version"], SCORING_MODEL_VERSION);
    assert_eq!(SCORING_MODEL_VERSION, "fairhire-scoring-2");
    assert!(s.breakdown["floor"].is_null());
}

#[test]
fn one_ilo_indicator_makes_it_medium() {
    let s = with(vec![finding("deception", Severity::Major)], inherent("0", "0"));
    assert_eq!(s.band_before_floors, RiskBand::Low);
    assert_eq!(s.band, RiskBand::Medium);
    assert_eq!(floor_rules(&s), ["ilo_indicators"]);
    assert_eq!(s.breakdown["floors"][0]["indicators"], json!(["deception"]));
    assert_eq!(
        s.breakdown["floors"][0]["findings"][0]["title"],
        "deception found"
    );
    assert_eq!(s.breakdown["floors"][0]["raised_band"], true);
}

#[test]
fn two_ilo_indicators_make_it_high() {
    let s = with(
        vec![
            finding("deception", Severity::Major),
            finding("isolation", Severity::Major),
            // The same indicator again is still two indicators.
            finding("isolation", Severity::Major),
        ],
        inherent("0", "0"),
    );
    assert_eq!(s.band, RiskBand::High);
    assert_eq!(
        s.breakdown["floors"][0]["indicators"],
        json!(["deception", "isolation"])
    );
    assert_eq!(s.breakdown["floors"][0]["findings"].as_array().unwrap().len(), 3);
}

#[test]
fn three_ilo_indicators_make_it_critical() {
    let s = with(
        vec![
            finding("deception", Severity::Major),
            finding("isolation", Severity::Major),
            finding("excessive_overtime", Severity::Major),
        ],
        inherent("0", "0"),
    );
    assert_eq!(s.score, d("0.0"), "floors never change the score");
    assert_eq!(s.band, RiskBand::Critical);
}

#[test]
fn eleven_major_ilo_flags_are_critical_however_low_the_average() {
    let eleven = [
        "abuse_of_vulnerability",
        "deception",
        "restriction_of_movement",
        "isolation",
        "physical_sexual_violence",
        "intimidation_threats",
        "retention_of_identity_documents",
        "withholding_of_wages",
        "debt_bondage",
        "abusive_conditions",
        "excessive_overtime",
    ];
    let s = with(
        eleven.iter().map(|i| finding(i, Severity::Major)).collect(),
        inherent("0", "0"),
    );
    assert_eq!(s.band, RiskBand::Critical);
    assert_eq!(
        s.breakdown["floors"][0]["indicators"].as_array().unwrap().len(),
        11
    );
}

#[test]
fn minor_findings_and_fair_recruitment_principles_set_no_floor() {
    let s = with(
        vec![
            finding("transparency_of_terms", Severity::Major),
            finding("recruiter_due_diligence", Severity::Major),
            finding("deception", Severity::Minor),
        ],
        inherent("0", "0"),
    );
    assert_eq!(s.band, RiskBand::Low);
    assert!(s.floors.is_empty());
}

#[test]
fn a_high_inherent_risk_makes_it_at_least_medium() {
    // S = 0.3 × 70 = 21 → low before floors.
    let s = with(vec![], inherent("70", "0"));
    assert_eq!(s.score, d("21.0"));
    assert_eq!(s.band_before_floors, RiskBand::Low);
    assert_eq!(s.band, RiskBand::Medium);
    assert_eq!(floor_rules(&s), ["high_inherent_risk"]);
    // Just under 70: no floor.
    let s = with(vec![], inherent("0", "69.9"));
    assert_eq!(s.band, RiskBand::Low);
}

#[test]
fn any_open_priority_finding_makes_it_at_least_high() {
    let s = with(
        vec![finding("recruitment_fees", Severity::Priority)],
        inherent("0", "0"),
    );
    assert_eq!(s.band, RiskBand::High);
    assert_eq!(floor_rules(&s), ["priority_finding"]);
}

#[test]
fn any_open_zero_tolerance_finding_makes_it_critical_and_every_floor_is_listed() {
    let voice = OpenFinding {
        source: FindingSource::WorkerVoice,
        zero_tolerance: true,
        ..finding("retention_of_identity_documents", Severity::Priority)
    };
    let s = with(vec![voice], inherent("80", "0"));
    assert_eq!(s.band, RiskBand::Critical);
    assert_eq!(
        floor_rules(&s),
        [
            "high_inherent_risk",
            "ilo_indicators",
            "priority_finding",
            "zero_tolerance"
        ]
    );
    assert_eq!(s.breakdown["floor"]["applied"], "critical");
    assert_eq!(s.breakdown["floors"][3]["findings"][0]["source"], "worker_voice");
}

#[test]
fn a_zero_tolerance_fee_finding_is_priority_only() {
    // One severity for one fact: a paid fee, from whatever source, is priority.
    let fee = OpenFinding {
        zero_tolerance: true,
        source: FindingSource::FeeAudit,
        ..finding("recruitment_fees", Severity::Priority)
    };
    let s = with(vec![fee], inherent("0", "0"));
    assert_eq!(s.band, RiskBand::High);
}

#[test]
fn this_assessments_red_flag_counts_unless_its_finding_was_closed() {
    let definition = definition();
    let answers = answers(json!({"docs": "yes"}));
    let input = |closed: Vec<(String, Severity)>| ScoringInput {
        definition: &definition,
        answers: &answers,
        locale: "en",
        inherent: inherent("0", "0"),
        fee: None,
        other_open: Vec::new(),
        closed_red_flags: closed,
    };
    // P = 100, S = 70 → high; the zero-tolerance flag → critical.
    assert_eq!(score(&input(vec![])).band, RiskBand::Critical);
    let closed = score(&input(vec![("docs".into(), Severity::Priority)]));
    assert_eq!(closed.band, RiskBand::High);
    assert!(closed.floors.is_empty());
    assert_eq!(closed.flags.len(), 1, "the answer still raises the flag");
}

#[test]
fn the_riskiest_origin_with_ten_percent_of_the_workers_raises_the_inherent_risk() {
    let mut context = inherent("20", "10");
    context.origins = vec![
        WorkerOrigin {
            country: "MM".into(),
            share: d("0.10"),
            country_risk: d("75"),
        },
        WorkerOrigin {
            country: "KP".into(),
            share: d("0.05"),
            country_risk: d("100"),
        },
        WorkerOrigin {
            country: "NP".into(),
            share: d("0.85"),
            country_risk: d("99"),
        },
    ];
    // The site is NP (see `inherent`): its own workers never count as an origin.
    let s = with(vec![], context);
    assert_eq!(s.origin_risk, d("75"));
    assert_eq!(s.inherent, d("75"));
    assert_eq!(s.band, RiskBand::Medium, "I ≥ 70");
    let inherent = &s.breakdown["components"]["inherent"];
    assert_eq!(inherent["origin_risk"], json!(75.0));
    assert_eq!(
        inherent["origins_counted"],
        json!([{"country": "MM", "share": 0.1, "country_risk": 75.0}])
    );
}
