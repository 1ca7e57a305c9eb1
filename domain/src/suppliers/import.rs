//! Parsing a supplier CSV (`name,country,sector,contact_email,contact_name`, and
//! the optional profile columns `workforce_size,migrant_worker_share,worker_origins`)
//! into suppliers to add; every bad row is reported, so the caller can refuse the
//! whole file and create nothing.

use std::collections::HashSet;

use crate::csv_import;

use super::{
    NewSupplier, SupplierFields,
    profile::{self, ProfileChanges},
};

/// A supplier to add, with the profile its row declares (empty cells: unknown).
#[derive(Debug, Clone)]
pub struct ImportedSupplier {
    /// The supplier.
    pub supplier: NewSupplier,
    /// Its declared profile; empty when the row declares nothing.
    pub profile: ProfileChanges,
}

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

/// Parses the whole file; `Ok` only if every row is good. The profile columns
/// are read and checked but not returned: see [`parse_import_with_profiles`].
pub fn parse_import(bytes: &[u8]) -> Result<Vec<NewSupplier>, Vec<ImportError>> {
    parse_import_with_profiles(bytes).map(|rows| rows.into_iter().map(|r| r.supplier).collect())
}

/// The profile columns of one row; errors name the column.
fn parse_profile(cell: &dyn Fn(&str) -> String) -> Result<ProfileChanges, Vec<(String, String)>> {
    let mut errors = Vec::new();
    let workforce_size = profile::parse_workforce_text(&cell("workforce_size"))
        .map_err(|m| errors.push(("workforce_size".to_string(), m)))
        .ok()
        .flatten();
    let migrant_worker_share = profile::parse_share_text(&cell("migrant_worker_share"))
        .map_err(|m| errors.push(("migrant_worker_share".to_string(), m)))
        .ok()
        .flatten();
    let origins = profile::parse_origins_text("worker_origins", &cell("worker_origins"))
        .map_err(|problems| {
            errors.extend(problems.into_iter().map(|p| {
                (
                    "worker_origins".to_string(),
                    format!("{}: {}", p.field, p.message),
                )
            }));
        })
        .unwrap_or_default();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ProfileChanges {
        workforce_size: workforce_size.map(Some),
        migrant_worker_share: migrant_worker_share.map(Some),
        worker_origins: (!origins.is_empty()).then_some(origins),
    })
}

/// Parses the whole file with each row's profile; `Ok` only if every row is good.
pub fn parse_import_with_profiles(bytes: &[u8]) -> Result<Vec<ImportedSupplier>, Vec<ImportError>> {
    let error = csv_import::problem;
    let (columns, lines) = csv_import::read(bytes, &COLUMNS[..4])?;
    let mut errors: Vec<ImportError> = Vec::new();
    let mut suppliers = Vec::new();
    let mut seen = HashSet::new();
    for (i, (row, record)) in lines.into_iter().enumerate() {
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
            Err(message) => {
                errors.push(error(row, "name", message));
                continue;
            }
        };
        let cell = |name: &str| columns.cell(&record, name).unwrap_or("").to_string();
        let fields = SupplierFields {
            name: cell("name"),
            country: cell("country"),
            sector: cell("sector"),
            contact_email: cell("contact_email"),
            contact_name: Some(cell("contact_name")),
        };
        let declared = parse_profile(&cell);
        if let Err(problems) = &declared {
            errors.extend(
                problems
                    .iter()
                    .map(|(column, message)| error(row, column, message.clone())),
            );
        }
        match fields.parse() {
            Ok(supplier) => {
                if !seen.insert(supplier.name.as_str().to_lowercase()) {
                    errors.push(error(
                        row,
                        "name",
                        "this supplier appears twice in the file".into(),
                    ));
                }
                suppliers.push(ImportedSupplier {
                    supplier,
                    profile: declared.unwrap_or_default(),
                });
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
