//! The shape of a questionnaire definition, exactly as questionnaire-format.md
//! ("Shape") gives it. Unknown fields are refused so that a typo in an uploaded
//! definition is reported rather than silently ignored.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A user-facing string in several locales (`{"en": "...", "es": "..."}`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// The text in `locale`, else in `fallback`, else any text there is.
    pub fn get(&self, locale: &str, fallback: &str) -> &str {
        self.0
            .get(locale)
            .or_else(|| self.0.get(fallback))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// A whole questionnaire definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Stable key, e.g. `ethical-recruitment-saq`.
    pub key: String,
    /// Version; a definition once used never changes, an edit is a new version.
    pub version: i32,
    /// Title per locale.
    pub title: LocalizedText,
    /// The locale missing texts fall back to.
    pub default_locale: String,
    /// Sections in order.
    pub sections: Vec<Section>,
}

/// A section of questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Key, unique in the definition.
    pub key: String,
    /// Title per locale.
    pub title: LocalizedText,
    /// Questions in order.
    pub questions: Vec<Question>,
}

/// The kinds of question and the answer each takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    /// `"yes"` / `"no"`.
    YesNo,
    /// One option value.
    SingleChoice,
    /// An array of option values.
    MultiChoice,
    /// A JSON number within `min`/`max`.
    Number,
    /// Free text (never scored).
    Text,
    /// `YYYY-MM-DD` (never scored).
    Date,
    /// The id of an uploaded evidence file (never scored).
    File,
}

/// Severity of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Minor.
    Minor,
    /// Major.
    Major,
    /// Priority (the most severe).
    Priority,
}

impl Severity {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Minor => "minor",
            Self::Major => "major",
            Self::Priority => "priority",
        }
    }
}

/// One answer option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    /// The stored answer value.
    pub value: String,
    /// Label per locale.
    pub label: LocalizedText,
    /// Risk 0–100 when chosen (absent: the option is not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Decimal>,
    /// "We do not know" (scoring model 2): a gate answered with an unknown option
    /// shows its follow-up questions, whatever the gate's `show_if` names.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

/// A risk band of a number question: `min <= x < max`, an absent bound is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberRange {
    /// Inclusive lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Exclusive upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Risk 0–100 for a value in the range.
    pub risk: Decimal,
}

/// When an answer makes a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// Option values that raise the flag (choice and yes/no questions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Vec<String>>,
    /// Numbers: raised when `min <= x`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Numbers: raised when `x < max`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// The finding's severity.
    pub severity: Severity,
    /// Marks issues no score can offset (only with `priority`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub zero_tolerance: bool,
    /// The finding's title per locale.
    pub finding: LocalizedText,
}

/// One red flag or a list of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RedFlags {
    /// A single flag.
    One(Box<RedFlag>),
    /// Several flags (e.g. `major` above 60 hours, `priority` above 84).
    Many(Vec<RedFlag>),
}

impl RedFlags {
    /// The flags as a slice-like list.
    pub fn as_vec(&self) -> Vec<&RedFlag> {
        match self {
            Self::One(flag) => vec![flag.as_ref()],
            Self::Many(flags) => flags.iter().collect(),
        }
    }
}

/// A question is asked only when another question's answer equals a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    /// The key of an earlier question.
    pub question: String,
    /// The answer (option value) that shows this question.
    pub equals: serde_json::Value,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Key, unique in the definition (e.g. `fees.workers_paid_any`).
    pub key: String,
    /// Answer type.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// The question per locale.
    pub text: LocalizedText,
    /// Help text per locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<LocalizedText>,
    /// Whether an answer is needed to submit (when the question is shown).
    #[serde(default)]
    pub required: bool,
    /// Indicator keys; the first names a finding's indicator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    /// Weight in the practice risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    /// Options of choice and yes/no questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<QuestionOption>>,
    /// Unit of a number (display only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Smallest accepted number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Largest accepted number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Risk bands of a number question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_ranges: Option<Vec<NumberRange>>,
    /// Findings raised by answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_flag: Option<RedFlags>,
    /// Asked only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ShowIf>,
}

impl Question {
    /// Whether the question counts in the practice risk: it has option risks or
    /// risk ranges, and a weight above zero (a missing weight counts as zero).
    pub fn is_scored(&self) -> bool {
        let has_risks = self.options.iter().flatten().any(|o| o.risk.is_some())
            || self.risk_ranges.as_ref().is_some_and(|r| !r.is_empty());
        has_risks && self.weight.is_some_and(|w| w > Decimal::ZERO)
    }
}

impl Definition {
    /// Every question in order, with its section.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    /// The question with this key.
    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.key == key)
    }
}
