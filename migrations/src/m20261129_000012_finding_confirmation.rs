//! A reviewer confirms a finding: red flags and fee-audit findings are raised by
//! rules, and a person (advisor, officer, admin) says the evidence bears them out.
//! The RBA CAP clock for a Priority finding runs from its confirmation, so when and
//! by whom is kept on the finding itself, not only in the audit trail.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table("findings")
                    .add_column(timestamp_with_time_zone_null("confirmed_at"))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("findings")
                    .add_column(uuid_null("confirmed_by"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in ["confirmed_by", "confirmed_at"] {
            manager
                .alter_table(Table::alter().table("findings").drop_column(column).take())
                .await?;
        }
        Ok(())
    }
}
