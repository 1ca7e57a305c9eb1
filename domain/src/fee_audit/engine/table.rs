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

use csv::{ByteRecord, StringRecord, Terminator};

use super::{Problem, RowError};

/// The most data rows one upload may have (fee-audit.md).
pub const MAX_ROWS: u64 = 200_000;

/// An open CSV upload positioned after its header.
pub(crate) struct Table<R> {
    reader: csv::Reader<Tracked<R>>,
    columns: HashMap<&'static str, usize>,
    header_len: usize,
    record: Record,
    data_rows: u64,
    finished: bool,
}

/// The record last read. Checked as UTF-8 once for the whole record (nearly always
/// plain ASCII, a quick check) rather than cell by cell; a record that is not UTF-8
/// keeps its bytes, and each cell read is checked, to name the cell at fault.
enum Record {
    /// While a record is being read.
    Reading,
    Text(StringRecord),
    Bytes(ByteRecord),
}

/// One data record: its line number (the header is line 1) and its cells.
pub(crate) struct Row<'t> {
    /// Line number where the record starts.
    pub(crate) line: u64,
    record: &'t Record,
    columns: &'t HashMap<&'static str, usize>,
}

/// A column as the rules read it: its name (for messages) and where the header put it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub(crate) name: &'static str,
    index: Option<usize>,
}

impl<'t> Row<'t> {
    /// The trimmed cell of `column`; empty when the column is absent or the row short.
    /// Bytes that are not UTF-8 are a row error rather than a panic or a silent `�`.
    pub(crate) fn cell(&self, column: &'static str) -> Result<&'t str, RowError> {
        self.cell_of(Column {
            name: column,
            index: self.columns.get(column).copied(),
        })
    }

    /// [`Self::cell`] of a column found once with [`Table::column`], for readers that
    /// take many rows (a look-up by name on every cell of every row adds up).
    pub(crate) fn cell_of(&self, column: Column) -> Result<&'t str, RowError> {
        let cell = column.index.and_then(|i| match self.record {
            Record::Reading => None,
            Record::Text(text) => text.get(i).map(Ok),
            Record::Bytes(bytes) => bytes.get(i).map(std::str::from_utf8),
        });
        let Some(cell) = cell else {
            return Ok("");
        };
        let column = column.name;
        cell.map(trim).map_err(|_| {
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
            record: Record::Bytes(ByteRecord::new()),
            data_rows: 0,
            finished: false,
        })
    }

    /// The column of that name, for [`Row::cell_of`].
    pub(crate) fn column(&self, name: &'static str) -> Column {
        Column {
            name,
            index: self.columns.get(name).copied(),
        }
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
            match self.read_record() {
                Ok(true) if self.record.bytes().is_some_and(is_blank) => continue,
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
        let cells = self.record.bytes().map_or(0, ByteRecord::len);
        if cells != self.header_len {
            let text = format!("the row has {cells} cells but the header has {}", self.header_len);
            let args = vec![
                ("cells", cells.to_string()),
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

    /// Reads the next record into `self.record`, as text when it is UTF-8.
    fn read_record(&mut self) -> csv::Result<bool> {
        let mut bytes = match std::mem::replace(&mut self.record, Record::Reading) {
            Record::Text(text) => text.into_byte_record(),
            Record::Bytes(bytes) => bytes,
            Record::Reading => ByteRecord::new(),
        };
        let read = self.reader.read_byte_record(&mut bytes);
        self.record = match StringRecord::from_byte_record(bytes) {
            Ok(text) => Record::Text(text),
            Err(error) => Record::Bytes(error.into_byte_record()),
        };
        read
    }

    /// The line the record just read starts on: the reader has counted every `\n`
    /// consumed so far, which includes those inside quoted cells and the record's own
    /// terminator, unless the record ended at the end of the file.
    fn start_line(&self) -> u64 {
        let end = self.reader.position();
        let source = self.reader.get_ref();
        let unterminated = source.at_end && end.byte() == source.read && source.last != Some(b'\n');
        let record = self.record.bytes().map_or(&[][..], ByteRecord::as_slice);
        let inside = record.iter().filter(|&&b| b == b'\n').count() as u64;
        end.line()
            .saturating_sub(inside + u64::from(!unterminated))
            .max(2)
    }
}

impl Record {
    /// The record's bytes; `None` only while one is being read.
    fn bytes(&self) -> Option<&ByteRecord> {
        match self {
            Record::Reading => None,
            Record::Text(text) => Some(text.as_byte_record()),
            Record::Bytes(bytes) => Some(bytes),
        }
    }
}

/// The cell without white space around it, as `str::trim`; a cell that starts and ends
/// with a visible ASCII character, nearly every one, is returned as it is without
/// decoding characters from both ends.
fn trim(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        _ => cell.trim(),
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
