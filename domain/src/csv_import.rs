//! Reading an uploaded CSV file that has a header: the columns found by name
//! (case and surrounding spaces ignored), the required ones checked, and every
//! line numbered as people count them (the header is line 1). Shared by the
//! imports that refuse the whole file when any row is bad.

use csv::StringRecord;

use crate::suppliers::ImportError;

/// One problem at a line and column.
pub fn problem(row: u64, column: &str, message: String) -> ImportError {
    ImportError {
        row,
        column: column.to_string(),
        message,
    }
}

/// The header's columns.
pub struct Columns(Vec<String>);

impl Columns {
    /// The cell of column `name` in `record`, when the file has that column.
    pub fn cell<'r>(&self, record: &'r StringRecord, name: &str) -> Option<&'r str> {
        self.0.iter().position(|h| h == name).and_then(|i| record.get(i))
    }
}

/// A line after the header: its number, and its cells or why it cannot be read.
pub type Line = (u64, Result<StringRecord, String>);

/// Reads the header and every line; refuses a file whose header cannot be read
/// or lacks one of the `required` columns (each missing one named).
pub fn read(bytes: &[u8], required: &[&str]) -> Result<(Columns, Vec<Line>), Vec<ImportError>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(bytes);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(e) => {
            return Err(vec![problem(
                1,
                "header",
                format!("the header cannot be read: {e}"),
            )]);
        }
    };
    let missing: Vec<ImportError> = required
        .iter()
        .filter(|c| !headers.iter().any(|h| h == *c))
        .map(|c| problem(1, c, format!("the required column '{c}' is missing")))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let lines = reader
        .records()
        .enumerate()
        .map(|(i, record)| {
            let row = i as u64 + 2;
            (row, record.map_err(|e| format!("this line cannot be read: {e}")))
        })
        .collect();
    Ok((Columns(headers), lines))
}
