use std::fmt;

use rust_decimal::Decimal;

/// The risk band of a score (questionnaire-format.md, "Band"):
/// `low` < 25 ≤ `medium` < 50 ≤ `high` < 75 ≤ `critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskBand {
    /// Below 25.
    Low,
    /// 25 to below 50.
    Medium,
    /// 50 to below 75.
    High,
    /// 75 and above.
    Critical,
}

impl RiskBand {
    /// The band a score falls in.
    pub fn from_score(score: Decimal) -> Self {
        if score >= Decimal::from(75) {
            Self::Critical
        } else if score >= Decimal::from(50) {
            Self::High
        } else if score >= Decimal::from(25) {
            Self::Medium
        } else {
            Self::Low
        }
    }

    /// Parses the stored name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "low" => Some(Self::Low),
            "medium" => Some(Self::Medium),
            "high" => Some(Self::High),
            "critical" => Some(Self::Critical),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }
}

impl fmt::Display for RiskBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_belong_to_the_higher_band() {
        let band = |s: &str| RiskBand::from_score(s.parse().unwrap_or_default());
        assert_eq!(band("24.9"), RiskBand::Low);
        assert_eq!(band("25"), RiskBand::Medium);
        assert_eq!(band("49.9"), RiskBand::Medium);
        assert_eq!(band("50"), RiskBand::High);
        assert_eq!(band("75"), RiskBand::Critical);
        assert!(RiskBand::Critical > RiskBand::High);
    }
}
