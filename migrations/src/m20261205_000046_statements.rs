//! Modern-slavery statements (issue #21): a company's draft statement for one
//! regime (`uk_msa`, `au_msa`, `ca_s211`) and period, its sections with the
//! figures computed at creation (JSON: the figures are a snapshot of the period,
//! so they stay what the company reviewed), and every version of every section's
//! text (who wrote it, when). `revision` counts the edits; `rendered_revision` says
//! which of them the stored PDF and DOCX show (the worker renders both).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("statements")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(string("regime"))
                    .col(date("period_start"))
                    .col(date("period_end"))
                    .col(string("locale"))
                    .col(json("sections"))
                    .col(integer("revision"))
                    .col(integer_null("rendered_revision"))
                    .col(text_null("pdf_key"))
                    .col(text_null("docx_key"))
                    .col(uuid("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("statements", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_statements_company_created")
                    .table("statements")
                    .col("company_id")
                    .col("created_at")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("statement_versions")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("statement_id"))
                    .col(string("section_key"))
                    .col(integer("version"))
                    .col(text("text"))
                    .col(uuid("author_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("statement_versions", "statement_id")
                            .to("statements", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        // One row per version of a section: two edits racing cannot both be "3".
        manager
            .create_index(
                Index::create()
                    .name("uq_statement_versions")
                    .table("statement_versions")
                    .col("statement_id")
                    .col("section_key")
                    .col("version")
                    .unique()
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("statement_versions").if_exists().take())
            .await?;
        manager
            .drop_table(Table::drop().table("statements").if_exists().take())
            .await
    }
}
