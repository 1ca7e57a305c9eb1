//! Importing products from CSV (`sku,name,hs_code,description`; `hs_code` and
//! `description` may be absent or empty): every bad row is reported with its
//! line and column, and nothing is created unless every row is good.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{NewProduct, ProductInput, create_product};
use crate::{
    csv_import::{self, problem},
    entities::product,
    error::DomainError,
    suppliers::ImportError,
};

/// The most products one file may add.
pub const MAX_ROWS: usize = 10_000;
const REQUIRED: [&str; 2] = ["sku", "name"];

/// Parses the whole file; `Ok` only if every row is good. Rows are numbered as
/// lines, the header being line 1.
pub fn parse_product_import(bytes: &[u8]) -> Result<Vec<(u64, NewProduct)>, Vec<ImportError>> {
    let (columns, lines) = csv_import::read(bytes, &REQUIRED)?;
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    for (i, (row, record)) in lines.into_iter().enumerate() {
        if i >= MAX_ROWS {
            errors.push(problem(
                row,
                "sku",
                format!("a file may add at most {MAX_ROWS} products"),
            ));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(message) => {
                errors.push(problem(row, "sku", message));
                continue;
            }
        };
        let cell = |name: &str| columns.cell(&record, name).map(str::to_string);
        let input = ProductInput {
            name: Some(cell("name").unwrap_or_default()),
            sku: Some(cell("sku").unwrap_or_default()),
            hs_code: cell("hs_code").map(Some),
            description: cell("description"),
        };
        match input.parse_new() {
            Ok(parsed) => {
                if !seen.insert(parsed.sku.as_str().to_string()) {
                    errors.push(problem(row, "sku", "this SKU appears twice in the file".into()));
                }
                rows.push((row, parsed));
            }
            Err(problems) => errors.extend(problems.into_iter().map(|p| problem(row, &p.field, p.message))),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(problem(2, "sku", "the file has no products".into()));
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
        .map(|(row, _)| problem(*row, "sku", "another product already has this SKU".into()))
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
