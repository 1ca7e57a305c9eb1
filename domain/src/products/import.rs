//! Importing products from CSV (`sku,name,hs_code,description`; `hs_code` and
//! `description` may be absent or empty): every bad row is reported with its
//! line and column, and nothing is created unless every row is good.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{NewProduct, ProductInput, create_product};
use crate::{entities::product, error::DomainError, suppliers::ImportError};

/// The most products one file may add.
pub const MAX_ROWS: usize = 10_000;
const REQUIRED: [&str; 2] = ["sku", "name"];

/// Parses the whole file; `Ok` only if every row is good. Rows are numbered as
/// lines, the header being line 1.
pub fn parse_product_import(bytes: &[u8]) -> Result<Vec<(u64, NewProduct)>, Vec<ImportError>> {
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
    let mut errors: Vec<ImportError> = REQUIRED
        .iter()
        .filter(|c| index(c).is_none())
        .map(|c| error(1, c, format!("the required column '{c}' is missing")))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        if i >= MAX_ROWS {
            errors.push(error(
                row,
                "sku",
                format!("a file may add at most {MAX_ROWS} products"),
            ));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(row, "sku", format!("this line cannot be read: {e}")));
                continue;
            }
        };
        let cell = |name: &str| index(name).and_then(|i| record.get(i)).map(str::to_string);
        let input = ProductInput {
            name: Some(cell("name").unwrap_or_default()),
            sku: Some(cell("sku").unwrap_or_default()),
            hs_code: cell("hs_code").map(Some),
            description: cell("description"),
        };
        match input.parse_new() {
            Ok(parsed) => {
                if !seen.insert(parsed.sku.as_str().to_string()) {
                    errors.push(error(row, "sku", "this SKU appears twice in the file".into()));
                }
                rows.push((row, parsed));
            }
            Err(problems) => errors.extend(problems.into_iter().map(|p| error(row, &p.field, p.message))),
        }
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

/// Adds every parsed row to company `company_id` (already checked with
/// `company_for_managing`), on `db` (pass a transaction). A SKU the company
/// already has is a row error; then nothing is created (`Ok(Err(rows))`).
pub async fn import_products<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    actor: Uuid,
    rows: Vec<(u64, NewProduct)>,
) -> Result<Result<usize, Vec<ImportError>>, DomainError> {
    let skus: Vec<String> = rows.iter().map(|(_, p)| p.sku.as_str().to_string()).collect();
    let taken: HashSet<String> = product::Entity::find()
        .filter(product::Column::CompanyId.eq(company_id))
        .filter(product::Column::Sku.is_in(skus))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.sku)
        .collect();
    let clashes: Vec<ImportError> = rows
        .iter()
        .filter(|(_, p)| taken.contains(p.sku.as_str()))
        .map(|(row, _)| ImportError {
            row: *row,
            column: "sku".into(),
            message: "another product already has this SKU".into(),
        })
        .collect();
    if !clashes.is_empty() {
        return Ok(Err(clashes));
    }
    let created = rows.len();
    for (_, product) in rows {
        create_product(db, company_id, actor, product).await?;
    }
    Ok(Ok(created))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_row_is_named_with_its_column() {
        let file = "sku,name,hs_code\nTS-1,T-shirt,6109.10\nTS-1,Again,\n,No SKU,61\n";
        let errors = parse_product_import(file.as_bytes()).err().unwrap_or_default();
        let found: Vec<(u64, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(found, [(3, "sku"), (4, "sku"), (4, "hs_code")]);
    }

    #[test]
    fn a_good_file_keeps_the_hs_digits() {
        let file = "sku,name,hs_code,description\nTS-1,T-shirt,6109.10,Cotton tee\n";
        let rows = parse_product_import(file.as_bytes()).unwrap_or_default();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].1.hs_code.as_ref().map(|c| c.as_str()), Some("610910"));
    }
}
