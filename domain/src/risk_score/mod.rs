//! The scoring engine (questionnaire-format.md, "Scoring"), as pure functions:
//! a definition, answers and the risk inputs in; a score, a band, the red flags
//! raised and a breakdown a person can read out. No database, no clock: the same
//! input always gives the same result.

mod answer_risk;
mod breakdown;
mod engine;
mod flags;
#[cfg(test)]
mod tests;

pub use answer_risk::answer_risk;
pub use engine::{FeeRiskInput, InherentRisk, OtherOpenFindings, Score, ScoringInput, score};
pub use flags::{RaisedFlag, raised_flags};

/// Named in every breakdown and report, so a score can be traced to its rules.
pub const SCORING_MODEL_VERSION: &str = "fairhire-scoring-1";
