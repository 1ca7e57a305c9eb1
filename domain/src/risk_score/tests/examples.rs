use serde_json::json;

use super::*;
use crate::{
    questionnaire::Severity,
    risk_score::{FindingSource, OpenFinding},
    values::RiskBand,
};

fn other(severity: Severity, zero_tolerance: bool) -> OpenFinding {
    OpenFinding {
        source: FindingSource::FeeAudit,
        indicator: "recruitment_fees".into(),
        severity,
        zero_tolerance,
        title: "From the fee audit".into(),
    }
}

/// fees (weight 5: no 0 / unknown 60 / yes 100, flag yes → priority + ZT),
/// follow-up shown if fees = yes (weight 2: yes 0 / no 100),
/// hours (weight 3: <60 → 0, 60–72 → 60, ≥72 → 100; flag ≥72 major, ≥84 priority),
/// channels multi-choice (weight 2, optional: bank 0 / cash 40 / agency 90),
/// a text question (never scored).
fn definition() -> Definition {
    serde_json::from_value(json!({
        "key": "t", "version": 1, "title": {"en": "T"}, "default_locale": "en",
        "sections": [{"key": "s", "title": {"en": "S"}, "questions": [
            {"key": "fees", "type": "single_choice", "required": true, "text": {"en": "Fees?"},
             "indicators": ["recruitment_fees", "debt_bondage"], "weight": 5,
             "options": [{"value": "no", "label": {"en": "No"}, "risk": 0},
                         {"value": "unknown", "label": {"en": "?"}, "risk": 60},
                         {"value": "yes", "label": {"en": "Yes"}, "risk": 100}],
             "red_flag": {"when": ["yes"], "severity": "priority", "zero_tolerance": true,
                          "finding": {"en": "Workers paid fees", "es": "Trabajadores pagaron comisiones"}}},
            {"key": "repaid", "type": "yes_no", "required": true, "text": {"en": "Repaid?"},
             "indicators": ["access_to_remedy"], "weight": 2,
             "options": [{"value": "yes", "label": {"en": "Yes"}, "risk": 0}, {"value": "no", "label": {"en": "No"}, "risk": 100}],
             "show_if": {"question": "fees", "equals": "yes"}},
            {"key": "hours", "type": "number", "required": true, "text": {"en": "Hours"},
             "indicators": ["excessive_overtime"], "weight": 3,
             "risk_ranges": [{"max": 60, "risk": 0}, {"min": 60, "max": 72, "risk": 60}, {"min": 72, "risk": 100}],
             "red_flag": [{"min": 72, "max": 84, "severity": "major", "finding": {"en": "Hours above 72"}},
                          {"min": 84, "severity": "priority", "finding": {"en": "Hours above 84"}}]},
            {"key": "channels", "type": "multi_choice", "required": false, "text": {"en": "Pay"},
             "indicators": ["withholding_of_wages"], "weight": 2,
             "options": [{"value": "bank", "label": {"en": "Bank"}, "risk": 0},
                         {"value": "cash", "label": {"en": "Cash"}, "risk": 40},
                         {"value": "agency", "label": {"en": "Agency"}, "risk": 90}]},
            {"key": "notes", "type": "text", "required": false, "text": {"en": "Notes"}}
        ]}]
    }))
    .unwrap()
}

#[test]
fn without_fee_audit_and_an_optional_question_left_out() {
    // fees unknown (60×5=300), hours 65 → 60 (×3=180); channels unanswered, notes unscored.
    // P = (300+180)/(5+3) = 60; I = max(40, 20) = 40; S = 0.7×60 + 0.3×40 = 54 → high.
    let s = run(
        &definition(),
        &answers(json!({"fees": "unknown", "hours": 65, "notes": "x"})),
        inherent("40", "20"),
        None,
    );
    assert_eq!(s.practice, d("60"));
    assert_eq!(s.inherent, d("40"));
    assert_eq!(s.fee, None);
    assert_eq!(s.score, d("54.0"));
    assert_eq!(s.band, RiskBand::High);
    assert!(s.flags.is_empty());
    assert_eq!(s.breakdown["unscored_answered"], json!(["notes"]));
    assert_eq!(s.breakdown["questions"].as_array().unwrap().len(), 2);
    assert_eq!(s.breakdown["questions"][0]["points"], json!(300.0));
    assert_eq!(s.breakdown["questions"][0]["share_of_practice"], json!(37.5));
}

#[test]
fn with_fee_audit_the_weights_change_and_f_is_capped() {
    // fees no (0×5), hours 50 → 0 (×3): P = 0. I = 30.
    // F = 100 × 0.5 × min(1, 2.4) + 40 = 90. S = 0.55×0 + 0.25×30 + 0.2×90 = 25.5 → medium.
    let fee = FeeRiskInput {
        share_of_workers_who_paid: d("0.5"),
        median_months_of_wages_among_payers: d("2.4"),
        any_debt_bondage: true,
    };
    let s = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 50})),
        inherent("30", "10"),
        Some(fee),
    );
    assert_eq!(s.fee, Some(d("90")));
    assert_eq!(s.score, d("25.5"));
    assert_eq!(s.band, RiskBand::Medium);
    // Capped: 100 × 1 × 1 + 40 = 140 → 100.
    let fee = FeeRiskInput {
        share_of_workers_who_paid: d("1"),
        median_months_of_wages_among_payers: d("3"),
        any_debt_bondage: true,
    };
    let s = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 50})),
        inherent("0", "0"),
        Some(fee),
    );
    assert_eq!(s.fee, Some(d("100")));
    assert_eq!(s.score, d("20.0"));
}

#[test]
fn a_paid_fee_is_priority_never_zero_tolerance() {
    // fees yes (100×5=500), repaid yes (0×2) shown, hours 40 (0×3): P = 500/10 = 50.
    // S = 0.7×50 + 0.3×0 = 35 → medium before floors. The definition marks the flag
    // zero tolerance, but a worker who paid a fee is a priority finding on
    // recruitment_fees (model 2, "One severity for one fact"): high, not critical.
    let s = run(
        &definition(),
        &answers(json!({"fees": "yes", "repaid": "yes", "hours": 40})),
        inherent("0", "0"),
        None,
    );
    assert_eq!(s.score, d("35.0"));
    assert_eq!(s.band_before_floors, RiskBand::Medium);
    assert_eq!(s.flags.len(), 1);
    assert_eq!(
        s.flags[0].title, "Trabajadores pagaron comisiones",
        "the locale's title"
    );
    assert_eq!(s.flags[0].indicator, "recruitment_fees", "the first indicator");
    assert!(!s.flags[0].zero_tolerance);
    assert_eq!(s.band, RiskBand::High);
    assert_eq!(s.breakdown["floor"]["applied"], "high");
}

#[test]
fn a_priority_flag_floors_at_high_and_other_findings_count_too() {
    // hours 90 → risk 100 (×3) and the priority flag; fees no: P = 300/8 = 37.5.
    // S = 0.7×37.5 = 26.25 → 26.3 (half away from zero) → medium → floor high.
    let s = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 90})),
        inherent("0", "0"),
        None,
    );
    assert_eq!(s.score, d("26.3"));
    assert_eq!(s.band, RiskBand::High);
    assert_eq!(s.flags.len(), 1);
    assert_eq!(
        s.flags[0].title, "Hours above 84",
        "falls back to the default locale"
    );
    // No flag here, but an open priority finding from the fee audit.
    let definition = definition();
    let answers = answers(json!({"fees": "no", "hours": 10}));
    let s = score(&ScoringInput {
        definition: &definition,
        answers: &answers,
        locale: "en",
        inherent: inherent("0", "0"),
        fee: None,
        other_open: vec![other(Severity::Priority, false)],
        closed_red_flags: Vec::new(),
    });
    assert_eq!(s.score, d("0.0"));
    assert_eq!(s.band, RiskBand::High);
}

#[test]
fn hidden_questions_are_left_out_and_raise_nothing() {
    // "repaid" is hidden (fees = no): its answer is ignored.
    let with_hidden = run(
        &definition(),
        &answers(json!({"fees": "no", "repaid": "no", "hours": 40})),
        inherent("0", "0"),
        None,
    );
    let without = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 40})),
        inherent("0", "0"),
        None,
    );
    assert_eq!(with_hidden.score, without.score);
    assert_eq!(with_hidden.breakdown["questions"], without.breakdown["questions"]);
}

#[test]
fn multi_choice_takes_the_highest_risk() {
    // channels [bank, agency] → 90 (×2 = 180); fees no (0×5); hours 40 (0×3): P = 180/10 = 18.
    let s = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 40, "channels": ["bank", "agency"]})),
        inherent("0", "0"),
        None,
    );
    assert_eq!(s.practice, d("18"));
    assert_eq!(s.score, d("12.6"));
}

#[test]
fn number_ranges_at_their_bounds() {
    // 60 is in [60, 72) → 60; 72 is in [72, ∞) → 100 and raises the major flag.
    let at_60 = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 60})),
        inherent("0", "0"),
        None,
    );
    assert_eq!(at_60.practice, d("22.5")); // 180 / 8
    let at_72 = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 72})),
        inherent("0", "0"),
        None,
    );
    assert_eq!(at_72.practice, d("37.5")); // 300 / 8
    assert_eq!(at_72.flags.len(), 1);
    assert_eq!(at_72.band, RiskBand::Medium, "a major flag sets no floor");
    let below = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 59.99})),
        inherent("0", "0"),
        None,
    );
    assert_eq!(below.practice, d("0"));
}

#[test]
fn nothing_answered_is_zero() {
    let s = run(&definition(), &Answers::new(), inherent("0", "0"), None);
    assert_eq!(s.practice, d("0"));
    assert_eq!(s.score, d("0.0"));
    assert_eq!(s.band, RiskBand::Low);
}

#[test]
fn the_inherent_risk_is_the_higher_of_country_and_sector() {
    let s = run(
        &definition(),
        &answers(json!({"fees": "no", "hours": 10})),
        inherent("35", "80"),
        None,
    );
    assert_eq!(s.inherent, d("80"));
    assert_eq!(s.score, d("24.0"));
    assert_eq!(s.band_before_floors, RiskBand::Low);
    // Model 2: I ≥ 70 makes it at least medium.
    assert_eq!(s.band, RiskBand::Medium);
}

#[test]
fn an_open_zero_tolerance_finding_elsewhere_makes_it_critical_and_says_so() {
    let definition = definition();
    let answers = answers(json!({"fees": "no", "hours": 10}));
    let s = score(&ScoringInput {
        definition: &definition,
        answers: &answers,
        locale: "en",
        inherent: inherent("90", "0"),
        fee: None,
        other_open: vec![OpenFinding {
            indicator: "debt_bondage".into(),
            ..other(Severity::Priority, true)
        }],
        closed_red_flags: Vec::new(),
    });
    // S = 0.3 × 90 = 27 → medium; the fee audit's zero-tolerance finding → critical.
    assert_eq!(s.score, d("27.0"));
    assert_eq!(s.band, RiskBand::Critical);
    assert_eq!(s.breakdown["floor"]["applied"], "critical");
    assert_eq!(s.breakdown["floor"]["raised_band"], true);
}

#[test]
fn a_floor_that_changes_nothing_is_still_reported() {
    // fees yes (100×5) and hours 90 (100×3): P = 100, S = 70 + 30 = 100 → critical already.
    let s = run(
        &definition(),
        &answers(json!({"fees": "yes", "repaid": "no", "hours": 90})),
        inherent("100", "0"),
        None,
    );
    assert_eq!(s.band_before_floors, RiskBand::Critical);
    assert_eq!(s.breakdown["floor"]["applied"], "high");
    assert_eq!(s.breakdown["floor"]["raised_band"], false);
    assert_eq!(
        s.breakdown["floors"].as_array().unwrap().len(),
        3,
        "inherent risk, ILO indicator and priority"
    );
}
