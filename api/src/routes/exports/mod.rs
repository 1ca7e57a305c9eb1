//! Exports for spreadsheets and archives, with the same access rules as the pages
//! they mirror. CSV files have a header row, RFC 4180 quoting and a guard against
//! formula injection; company-wide lists are read and sent a page at a time, so a
//! large export never sits in memory whole.

pub mod assessment_json;
pub mod corridors_csv;
pub mod corridors_json;
pub mod fee_audit_csv;
pub mod findings_csv;
pub mod suppliers_csv;

use std::{borrow::Cow, future::Future};

use actix_web::{HttpResponse, web::Bytes};
use futures_util::{StreamExt, stream};

use crate::error::ApiError;

/// Rows read from the database per chunk of a streamed export.
pub(crate) const PAGE: u64 = 500;

/// A cell a spreadsheet would run as a formula gets a leading `'`, so an exported
/// supplier named `=HYPERLINK(…)` stays text (OWASP "CSV injection").
pub fn guard(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// One CSV record (guarded, quoted only where needed, CRLF-terminated).
pub fn record<S: AsRef<str>>(cells: &[S]) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(cells.iter().map(|c| guard(c.as_ref()).into_owned()))
        .map_err(|e| ApiError::Internal(format!("csv: {e}")))?;
    writer
        .into_inner()
        .map_err(|e| ApiError::Internal(format!("csv: {e}")))
}

/// An optional value as a cell (empty when absent).
pub fn cell<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A `text/csv` attachment answered from `body`.
pub fn csv_response<S>(filename: &str, body: S) -> HttpResponse
where
    S: futures_util::Stream<Item = Result<Bytes, ApiError>> + 'static,
{
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .streaming(body)
}

/// The header, then page after page from `fetch(offset)` until a short page, each
/// sent as one chunk as soon as it is read. `fetch` returns the lines and how many
/// database rows it read (a row may make several lines).
pub fn paged<F, Fut>(
    header: &'static [&'static str],
    fetch: F,
) -> impl futures_util::Stream<Item = Result<Bytes, ApiError>>
where
    F: Fn(u64) -> Fut + 'static,
    Fut: Future<Output = Result<(Vec<Vec<String>>, u64), ApiError>> + 'static,
{
    let head = stream::once(async move { record(header).map(Bytes::from) });
    let pages = stream::unfold(Some(0u64), move |offset| {
        let next = offset.map(&fetch);
        async move {
            let offset = offset?;
            let (rows, read) = match next?.await {
                Ok(page) => page,
                Err(error) => return Some((Err(error), None)),
            };
            let more = read == PAGE;
            let mut chunk = Vec::new();
            for row in &rows {
                match record(row) {
                    Ok(bytes) => chunk.extend_from_slice(&bytes),
                    Err(error) => return Some((Err(error), None)),
                }
            }
            Some((Ok(Bytes::from(chunk)), more.then_some(offset + PAGE)))
        }
    });
    head.chain(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_quoting_follows_rfc_4180() {
        assert_eq!(guard("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(guard("-2"), "'-2");
        assert_eq!(guard("@cmd"), "'@cmd");
        assert_eq!(guard("+1"), "'+1");
        assert_eq!(guard("Acme"), "Acme");
        let line = record(&["a,b", "say \"hi\"", "plain", "=1+1"]).unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&line),
            "\"a,b\",\"say \"\"hi\"\"\",plain,'=1+1\r\n"
        );
    }
}
