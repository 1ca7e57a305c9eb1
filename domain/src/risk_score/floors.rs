//! The floors of scoring model 2: rules that raise the band, never the score.
//! Each reads the supplier's open findings from every source (this assessment's
//! red flags, the latest fee audit, confirmed worker-voice cases, findings added
//! by hand) or the inherent risk. The highest floor wins; every floor that
//! applied is kept, with the findings and indicators behind it, so a person can
//! see why the band is what it is.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::{
    questionnaire::Severity,
    reference::{self, IndicatorFamily},
    values::RiskBand,
};

/// Where an open finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingSource {
    /// A red flag of the assessment being scored.
    RedFlag,
    /// The supplier's latest fee audit.
    FeeAudit,
    /// A confirmed worker-voice case.
    WorkerVoice,
    /// Added by hand by an advisor or officer.
    Manual,
    /// A confirmed hit on a public forced-labour list.
    Screening,
    /// A contradiction between the worker pulse and the questionnaire, once a
    /// person confirmed it (unconfirmed, it is a signal, not evidence).
    WorkerPulse,
}

/// An open finding of the supplier, as the floors read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenFinding {
    /// Where it comes from.
    pub source: FindingSource,
    /// Its indicator key.
    pub indicator: String,
    /// `priority`, `major` or `minor`.
    pub severity: Severity,
    /// No score can offset it.
    pub zero_tolerance: bool,
    /// Its title (for the breakdown).
    pub title: String,
}

/// Which rule a floor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FloorRule {
    /// `I ≥ 70` → at least medium.
    HighInherentRisk,
    /// `K` distinct ILO forced-labour indicators among open major or priority
    /// findings: 1 → medium, 2 → high, 3 or more → critical.
    IloIndicators,
    /// An open priority finding → at least high.
    PriorityFinding,
    /// An open zero-tolerance finding → critical.
    ZeroTolerance,
}

/// A floor that applied (whether or not it raised the band).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedFloor {
    /// The rule.
    pub rule: FloorRule,
    /// The lowest band it allows.
    pub band: RiskBand,
    /// Why, in words.
    pub reason: String,
    /// The indicators behind it (ILO rule), distinct and sorted.
    pub indicators: Vec<String>,
    /// The findings behind it.
    pub findings: Vec<OpenFinding>,
}

/// The inherent risk from which a self-assessment alone can no longer make the
/// context `low`.
pub const HIGH_INHERENT_RISK: Decimal = Decimal::from_parts(70, 0, 0, false, 0);

/// Whether `key` is one of the eleven ILO forced-labour indicators.
pub fn is_ilo_forced_labour_indicator(key: &str) -> bool {
    reference::indicators()
        .iter()
        .any(|i| i.key == key && i.family == IndicatorFamily::IloForcedLabour)
}

/// The indicator of the fair-recruitment principle "employer pays".
pub const RECRUITMENT_FEES: &str = "recruitment_fees";

/// One severity for one fact, whatever the source: a worker who paid a fee or
/// related cost is a `priority` finding on `recruitment_fees`, never zero
/// tolerance (it is remedied by repayment). Zero tolerance stays for the facts no
/// repayment undoes (documents retained, deposits, deductions, wages held, contract
/// substitution, forced or child labour, violence), which have their own indicators.
pub fn is_zero_tolerance(indicator: &str, declared_zero_tolerance: bool) -> bool {
    declared_zero_tolerance && indicator != RECRUITMENT_FEES
}

/// Every floor that applies to an inherent risk `inherent` and these open findings.
pub fn applied_floors(inherent: Decimal, open: &[OpenFinding]) -> Vec<AppliedFloor> {
    let mut floors = Vec::new();
    if inherent >= HIGH_INHERENT_RISK {
        floors.push(AppliedFloor {
            rule: FloorRule::HighInherentRisk,
            band: RiskBand::Medium,
            reason: format!(
                "the inherent risk is {} (70 or more): a self-assessment alone never makes a high-risk context low",
                inherent.normalize()
            ),
            indicators: Vec::new(),
            findings: Vec::new(),
        });
    }
    let ilo: Vec<&OpenFinding> = open
        .iter()
        .filter(|f| f.severity >= Severity::Major && is_ilo_forced_labour_indicator(&f.indicator))
        .collect();
    let indicators: BTreeSet<&str> = ilo.iter().map(|f| f.indicator.as_str()).collect();
    let k = indicators.len();
    if k > 0 {
        let band = match k {
            1 => RiskBand::Medium,
            2 => RiskBand::High,
            _ => RiskBand::Critical,
        };
        floors.push(AppliedFloor {
            rule: FloorRule::IloIndicators,
            band,
            reason: format!(
                "{k} distinct ILO forced-labour indicator(s) among open major or priority findings: \
                 the ILO reads forced labour from combinations of indicators, not from an average"
            ),
            indicators: indicators.iter().map(|i| (*i).to_string()).collect(),
            findings: ilo.into_iter().cloned().collect(),
        });
    }
    let priority: Vec<OpenFinding> = open
        .iter()
        .filter(|f| f.severity == Severity::Priority)
        .cloned()
        .collect();
    if !priority.is_empty() {
        floors.push(AppliedFloor {
            rule: FloorRule::PriorityFinding,
            band: RiskBand::High,
            reason: "an open priority finding makes the band at least high".into(),
            indicators: Vec::new(),
            findings: priority,
        });
    }
    let zero: Vec<OpenFinding> = open.iter().filter(|f| f.zero_tolerance).cloned().collect();
    if !zero.is_empty() {
        floors.push(AppliedFloor {
            rule: FloorRule::ZeroTolerance,
            band: RiskBand::Critical,
            reason: "an open zero-tolerance finding makes the band critical, whatever the score".into(),
            indicators: Vec::new(),
            findings: zero,
        });
    }
    floors
}

/// The band after the floors: the band of the score, raised to the highest floor.
pub fn band_after_floors(band_before_floors: RiskBand, floors: &[AppliedFloor]) -> RiskBand {
    floors
        .iter()
        .map(|f| f.band)
        .fold(band_before_floors, RiskBand::max)
}
