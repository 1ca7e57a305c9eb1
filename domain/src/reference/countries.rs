//! Inherent country risk, computed from public-domain US-government sources
//! (`domain/data/country-risk.csv`; formula and licences in `domain/data/README.md`).
//! The file holds only the inputs and the formula lives here, so a published figure
//! and the way it was computed cannot drift apart.

use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::values::CountryCode;

/// A country's tier in the US State Department's Trafficking in Persons Report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TipTier {
    /// Tier 1: the government fully meets the TVPA minimum standards.
    #[serde(rename = "1")]
    One,
    /// Tier 2: significant efforts, standards not fully met.
    #[serde(rename = "2")]
    Two,
    /// Tier 2 Watch List.
    #[serde(rename = "2WL")]
    TwoWatchList,
    /// Tier 3: standards not met and no significant efforts.
    #[serde(rename = "3")]
    Three,
    /// Special case (no tier; the government's response cannot be assessed).
    #[serde(rename = "special")]
    SpecialCase,
}

impl TipTier {
    /// How the report names the tier.
    pub fn label(self) -> &'static str {
        match self {
            Self::One => "Tier 1",
            Self::Two => "Tier 2",
            Self::TwoWatchList => "Tier 2 Watch List",
            Self::Three => "Tier 3",
            Self::SpecialCase => "Special Case",
        }
    }
}

/// The published figures a country's risk is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRiskInputs {
    /// TIP Report 2024 tier; `None` when the table records none.
    #[serde(rename = "tip_tier_2024")]
    pub tip_tier: Option<TipTier>,
    /// Goods flagged for forced labour in the ILAB List of Goods, 2024 edition.
    #[serde(rename = "lgf_forced_labour_goods_2024")]
    pub forced_labour_goods: Option<u32>,
    /// Goods flagged for child labour in the ILAB List of Goods, 2024 edition.
    #[serde(rename = "lgf_child_labour_goods_2024")]
    pub child_labour_goods: Option<u32>,
}

/// One row of the CSV (serde's `flatten` cannot read typed CSV fields, hence the copy).
#[derive(Deserialize)]
struct Row {
    code: String,
    tip_tier_2024: Option<TipTier>,
    lgf_forced_labour_goods_2024: Option<u32>,
    lgf_child_labour_goods_2024: Option<u32>,
}

impl Row {
    fn inputs(&self) -> CountryRiskInputs {
        CountryRiskInputs {
            tip_tier: self.tip_tier_2024,
            forced_labour_goods: self.lgf_forced_labour_goods_2024,
            child_labour_goods: self.lgf_child_labour_goods_2024,
        }
    }
}

/// A country with its inherent risk and what the figure rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryRisk {
    /// ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// English short name (ISO 3166-1).
    pub name: &'static str,
    /// Inherent risk 0–100 ([`risk_from`]).
    pub risk: Decimal,
    /// The editions used, citable in a report.
    pub sources: Vec<String>,
    /// The published figures.
    pub inputs: CountryRiskInputs,
}

/// Points for the TIP tier. Tiers rate a government's response, not prevalence, so
/// they are a floor more than a measure; a country the table records no tier for
/// is treated as unknown, and an unknown is not zero risk.
fn tier_points(tier: Option<TipTier>) -> u32 {
    match tier {
        Some(TipTier::One) => 5,
        Some(TipTier::Two) => 25,
        Some(TipTier::TwoWatchList) => 45,
        Some(TipTier::Three) => 70,
        Some(TipTier::SpecialCase) | None => 35,
    }
}

/// The formula: `min(100, tier points + 6 × forced-labour goods + 3 × child-labour
/// goods)`. Forced-labour goods count double because forced labour is what the
/// platform screens for; an empty goods count adds nothing.
pub fn risk_from(inputs: &CountryRiskInputs) -> Decimal {
    let goods = 6 * inputs.forced_labour_goods.unwrap_or(0) + 3 * inputs.child_labour_goods.unwrap_or(0);
    Decimal::from((tier_points(inputs.tip_tier) + goods).min(100))
}

fn sources_of(inputs: &CountryRiskInputs) -> Vec<String> {
    let tip = "US Department of State, Trafficking in Persons Report 2024";
    let lgf = "US Department of Labor (ILAB), 2024 List of Goods Produced by Child Labor or Forced Labor";
    let tier = match inputs.tip_tier {
        Some(tier) => format!("{tip}: {}", tier.label()),
        None => format!("{tip}: no tier recorded in Fairhire's table; scored as unknown"),
    };
    let goods = match (inputs.forced_labour_goods, inputs.child_labour_goods) {
        (None, None) => format!("{lgf}: goods not recorded in Fairhire's table; no points added"),
        (forced, child) => format!(
            "{lgf}: {} good(s) listed for forced labour, {} for child labour",
            forced.unwrap_or(0),
            child.unwrap_or(0)
        ),
    };
    vec![tier, goods]
}

fn load(csv_text: &str) -> Vec<CountryRisk> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize::<Row>()
        // A bad row is left out; the tests below require every ISO country.
        .filter_map(Result::ok)
        .filter_map(|row| {
            let code = CountryCode::parse(&row.code).ok()?;
            let inputs = row.inputs();
            Some(CountryRisk {
                code,
                name: code.name(),
                risk: risk_from(&inputs),
                sources: sources_of(&inputs),
                inputs,
            })
        })
        .collect()
}

/// Every country, by code.
pub fn all() -> &'static [CountryRisk] {
    static TABLE: OnceLock<Vec<CountryRisk>> = OnceLock::new();
    TABLE.get_or_init(|| load(include_str!("../../data/country-risk.csv")))
}

#[cfg(test)]
mod tests;
