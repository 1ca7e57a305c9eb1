//! A fee audit's per-worker results as plain columns of `fee_audit_workers` (exact
//! decimals as text, the recruiters as a JSON array) instead of one JSON document per
//! worker: a 200,000-row upload stores ~94,000 workers, and building, writing and
//! parsing back a JSON object for each was most of the upload's time.
//!
//! The columns are nullable: rows stored before this change keep their figures in
//! `result` (and have these columns `NULL`); rows stored after it have `result` = `{}`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "fee_audit_workers";

/// The added columns, as text (decimals, codes, the recruiters), date or boolean.
const TEXT: [&str; 9] = [
    "nationality",
    "monthly_wage",
    "wage_currency",
    "monthly_wage_usd",
    "fees_usd",
    "reimbursed_usd",
    "outstanding_usd",
    "months_of_wages",
    "recruiters",
];
const BOOLEAN: [&str; 3] = ["paid", "loan", "debt_bondage_risk"];

fn columns() -> Vec<ColumnDef> {
    let mut columns: Vec<ColumnDef> = TEXT.iter().map(|name| text_null(*name)).collect();
    columns.push(date_null("hire_date"));
    columns.extend(BOOLEAN.iter().map(|name| boolean_null(*name)));
    columns
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds only one at a time.
        for column in columns() {
            manager
                .alter_table(Table::alter().table(TABLE).add_column(column).take())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let names = TEXT.iter().chain(["hire_date"].iter()).chain(BOOLEAN.iter());
        for name in names {
            manager
                .alter_table(Table::alter().table(TABLE).drop_column(*name).take())
                .await?;
        }
        Ok(())
    }
}
