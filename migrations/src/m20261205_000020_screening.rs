//! Screening against public forced-labour lists (issue #21): the versions of a list
//! loaded after the release (`fairhire screening-lists load`; without one, the
//! file shipped in `domain/data/screening/` counts), and the hits of a company's
//! suppliers and recruiters against them, each reviewed once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("screening_list_versions")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(string("list_key"))
                    .col(string("source_url"))
                    // The list's own date (`YYYY-MM-DD`) as its file states it, if it does.
                    .col(string_null("list_date"))
                    // `[{"name": …, "detail": …}]`, every row of the loaded file.
                    .col(json("entries"))
                    .col(timestamp_with_time_zone("loaded_at"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_screening_list_versions_key")
                    .table("screening_list_versions")
                    .col("list_key")
                    .col("loaded_at")
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("screening_hits")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(string("subject_type"))
                    .col(uuid("subject_id"))
                    .col(string("subject_name"))
                    .col(string("list_key"))
                    .col(string("entry_name"))
                    .col(double("score"))
                    .col(string("status"))
                    .col(text_null("reason"))
                    .col(uuid_null("decided_by"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(uuid_null("finding_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("screening_hits", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        // The same subject against the same list entry is one hit, however often it is screened.
        manager
            .create_index(
                Index::create()
                    .name("uq_screening_hits_subject_entry")
                    .table("screening_hits")
                    .col("subject_type")
                    .col("subject_id")
                    .col("list_key")
                    .col("entry_name")
                    .unique()
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_screening_hits_company")
                    .table("screening_hits")
                    .col("company_id")
                    .col("status")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("screening_hits").if_exists().take())
            .await?;
        manager
            .drop_table(Table::drop().table("screening_list_versions").if_exists().take())
            .await
    }
}
