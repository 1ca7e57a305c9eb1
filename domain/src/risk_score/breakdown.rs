//! The `score_breakdown` a person reads: each component with its inputs, the
//! weights used, every answered question that contributed (risk, weight, points
//! and its share of the practice risk), which floor applied and why.

use rust_decimal::{Decimal, RoundingStrategy, prelude::ToPrimitive};
use serde_json::{Value, json};

use super::{
    SCORING_MODEL_VERSION, engine::ScoringInput, flags::RaisedFlag, floors::AppliedFloor,
    origins::counted_origins,
};
use crate::values::RiskBand;

/// One answered, scored question.
#[derive(Debug, Clone)]
pub(crate) struct ContributingQuestion {
    pub key: String,
    pub section: String,
    pub answer: Value,
    pub risk: Decimal,
    pub weight: Decimal,
}

/// What the breakdown is built from.
pub(crate) struct Parts<'a> {
    pub input: &'a ScoringInput<'a>,
    pub practice: Decimal,
    pub inherent: Decimal,
    pub fee: Option<Decimal>,
    pub score: Decimal,
    pub band_before_floors: RiskBand,
    pub band: RiskBand,
    /// `origin_risk`.
    pub origin: Decimal,
    /// Every floor that applies (whether or not it raised the band).
    pub floors: &'a [AppliedFloor],
    pub flags: &'a [RaisedFlag],
    pub contributing: &'a [ContributingQuestion],
    pub unscored: &'a [String],
}

/// A decimal as a JSON number with at most `dp` decimals (display only; the
/// stored score itself is exact).
fn num(value: Decimal, dp: u32) -> Value {
    let rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    json!(rounded.to_f64().unwrap_or_default())
}

pub(crate) fn build(parts: &Parts<'_>) -> Value {
    let input = parts.input;
    let total_weight: Decimal = parts.contributing.iter().map(|q| q.weight).sum();
    let questions: Vec<Value> = parts
        .contributing
        .iter()
        .map(|q| {
            let points = q.weight * q.risk;
            let share = if total_weight.is_zero() {
                Decimal::ZERO
            } else {
                points / total_weight
            };
            json!({
                "key": q.key,
                "section": q.section,
                "answer": q.answer,
                "risk": num(q.risk, 2),
                "weight": num(q.weight, 2),
                "points": num(points, 2),
                "share_of_practice": num(share, 2),
            })
        })
        .collect();
    let weights = match parts.fee {
        Some(_) => json!({"practice": 0.55, "inherent": 0.25, "fee": 0.20}),
        None => json!({"practice": 0.70, "inherent": 0.30}),
    };
    let fee = match (&input.fee, parts.fee) {
        (Some(fee), Some(value)) => json!({
            "value": num(value, 2),
            "share_of_workers_who_paid": num(fee.share_of_workers_who_paid, 4),
            "median_months_of_wages_among_payers": num(fee.median_months_of_wages_among_payers, 2),
            "any_debt_bondage": fee.any_debt_bondage,
        }),
        _ => Value::Null,
    };
    let floors: Vec<Value> = parts
        .floors
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule,
                "applied": f.band,
                "raised_band": f.band > parts.band_before_floors,
                "reason": f.reason,
                "indicators": f.indicators,
                "findings": f.findings,
            })
        })
        .collect();
    // The highest floor, as model 1 stored it (the portal's review page shows it).
    let highest = parts.floors.iter().max_by_key(|f| f.band).map(|top| {
        json!({
            "applied": top.band,
            "raised_band": top.band > parts.band_before_floors,
            "reason": top.reason,
            "rule": top.rule,
        })
    });
    let origins: Vec<Value> = counted_origins(&input.inherent.country, &input.inherent.origins)
        .iter()
        .map(|o| json!({"country": o.country, "share": num(o.share, 4), "country_risk": num(o.country_risk, 2)}))
        .collect();
    json!({
        "model_version": SCORING_MODEL_VERSION,
        "score": num(parts.score, 1),
        "band_before_floors": parts.band_before_floors,
        "band": parts.band,
        "floor": highest,
        "floors": floors,
        "weights": weights,
        "components": {
            "practice": {"value": num(parts.practice, 2), "questions_scored": parts.contributing.len()},
            "inherent": {
                "value": num(parts.inherent, 2),
                "country": input.inherent.country,
                "country_risk": num(input.inherent.country_risk, 2),
                "country_overridden": input.inherent.country_overridden,
                "sector": input.inherent.sector,
                "sector_risk": num(input.inherent.sector_risk, 2),
                "sector_overridden": input.inherent.sector_overridden,
                "origin_risk": num(parts.origin, 2),
                "origins_counted": origins,
            },
            "fee": fee,
        },
        "questions": questions,
        "unscored_answered": parts.unscored,
        "red_flags": parts.flags.iter().map(|f| json!({
            "question_key": f.question_key,
            "severity": f.severity,
            "zero_tolerance": f.zero_tolerance,
            "indicator": f.indicator,
            "title": f.title,
        })).collect::<Vec<_>>(),
    })
}
