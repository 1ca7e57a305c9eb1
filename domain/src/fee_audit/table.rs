//! A CSV upload read one record at a time: the header mapped to known columns (in any
//! order), each record with its line number, and the file-level rules every upload
//! shares (not empty, required columns present, at most [`MAX_ROWS`] data rows).
//!
//! Line numbers are counted here rather than taken from the `csv` crate, whose count
//! is one line late for files with CRLF line ends (Excel's) and after blank lines.

use std::{
    collections::HashMap,
    io::{self, Read},
};

use csv::{ByteRecord, Terminator};

use super::{Problem, RowError};

/// The most data rows one upload may have (fee-audit.md).
pub const MAX_ROWS: u64 = 200_000;

/// An open CSV upload positioned after its header.
pub(crate) struct Table<R> {
    reader: csv::Reader<Tracked<R>>,
    columns: HashMap<&'static str, usize>,
    header_len: usize,
    record: ByteRecord,
    data_rows: u64,
    finished: bool,
}

/// One data record: its line number (the header is line 1) and its cells.
pub(crate) struct Row<'t> {
    /// Line number where the record starts.
    pub(crate) line: u64,
    record: &'t ByteRecord,
    columns: &'t HashMap<&'static str, usize>,
}

impl<'t> Row<'t> {
    /// The trimmed cell of `column`; empty when the column is absent or the row short.
    /// Bytes that are not UTF-8 are a row error rather than a panic or a silent `�`.
    pub(crate) fn cell(&self, column: &'static str) -> Result<&'t str, RowError> {
        let Some(bytes) = self.columns.get(column).and_then(|&i| self.record.get(i)) else {
            return Ok("");
        };
        std::str::from_utf8(bytes).map(str::trim).map_err(|_| {
            let text = "is not valid UTF-8 text (save the file as UTF-8)";
            RowError::new(self.line, column, Problem::new("csv-not-utf8", Vec::new(), text))
        })
    }
}

impl<R: Read> Table<R> {
    /// Reads the header. `required` columns must all be there; `optional` ones are
    /// recognised; any other column is ignored (auditors' own notes do no harm).
    pub(crate) fn open(
        input: R,
        required: &[&'static str],
        optional: &[&'static str],
    ) -> Result<Self, Vec<RowError>> {
        // Only `\n` ends a record: a `\r` before it is trimmed with the last cell, so that
        // every consumed `\n` is a line and CRLF files count like LF ones.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(Terminator::Any(b'\n'))
            .from_reader(Tracked {
                inner: input,
                read: 0,
                last: None,
                at_end: false,
            });
        let mut header = ByteRecord::new();
        match reader.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => {
                let text = "the file is empty: it needs a header row and data rows";
                return Err(vec![RowError::file(
                    1,
                    Problem::new("csv-empty-file", Vec::new(), text),
                )]);
            }
            Err(error) => return Err(vec![unreadable(1, &error)]),
        }
        let mut columns = HashMap::new();
        let mut errors = Vec::new();
        for (index, name) in header.iter().enumerate() {
            let Ok(name) = std::str::from_utf8(name) else {
                let text = "the header is not valid UTF-8 text (save the file as UTF-8)";
                errors.push(RowError::file(
                    1,
                    Problem::new("csv-header-not-utf8", Vec::new(), text),
                ));
                continue;
            };
            let name = name.trim().to_ascii_lowercase();
            let Some(known) = required.iter().chain(optional).find(|known| **known == name) else {
                continue;
            };
            if columns.insert(*known, index).is_some() {
                let text = "the column appears more than once in the header";
                errors.push(RowError::new(
                    1,
                    known,
                    Problem::new("csv-duplicate-column", Vec::new(), text),
                ));
            }
        }
        for missing in required.iter().filter(|column| !columns.contains_key(*column)) {
            let text = "this required column is missing from the header";
            errors.push(RowError::new(
                1,
                missing,
                Problem::new("csv-missing-column", Vec::new(), text),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            reader,
            columns,
            header_len: header.len(),
            record: ByteRecord::new(),
            data_rows: 0,
            finished: false,
        })
    }

    /// The next data record, blank lines skipped. A file-level problem (no data rows,
    /// too many rows, a read failure) comes as one error, after which the table is
    /// finished.
    pub(crate) fn next_row(&mut self) -> Option<Result<Row<'_>, RowError>> {
        if self.finished {
            return None;
        }
        let line = loop {
            let before = self.reader.position().line();
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) if is_blank(&self.record) => continue,
                Ok(true) => break self.start_line(),
                Ok(false) => {
                    self.finished = true;
                    let text = "the file has a header but no data rows";
                    let problem = || Problem::new("csv-no-data-rows", Vec::new(), text);
                    return (self.data_rows == 0).then(|| Err(RowError::file(1, problem())));
                }
                Err(error) => {
                    self.finished = true;
                    return Some(Err(unreadable(before, &error)));
                }
            }
        };
        self.data_rows += 1;
        if self.data_rows > MAX_ROWS {
            // Stop here: reading on would only spend time on a file that is refused.
            self.finished = true;
            let text = format!("the file has more than {MAX_ROWS} data rows; split it into several audits");
            let problem = Problem::new("csv-too-many-rows", vec![("max", MAX_ROWS.to_string())], text);
            return Some(Err(RowError::file(line, problem)));
        }
        if self.record.len() != self.header_len {
            let text = format!(
                "the row has {} cells but the header has {}",
                self.record.len(),
                self.header_len
            );
            let args = vec![
                ("cells", self.record.len().to_string()),
                ("header", self.header_len.to_string()),
            ];
            return Some(Err(RowError::file(
                line,
                Problem::new("csv-cell-count", args, text),
            )));
        }
        Some(Ok(Row {
            line,
            record: &self.record,
            columns: &self.columns,
        }))
    }

    /// The line the record just read starts on: the reader has counted every `\n`
    /// consumed so far, which includes those inside quoted cells and the record's own
    /// terminator, unless the record ended at the end of the file.
    fn start_line(&self) -> u64 {
        let end = self.reader.position();
        let source = self.reader.get_ref();
        let unterminated = source.at_end && end.byte() == source.read && source.last != Some(b'\n');
        let inside = self.record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
        end.line()
            .saturating_sub(inside + u64::from(!unterminated))
            .max(2)
    }
}

/// A line with nothing but white space (e.g. the `\r` of an empty CRLF line).
fn is_blank(record: &ByteRecord) -> bool {
    record.len() == 1 && record.as_slice().iter().all(u8::is_ascii_whitespace)
}

fn unreadable(line: u64, error: &csv::Error) -> RowError {
    // The CSV reader's own words stay English: they name bytes and quotes.
    let text = format!("the file could not be read here: {error}");
    let args = vec![("detail", error.to_string())];
    RowError::file(line, Problem::new("csv-unreadable", args, text))
}

/// The upload's bytes, remembering how many were read, the last one, and whether the
/// end was reached: enough to tell whether the last record had a line end.
struct Tracked<R> {
    inner: R,
    read: u64,
    last: Option<u8>,
    at_end: bool,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        match count.checked_sub(1).and_then(|last| buf.get(last)) {
            Some(&last) => {
                self.read += count as u64;
                self.last = Some(last);
            }
            None => self.at_end = true,
        }
        Ok(count)
    }
}
