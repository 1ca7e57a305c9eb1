//! The company's USD rates: `rate(c, d)` is the rate of `c` on the latest date on or
//! before `d` (fee-audit.md, "Currency"); USD is always 1. Also the FX-rate upload
//! (`currency,date,usd_per_unit`), checked all-or-nothing.

use std::{
    collections::{BTreeMap, HashMap},
    io::Read,
};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::{Problem, RowError, cells, table::Table};
use crate::values::CurrencyCode;

/// The stored rates of one company, by currency and date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateTable {
    /// Fx-hashed: two look-ups per row of an upload, keyed by a three-letter code.
    by_currency: FxHashMap<CurrencyCode, BTreeMap<NaiveDate, Decimal>>,
}

impl RateTable {
    /// An empty table (only USD converts).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces the rate of `currency` on `date`.
    pub fn insert(&mut self, currency: CurrencyCode, date: NaiveDate, usd_per_unit: Decimal) {
        self.by_currency
            .entry(currency)
            .or_default()
            .insert(date, usd_per_unit);
    }

    /// USD per unit of `currency` on the latest date on or before `date`; `None` when
    /// there is no such rate. USD is 1 whatever is stored.
    pub fn rate(&self, currency: CurrencyCode, date: NaiveDate) -> Option<Decimal> {
        if currency == CurrencyCode::USD {
            return Some(Decimal::ONE);
        }
        self.by_currency
            .get(&currency)?
            .range(..=date)
            .next_back()
            .map(|(_, rate)| *rate)
    }

    /// The rate, or the row error an upload shows when it is missing.
    pub(crate) fn rate_for_row(
        &self,
        currency: CurrencyCode,
        date: NaiveDate,
        row: u64,
        column: &'static str,
    ) -> Result<Decimal, RowError> {
        self.rate(currency, date).ok_or_else(|| {
            let text = format!("no USD rate for {currency} on or before {date}");
            let args = vec![("currency", currency.to_string()), ("date", date.to_string())];
            RowError::new(row, column, Problem::new("csv-no-rate", args, text))
        })
    }
}

/// The rates of the currencies one upload uses, each as one sorted list of dates: an
/// upload looks up two rates per row, and a binary search of a short list is cheaper
/// than the tree's range search (which finds both ends of the range). Built per
/// currency on first use.
#[derive(Debug, Default)]
pub(crate) struct RateMemo(FxHashMap<CurrencyCode, Vec<(NaiveDate, Decimal)>>);

/// A rate more than this many days older than the date it is wanted for is used but
/// flagged as stale (fee-audit.md, "Additions").
pub const STALE_AFTER_DAYS: i64 = 31;

/// A rate more than this many days older than the date it is wanted for is not used:
/// the row is bad.
pub const TOO_OLD_AFTER_DAYS: i64 = 366;

impl RateMemo {
    /// [`RateTable::rate_for_row`], from the lists, with the date of the stored rate
    /// used (for USD, `date` itself). A rate more than [`TOO_OLD_AFTER_DAYS`] older
    /// than `date` is a row error.
    pub(crate) fn rate_for_row(
        &mut self,
        rates: &RateTable,
        currency: CurrencyCode,
        date: NaiveDate,
        row: u64,
        column: &'static str,
    ) -> Result<(Decimal, NaiveDate), RowError> {
        if currency == CurrencyCode::USD {
            return Ok((Decimal::ONE, date));
        }
        let dated = self.0.entry(currency).or_insert_with(|| {
            rates
                .by_currency
                .get(&currency)
                .map(|dated| dated.iter().map(|(date, rate)| (*date, *rate)).collect())
                .unwrap_or_default()
        });
        let later = dated.partition_point(|(from, _)| *from <= date);
        match later.checked_sub(1).and_then(|latest| dated.get(latest)) {
            Some((from, _)) if (date - *from).num_days() > TOO_OLD_AFTER_DAYS => {
                let text = format!(
                    "the latest USD rate for {currency} on or before {date} is from {from}, more than {TOO_OLD_AFTER_DAYS} days earlier: add a rate closer to that date"
                );
                let args = vec![
                    ("currency", currency.to_string()),
                    ("date", date.to_string()),
                    ("used", from.to_string()),
                ];
                Err(RowError::new(
                    row,
                    column,
                    Problem::new("csv-rate-too-old", args, text),
                ))
            }
            Some((from, rate)) => Ok((*rate, *from)),
            // No rate: the table words the error.
            None => rates
                .rate_for_row(currency, date, row, column)
                .map(|rate| (rate, date)),
        }
    }
}

impl FromIterator<(CurrencyCode, NaiveDate, Decimal)> for RateTable {
    fn from_iter<I: IntoIterator<Item = (CurrencyCode, NaiveDate, Decimal)>>(rates: I) -> Self {
        let mut table = Self::new();
        for (currency, date, rate) in rates {
            table.insert(currency, date, rate);
        }
        table
    }
}

impl From<&[FxRate]> for RateTable {
    fn from(rates: &[FxRate]) -> Self {
        rates
            .iter()
            .map(|r| (r.currency, r.date, r.usd_per_unit))
            .collect()
    }
}

/// One row of an FX-rate upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FxRate {
    /// Line number in the file (the header is line 1).
    pub row: u64,
    /// The currency.
    pub currency: CurrencyCode,
    /// The day the rate applies from.
    pub date: NaiveDate,
    /// US dollars for one unit of `currency` (> 0).
    pub usd_per_unit: Decimal,
}

/// Reads an FX-rate upload (`currency,date,usd_per_unit`, any column order). Every bad
/// row is reported and then nothing is returned: rates are stored all or nothing.
pub fn read_fx_rates<R: Read>(input: R) -> Result<Vec<FxRate>, Vec<RowError>> {
    let mut table = Table::open(input, &["currency", "date", "usd_per_unit"], &[])?;
    let mut rates = Vec::new();
    let mut errors = Vec::new();
    // Only to spot one currency and date given twice with different rates.
    let mut seen: HashMap<(CurrencyCode, NaiveDate), (u64, Decimal)> = HashMap::new();
    while let Some(row) = table.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let line = row.line;
        let currency = row
            .cell("currency")
            .and_then(|c| cells::currency(c).map_err(cells::at(line, "currency")));
        let date = row
            .cell("date")
            .and_then(|c| cells::date(c).map_err(cells::at(line, "date")));
        let rate = row
            .cell("usd_per_unit")
            .and_then(|c| cells::positive(c).map_err(cells::at(line, "usd_per_unit")));
        let (currency, date, rate) = match (currency, date, rate) {
            (Ok(currency), Ok(date), Ok(rate)) => (currency, date, rate),
            (currency, date, rate) => {
                errors.extend([currency.err(), date.err(), rate.err()].into_iter().flatten());
                continue;
            }
        };
        if currency == CurrencyCode::USD && rate != Decimal::ONE {
            let text = "USD is always 1 US dollar per unit";
            let problem = Problem::new("csv-usd-rate", Vec::new(), text);
            errors.push(RowError::new(line, "usd_per_unit", problem));
            continue;
        }
        if let Some((first, earlier)) = seen.insert((currency, date), (line, rate))
            && earlier != rate
        {
            let text = format!("row {first} gives a different rate for {currency} on {date}");
            let args = vec![
                ("first", first.to_string()),
                ("currency", currency.to_string()),
                ("date", date.to_string()),
            ];
            errors.push(RowError::new(
                line,
                "usd_per_unit",
                Problem::new("csv-different-rate", args, text),
            ));
            continue;
        }
        rates.push(FxRate {
            row: line,
            currency,
            date,
            usd_per_unit: rate,
        });
    }
    if errors.is_empty() { Ok(rates) } else { Err(errors) }
}
