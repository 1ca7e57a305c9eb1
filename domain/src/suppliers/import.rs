//! Parsing a supplier CSV (`name,country,sector,contact_email,contact_name`) into
//! suppliers to add; every bad row is reported, so the caller can refuse the whole
//! file and create nothing.

use std::collections::HashSet;

use super::{NewSupplier, SupplierFields};

/// One problem in the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportError {
    /// Line number (the header is line 1).
    pub row: u64,
    /// The column at fault.
    pub column: String,
    /// What is wrong.
    pub message: String,
}

const COLUMNS: [&str; 5] = ["name", "country", "sector", "contact_email", "contact_name"];
/// The most suppliers one file may add.
pub const MAX_ROWS: usize = 10_000;

/// Parses the whole file; `Ok` only if every row is good.
pub fn parse_import(bytes: &[u8]) -> Result<Vec<NewSupplier>, Vec<ImportError>> {
    let error = |row: u64, column: &str, message: String| ImportError {
        row,
        column: column.to_string(),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_lowercase()).collect::<Vec<_>>(),
        Err(e) => {
            return Err(vec![error(
                1,
                "header",
                format!("the header cannot be read: {e}"),
            )]);
        }
    };
    let index = |name: &str| headers.iter().position(|h| h == name);
    let mut errors: Vec<ImportError> = COLUMNS[..4]
        .iter()
        .filter(|c| index(c).is_none())
        .map(|c| error(1, c, format!("the required column '{c}' is missing")))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut suppliers = Vec::new();
    let mut seen = HashSet::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        if i >= MAX_ROWS {
            errors.push(error(
                row,
                "name",
                format!("a file may add at most {MAX_ROWS} suppliers"),
            ));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(row, "name", format!("this line cannot be read: {e}")));
                continue;
            }
        };
        let cell = |name: &str| index(name).and_then(|i| record.get(i)).unwrap_or("").to_string();
        let fields = SupplierFields {
            name: cell("name"),
            country: cell("country"),
            sector: cell("sector"),
            contact_email: cell("contact_email"),
            contact_name: Some(cell("contact_name")),
        };
        match fields.parse() {
            Ok(supplier) => {
                if !seen.insert(supplier.name.as_str().to_lowercase()) {
                    errors.push(error(
                        row,
                        "name",
                        "this supplier appears twice in the file".into(),
                    ));
                }
                suppliers.push(supplier);
            }
            Err(problems) => errors.extend(problems.into_iter().map(|p| error(row, &p.field, p.message))),
        }
    }
    if suppliers.is_empty() && errors.is_empty() {
        errors.push(error(2, "name", "the file has no suppliers".into()));
    }
    if errors.is_empty() {
        Ok(suppliers)
    } else {
        Err(errors)
    }
}
