//! The scoring engine (questionnaire-format.md, "Scoring"), as pure functions:
//! a definition, answers and the risk inputs in; a score, a band, the red flags
//! raised and a breakdown a person can read out. No database, no clock: the same
//! input always gives the same result.

mod answer_risk;
mod breakdown;
mod engine;
pub mod explain;
mod flags;
mod floors;
mod origins;
#[cfg(test)]
mod tests;

pub use answer_risk::answer_risk;
pub use engine::{FeeRiskInput, InherentRisk, Score, ScoringInput, score};
pub use flags::{RaisedFlag, raised_flags};
pub use floors::{
    AppliedFloor, FindingSource, FloorRule, HIGH_INHERENT_RISK, OpenFinding, RECRUITMENT_FEES,
    applied_floors, band_after_floors, is_ilo_forced_labour_indicator, is_zero_tolerance,
};
pub use origins::{
    ORIGIN_SHARE_THRESHOLD, WorkerOrigin, counted_origins, origin_risk, origins_from_declared_and_audited,
    shares_of_workers,
};

/// The model every new scoring uses, named in every breakdown, history row and
/// report, so a score can be traced to its rules.
pub const SCORING_MODEL_VERSION: &str = "fairhire-scoring-2";

/// The first model (questionnaire-format.md, "Scoring"). Results computed with it
/// keep it: a re-score is what moves a supplier to the current model.
pub const SCORING_MODEL_1: &str = "fairhire-scoring-1";

/// The model a stored breakdown was computed with. A breakdown that names none
/// comes from before models were named: model 1.
pub fn breakdown_model(breakdown: Option<&serde_json::Value>) -> &str {
    breakdown
        .and_then(|b| b.get("model_version"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or(SCORING_MODEL_1)
}
