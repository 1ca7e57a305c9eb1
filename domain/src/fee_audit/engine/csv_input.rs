//! Reading a fee-audit upload (fee-audit.md, "CSV input"): every rule checked on every
//! row, every bad row reported, good rows converted to USD and counted as they stream
//! past.

use std::io::Read;

use chrono::NaiveDate;

use crate::values::CountryCode;

use super::{
    AuditedLine, FeeAuditEngine, FeeAuditOutcome, RateTable, RowError, row_rules::RowRules, table::Table,
};

const REQUIRED: [&str; 10] = [
    "worker_ref",
    "nationality",
    "recruiter",
    "hire_date",
    "monthly_wage",
    "wage_currency",
    "category",
    "amount",
    "currency",
    "paid_on",
];
const OPTIONAL: [&str; 8] = [
    "recruiter_country",
    "loan",
    "reimbursed",
    "evidence",
    // Scoring model 2 (fee-audit.md, "Additions").
    "sex",
    "monthly_earnings",
    "deducted_from_wages",
    "payee_type",
];

/// Reads an upload row by row. As an iterator it yields each good line (converted, with
/// the rates used) for the caller to store, and stops yielding at the first bad row,
/// since the upload will be rejected; [`FeeAuditReader::finish`] then reads the rest to
/// list every bad row, or returns the results.
///
/// Lines yielded before a bad row is found must be discarded by the caller when
/// `finish` fails (e.g. by rolling back the transaction they were written in).
pub struct FeeAuditReader<'r, R> {
    /// The upload and the rules for its rows; `None` when its header is bad.
    table: Option<(Table<R>, RowRules)>,
    rates: &'r RateTable,
    engine: FeeAuditEngine,
    errors: Vec<RowError>,
}

/// Reads a whole upload, calling `on_line` with every good line as it is read; the
/// results, or every bad row. See [`FeeAuditReader`].
pub fn audit_csv<R: Read>(
    input: R,
    today: NaiveDate,
    rates: &RateTable,
    mut on_line: impl FnMut(&AuditedLine),
) -> Result<FeeAuditOutcome, Vec<RowError>> {
    let mut reader = FeeAuditReader::new(input, today, rates);
    for line in &mut reader {
        on_line(&line);
    }
    reader.finish()
}

impl<'r, R: Read> FeeAuditReader<'r, R> {
    /// Opens an upload and checks its header. `today` is the last allowed `paid_on`;
    /// `rates` are the company's stored FX rates.
    pub fn new(input: R, today: NaiveDate, rates: &'r RateTable) -> Self {
        let (table, errors) = match Table::open(input, &REQUIRED, &OPTIONAL) {
            Ok(table) => {
                let rules = RowRules::new(&table, today);
                (Some((table, rules)), Vec::new())
            }
            // Without the right columns, checking the rows would only repeat the problem.
            Err(errors) => (None, errors),
        };
        Self {
            table,
            rates,
            engine: FeeAuditEngine::new(),
            errors,
        }
    }

    /// Reads the upload for a site in `country` (the supplier's country): the
    /// destination of the workers' corridors. Without it the corridors have none.
    /// Call it before reading any row: it starts the tally afresh.
    pub fn at_site(mut self, country: Option<CountryCode>) -> Self {
        self.engine = FeeAuditEngine::at_site(country);
        self
    }

    /// Reads whatever is left, then returns the results, or every bad row.
    pub fn finish(mut self) -> Result<FeeAuditOutcome, Vec<RowError>> {
        while self.step().is_some() {}
        // The input (a whole upload held in memory, for the API) goes before the results
        // are built: the two together were the upload's peak memory.
        self.table = None;
        if self.errors.is_empty() {
            Ok(self.engine.finish())
        } else {
            Err(self.errors)
        }
    }

    /// Reads one row: `None` at the end of the input, `Some(None)` for a bad row.
    fn step(&mut self) -> Option<Option<AuditedLine>> {
        let (table, rules) = self.table.as_mut()?;
        let checked = match table.next_row()? {
            Ok(row) => rules.check(&row, self.rates, &mut self.engine),
            Err(error) => Err(vec![error]),
        };
        let counted = checked.and_then(|(line, slot)| match self.engine.add_to(slot, &line) {
            Ok(()) => Ok(line),
            Err(error) => Err(vec![error]),
        });
        match counted {
            Ok(line) => Some(Some(line)),
            Err(errors) => {
                self.errors.extend(errors);
                Some(None)
            }
        }
    }
}

impl<R: Read> Iterator for FeeAuditReader<'_, R> {
    type Item = AuditedLine;

    fn next(&mut self) -> Option<AuditedLine> {
        while self.errors.is_empty() {
            if let Some(line) = self.step()? {
                return Some(line);
            }
        }
        None
    }
}
