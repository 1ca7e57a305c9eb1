//! The scoring engine (questionnaire-format.md, "Scoring"): pure functions from a
//! definition, answers and risk inputs to a score, a band, a breakdown and red-flag findings.
