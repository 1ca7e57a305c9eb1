//! Reference data shipped with the binary: countries and sectors with their inherent
//! risk and sources, and the indicator keys with their names in en, es and fr.
//! Each table is a file in `domain/data/` (see its README for sources and licences),
//! compiled in and parsed once.

pub mod countries;
pub mod country_names;
pub mod indicators;
pub mod names;
pub mod sectors;

pub use countries::{
    Citation, CountryRisk, CountryRiskInputs, GoodsListing, TableError, TipPlacement, TipTier,
};
pub use country_names::country_name;
pub use indicators::{Indicator, IndicatorFamily};
pub use names::Names;
pub use sectors::Sector;

use crate::values::CountryCode;

/// Every indicator key with its family and names.
pub fn indicators() -> &'static [Indicator] {
    indicators::all()
}

/// Whether `key` is an indicator a question or finding may name.
pub fn is_indicator(key: &str) -> bool {
    indicators::is_known(key)
}

/// Every ISO 3166-1 country with its inherent risk, sources and inputs.
pub fn countries() -> &'static [CountryRisk] {
    countries::all()
}

/// One country's inherent risk.
pub fn country(code: &CountryCode) -> Option<&'static CountryRisk> {
    countries::all().iter().find(|c| c.code == *code)
}

/// Every sector with its inherent risk.
pub fn sectors() -> &'static [Sector] {
    sectors::all()
}

/// The sector with this key.
pub fn sector(key: &str) -> Option<&'static Sector> {
    sectors::all().iter().find(|s| s.key == key)
}
