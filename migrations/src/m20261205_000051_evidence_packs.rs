//! Evidence packs (issue #21): what an authority asks of a supplier's chain
//! (`uflpa`, `eu_flr`), rendered by the worker as JSON, PDF and a ZIP of both
//! with the evidence files. One row per request; the worker moves it
//! `queued` → `rendering` → `ready` (or `failed`, with `error`) and records the
//! three stored files with their sizes and SHA-256, so a download can be checked
//! against what was stored.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("evidence_packs")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("supplier_id"))
                    .col(string("regime"))
                    .col(string("locale"))
                    .col(string("status"))
                    .col(uuid_null("requested_by"))
                    .col(text_null("json_key"))
                    .col(text_null("pdf_key"))
                    .col(text_null("zip_key"))
                    .col(big_integer_null("json_size"))
                    .col(big_integer_null("pdf_size"))
                    .col(big_integer_null("zip_size"))
                    .col(string_null("json_sha256"))
                    .col(string_null("pdf_sha256"))
                    .col(string_null("zip_sha256"))
                    .col(text_null("error"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("ready_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("evidence_packs", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from("evidence_packs", "supplier_id")
                            .to("suppliers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        // A supplier's packs, newest first (the list).
        manager
            .create_index(
                Index::create()
                    .name("idx_evidence_packs_supplier_created")
                    .table("evidence_packs")
                    .col("supplier_id")
                    .col("created_at")
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("evidence_packs").if_exists().take())
            .await
    }
}
