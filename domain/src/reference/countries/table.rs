//! Parsing the country-risk table (`country-risk.csv` or a newer edition given at
//! start-up). Every row is checked and the first fault is reported with its row, so
//! a bad file stops the start instead of quietly scoring countries as unknown.

use std::collections::BTreeSet;

use super::{Citation, CountryRisk, CountryRiskInputs, GoodsListing, TipPlacement, TipTier};
use crate::values::CountryCode;

/// The columns, in order.
pub const COLUMNS: [&str; 8] = [
    "code",
    "tip_tier",
    "tip_year",
    "tip_source",
    "lgf_forced_labour_goods",
    "lgf_child_labour_goods",
    "lgf_year",
    "lgf_source",
];

/// Why a table cannot be used. `row` is the file's line number (the header is row
/// 1); `None` for a fault of the whole file. Displayed as `row 12: what is wrong`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// The row at fault.
    pub row: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.row {
            Some(row) => write!(f, "row {row}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for TableError {}

impl TableError {
    pub(super) fn file(message: impl Into<String>) -> Self {
        Self {
            row: None,
            message: message.into(),
        }
    }

    fn at(row: usize, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            message: message.into(),
        }
    }
}

/// Parses and checks a whole table: the header, every row, one row per ISO 3166-1
/// country and no other.
pub fn parse_table(text: &str) -> Result<Vec<CountryRisk>, TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| TableError::at(1, format!("unreadable header: {e}")))?;
    if header.iter().ne(COLUMNS) {
        return Err(TableError::at(
            1,
            format!("the columns must be {}", COLUMNS.join(",")),
        ));
    }
    let mut seen = BTreeSet::new();
    let mut table = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = record.map_err(|e| TableError::at(row, format!("unreadable: {e}")))?;
        let country = parse_row(&record).map_err(|m| TableError::at(row, m))?;
        if !seen.insert(country.code) {
            return Err(TableError::at(
                row,
                format!("{} appears a second time", country.code.as_str()),
            ));
        }
        table.push(country);
    }
    let missing: Vec<&str> = CountryCode::all()
        .map(|(code, _)| code)
        .filter(|code| !table.iter().any(|c| c.code.as_str() == *code))
        .collect();
    if !missing.is_empty() {
        return Err(TableError::file(format!(
            "{} ISO 3166-1 countr{} missing (a row with empty columns records none): {}",
            missing.len(),
            if missing.len() == 1 { "y is" } else { "ies are" },
            missing.join(", ")
        )));
    }
    Ok(table)
}

fn parse_row(record: &csv::StringRecord) -> Result<CountryRisk, String> {
    let cell = |i: usize| record.get(i).map(str::trim).filter(|v| !v.is_empty());
    let code = CountryCode::parse(cell(0).unwrap_or_default())?;
    let tip = match (cell(1), cell(2), cell(3)) {
        (None, None, None) => None,
        (Some(tier), year, source) => Some(TipPlacement {
            tier: TipTier::parse(tier).ok_or_else(|| {
                format!("tip_tier '{tier}' must be one of 1, 2, 2WL, 3, special (or empty)")
            })?,
            cited: citation("tip", year, source)?,
        }),
        (None, _, _) => return Err("tip_year and tip_source need a tip_tier".into()),
    };
    let goods = match (cell(4), cell(5), cell(6), cell(7)) {
        (None, None, None, None) => None,
        (Some(forced), Some(child), year, source) => Some(GoodsListing {
            forced_labour: count("lgf_forced_labour_goods", forced)?,
            child_labour: count("lgf_child_labour_goods", child)?,
            cited: citation("lgf", year, source)?,
        }),
        _ => {
            return Err(
                "lgf_forced_labour_goods and lgf_child_labour_goods go together (0 when none is listed), with lgf_year and lgf_source"
                    .into(),
            );
        }
    };
    Ok(CountryRisk::new(code, CountryRiskInputs { tip, goods }))
}

/// A figure without its edition and address cannot be cited, so both are required.
fn citation(prefix: &str, year: Option<&str>, source: Option<&str>) -> Result<Citation, String> {
    let year = year.ok_or_else(|| format!("{prefix}_year is required with a figure"))?;
    let year = year
        .parse::<u16>()
        .ok()
        .filter(|y| (2001..=2100).contains(y))
        .ok_or_else(|| format!("{prefix}_year '{year}' must be a year such as 2025"))?;
    let source = source.ok_or_else(|| format!("{prefix}_source is required with a figure"))?;
    match url::Url::parse(source) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {}
        _ => {
            return Err(format!(
                "{prefix}_source '{source}' must be the http(s) address of the edition"
            ));
        }
    }
    Ok(Citation {
        year,
        url: source.to_string(),
    })
}

fn count(column: &str, raw: &str) -> Result<u32, String> {
    raw.parse::<u32>()
        .ok()
        .filter(|n| *n <= 1000)
        .ok_or_else(|| format!("{column} '{raw}' must be a whole number of goods"))
}
