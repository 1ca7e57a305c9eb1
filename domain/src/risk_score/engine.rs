//! Practice risk, inherent risk, fee risk, the combined score and its band with
//! the floors — each rule exactly as questionnaire-format.md states it for scoring
//! model 2 (`fairhire-scoring-2`), in exact decimal arithmetic, rounding only the
//! final score.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{
    answer_risk::answer_risk,
    breakdown::{self, ContributingQuestion},
    flags::{RaisedFlag, raised_flags},
    floors::{
        AppliedFloor, FindingSource, OpenFinding, applied_floors, band_after_floors, is_zero_tolerance,
    },
    origins::{WorkerOrigin, origin_risk},
};
use crate::{
    questionnaire::{
        Definition, Severity,
        visibility::{Answers, is_asked},
    },
    values::RiskBand,
};

/// Country and sector risk of the supplier (reference or the company's override).
#[derive(Debug, Clone, PartialEq)]
pub struct InherentRisk {
    /// Country code.
    pub country: String,
    /// Its risk 0–100.
    pub country_risk: Decimal,
    /// Whether it is the company's override.
    pub country_overridden: bool,
    /// Sector key.
    pub sector: String,
    /// Its risk 0–100.
    pub sector_risk: Decimal,
    /// Whether it is the company's override.
    pub sector_overridden: bool,
    /// Where the workers come from (empty when unknown), each with its country risk.
    pub origins: Vec<WorkerOrigin>,
}

/// From the supplier's latest fee audit (fee-audit.md, "Summary").
#[derive(Debug, Clone, PartialEq)]
pub struct FeeRiskInput {
    /// Workers who paid ÷ workers.
    pub share_of_workers_who_paid: Decimal,
    /// Median months of wages among those who paid.
    pub median_months_of_wages_among_payers: Decimal,
    /// Any worker at risk of debt bondage.
    pub any_debt_bondage: bool,
}

/// Everything a score depends on.
#[derive(Debug, Clone)]
pub struct ScoringInput<'a> {
    /// The questionnaire.
    pub definition: &'a Definition,
    /// The answers.
    pub answers: &'a Answers,
    /// The assessment's locale (finding titles).
    pub locale: &'a str,
    /// Country and sector risk.
    pub inherent: InherentRisk,
    /// `None` without a fee audit.
    pub fee: Option<FeeRiskInput>,
    /// The supplier's open findings from the other sources (latest fee audit,
    /// confirmed worker-voice cases, by hand); this assessment's red flags are
    /// raised from the answers.
    pub other_open: Vec<OpenFinding>,
    /// Red flags of this assessment whose finding was closed (question key and
    /// severity): the answer still raises them, but they are no longer open.
    pub closed_red_flags: Vec<(String, Severity)>,
}

/// The result.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Practice risk `P`.
    pub practice: Decimal,
    /// Inherent risk `I`.
    pub inherent: Decimal,
    /// Fee risk `F` (`None` without a fee audit).
    pub fee: Option<Decimal>,
    /// `S`, rounded to one decimal.
    pub score: Decimal,
    /// The band after floors.
    pub band: RiskBand,
    /// The band of the score alone.
    pub band_before_floors: RiskBand,
    /// `origin_risk`, part of `I`.
    pub origin_risk: Decimal,
    /// Every floor that applied.
    pub floors: Vec<AppliedFloor>,
    /// Flags raised by the answers.
    pub flags: Vec<RaisedFlag>,
    /// The explanation, as stored in `score_breakdown`.
    pub breakdown: serde_json::Value,
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

fn practice(definition: &Definition, answers: &Answers) -> (Decimal, Vec<ContributingQuestion>, Vec<String>) {
    let mut weighted = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    let mut contributing = Vec::new();
    let mut unscored = Vec::new();
    for (section, question) in definition.questions() {
        let Some(answer) = answers.get(&question.key) else {
            continue;
        };
        if !is_asked(definition, question, answers) {
            continue;
        }
        let weight = question.weight.unwrap_or_default();
        match answer_risk(question, answer).filter(|_| question.is_scored()) {
            Some(risk) => {
                weighted += weight * risk;
                weights += weight;
                contributing.push(ContributingQuestion {
                    key: question.key.clone(),
                    section: section.key.clone(),
                    answer: answer.clone(),
                    risk,
                    weight,
                });
            }
            None => unscored.push(question.key.clone()),
        }
    }
    // P = 100 × Σ(w·r) / Σ(w·100) = Σ(w·r) / Σ(w).
    let p = if weights.is_zero() {
        Decimal::ZERO
    } else {
        weighted / weights
    };
    (p, contributing, unscored)
}

/// `F = min(100, 100 × share × min(1, median) + 40 × [debt bondage])`.
fn fee_risk(fee: &FeeRiskInput) -> Decimal {
    let months = fee
        .median_months_of_wages_among_payers
        .min(Decimal::ONE)
        .max(Decimal::ZERO);
    let bondage = if fee.any_debt_bondage {
        Decimal::from(40)
    } else {
        Decimal::ZERO
    };
    (HUNDRED * fee.share_of_workers_who_paid * months + bondage).min(HUNDRED)
}

/// Scores an assessment.
pub fn score(input: &ScoringInput<'_>) -> Score {
    let (p, contributing, unscored) = practice(input.definition, input.answers);
    let origin = origin_risk(&input.inherent.country, &input.inherent.origins);
    let i = input
        .inherent
        .country_risk
        .max(input.inherent.sector_risk)
        .max(origin);
    let f = input.fee.as_ref().map(fee_risk);
    let raw = match f {
        Some(f) => Decimal::new(55, 2) * p + Decimal::new(25, 2) * i + Decimal::new(20, 2) * f,
        None => Decimal::new(70, 2) * p + Decimal::new(30, 2) * i,
    };
    let s = raw.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let band_before_floors = RiskBand::from_score(s);
    let flags = raised_flags(input.definition, input.answers, input.locale);
    let open = open_findings(&flags, input);
    let floors = applied_floors(i, &open);
    let band = band_after_floors(band_before_floors, &floors);
    let breakdown = breakdown::build(&breakdown::Parts {
        input,
        practice: p,
        inherent: i,
        fee: f,
        score: s,
        band_before_floors,
        band,
        origin,
        floors: &floors,
        flags: &flags,
        contributing: &contributing,
        unscored: &unscored,
    });
    Score {
        practice: p,
        inherent: i,
        fee: f,
        score: s,
        band,
        band_before_floors,
        origin_risk: origin,
        floors,
        flags,
        breakdown,
    }
}

/// The open findings the floors read: this run's red flags (but those whose
/// finding was closed), then the other sources.
fn open_findings(flags: &[RaisedFlag], input: &ScoringInput<'_>) -> Vec<OpenFinding> {
    let closed = |flag: &RaisedFlag| {
        input
            .closed_red_flags
            .iter()
            .any(|(key, severity)| *key == flag.question_key && *severity == flag.severity)
    };
    flags
        .iter()
        .filter(|flag| !closed(flag))
        .map(|flag| OpenFinding {
            source: FindingSource::RedFlag,
            indicator: flag.indicator.clone(),
            severity: flag.severity,
            zero_tolerance: flag.zero_tolerance,
            title: flag.title.clone(),
        })
        .chain(input.other_open.iter().map(|f| OpenFinding {
            zero_tolerance: is_zero_tolerance(&f.indicator, f.zero_tolerance),
            ..f.clone()
        }))
        .collect()
}
