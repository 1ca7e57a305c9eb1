//! A fee audit's input lines are kept in chunks of a few thousand lines of compact CSV
//! (each line with the rates used) instead of one JSON row per line: a 200,000-row
//! upload is then tens of statements rather than hundreds of thousands of rows.
//! `fee_audit_lines` stays for the audits stored before this change.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "fee_audit_line_chunks";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TABLE)
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("fee_audit_id"))
                    .col(integer("first_line"))
                    .col(integer("last_line"))
                    .col(text("body"))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TABLE, "fee_audit_id")
                            .to("fee_audits", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_fee_audit_line_chunks_audit")
                    .table(TABLE)
                    .col("fee_audit_id")
                    .col("first_line")
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(TABLE).take()).await
    }
}
