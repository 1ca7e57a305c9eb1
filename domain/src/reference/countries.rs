//! Inherent country risk, computed from public-domain US-government sources
//! (`domain/data/country-risk.csv`; formula, sources and licences in
//! `domain/data/README.md`). The file holds only the inputs, each with the edition
//! and address it was taken from, and the formula lives here, so a published figure
//! and the way it was computed cannot drift apart.
//!
//! A newer edition can replace the shipped table without a release: the start-up
//! reads a file of the same shape ([`load_file`]) and [`install`]s it before the
//! table is first used.

mod table;

use std::{path::Path, sync::OnceLock};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use table::{TableError, parse_table};

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

    /// The value the table file uses (`1`, `2`, `2WL`, `3`, `special`).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "1" => Some(Self::One),
            "2" => Some(Self::Two),
            "2WL" => Some(Self::TwoWatchList),
            "3" => Some(Self::Three),
            "special" => Some(Self::SpecialCase),
            _ => None,
        }
    }
}

/// Where a published figure was taken from: the edition's year and its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Year of the edition (the TIP Report's or the ILAB List's).
    pub year: u16,
    /// Address of the edition's page.
    pub url: String,
}

/// A country's tier in one TIP Report, with where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TipPlacement {
    /// The tier (or Special Case).
    pub tier: TipTier,
    /// The edition.
    pub cited: Citation,
}

/// A country's goods on one edition of the ILAB List of Goods, with where they were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoodsListing {
    /// Goods listed for forced labour.
    pub forced_labour: u32,
    /// Goods listed for child labour (a good listed for both counts in both).
    pub child_labour: u32,
    /// The edition.
    pub cited: Citation,
}

/// The published figures a country's risk is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRiskInputs {
    /// TIP Report placement; `None` when the table records none.
    pub tip: Option<TipPlacement>,
    /// ILAB List of Goods counts; `None` when the table records none.
    pub goods: Option<GoodsListing>,
}

impl CountryRiskInputs {
    /// The TIP tier, if recorded.
    pub fn tip_tier(&self) -> Option<TipTier> {
        self.tip.as_ref().map(|t| t.tier)
    }

    /// Goods listed for forced labour, if recorded.
    pub fn forced_labour_goods(&self) -> Option<u32> {
        self.goods.as_ref().map(|g| g.forced_labour)
    }

    /// Goods listed for child labour, if recorded.
    pub fn child_labour_goods(&self) -> Option<u32> {
        self.goods.as_ref().map(|g| g.child_labour)
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

impl CountryRisk {
    fn new(code: CountryCode, inputs: CountryRiskInputs) -> Self {
        Self {
            code,
            name: code.name(),
            risk: risk_from(&inputs),
            sources: sources_of(&inputs),
            inputs,
        }
    }
}

/// Points for the TIP tier. Tiers rate a government's response, not prevalence, so
/// they are a floor more than a measure. A Special Case is a country whose
/// government cannot be assessed at all (conflict, no functioning state), which is
/// no reassurance: it scores as Tier 3. A country the table records no tier for is
/// unknown, and an unknown is not zero risk.
fn tier_points(tier: Option<TipTier>) -> u32 {
    match tier {
        Some(TipTier::One) => 5,
        Some(TipTier::Two) => 25,
        Some(TipTier::TwoWatchList) => 45,
        Some(TipTier::Three | TipTier::SpecialCase) => 70,
        None => 35,
    }
}

/// The formula: `min(100, tier points + 6 × forced-labour goods + 3 × child-labour
/// goods)`. Forced-labour goods count double because forced labour is what the
/// platform screens for; goods not recorded add nothing.
pub fn risk_from(inputs: &CountryRiskInputs) -> Decimal {
    let goods = 6 * inputs.forced_labour_goods().unwrap_or(0) + 3 * inputs.child_labour_goods().unwrap_or(0);
    Decimal::from((tier_points(inputs.tip_tier()) + goods).min(100))
}

fn sources_of(inputs: &CountryRiskInputs) -> Vec<String> {
    let tip = "US Department of State, Trafficking in Persons Report";
    let lgf = "US Department of Labor (ILAB), List of Goods Produced by Child Labor or Forced Labor";
    let tier = match &inputs.tip {
        Some(TipPlacement { tier, cited }) => {
            format!("{tip} {}: {} ({})", cited.year, tier.label(), cited.url)
        }
        None => format!("{tip}: no tier recorded in Fairhire's table; scored as unknown"),
    };
    let goods = match &inputs.goods {
        Some(GoodsListing {
            forced_labour,
            child_labour,
            cited,
        }) => format!(
            "{lgf}, {}: {forced_labour} good(s) listed for forced labour, {child_labour} for child labour ({})",
            cited.year, cited.url
        ),
        None => format!("{lgf}: goods not recorded in Fairhire's table; no points added"),
    };
    vec![tier, goods]
}

/// The table shipped with the binary (checked by the tests below).
const SHIPPED: &str = include_str!("../../data/country-risk.csv");

static TABLE: OnceLock<Vec<CountryRisk>> = OnceLock::new();

/// Every country, by code: the installed table, else the shipped one.
pub fn all() -> &'static [CountryRisk] {
    // The shipped file is compiled in and checked by the tests; an empty table is
    // the visible failure if that was skipped.
    TABLE.get_or_init(|| parse_table(SHIPPED).unwrap_or_default())
}

/// Reads and checks a table file of the shipped shape (for
/// `FAIRHIRE_COUNTRY_RISK_FILE`). The error names the row at fault.
pub fn load_file(path: &Path) -> Result<Vec<CountryRisk>, TableError> {
    let text = std::fs::read_to_string(path).map_err(|e| TableError::file(format!("cannot read it: {e}")))?;
    parse_table(&text)
}

/// Makes `table` the one every later lookup uses. Only before the first lookup:
/// once a figure has been served, changing the table would make two answers of one
/// process disagree, so a late call is refused.
pub fn install(table: Vec<CountryRisk>) -> Result<(), &'static str> {
    TABLE
        .set(table)
        .map_err(|_| "the country table was already in use; install it at start-up")
}

#[cfg(test)]
mod tests;
