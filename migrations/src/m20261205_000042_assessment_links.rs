//! Supplier links (issue #24): a signed, single-purpose link in an assessment email
//! that opens that one assessment for answering, without an account, for 30 days.
//! One row per link sent to one person; only the SHA-256 of the token is stored
//! (a database leak leaks no usable link), and a row can be revoked.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "assessment_links";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TABLE)
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("assessment_id"))
                    // What the link may do; only `answer_assessment` exists.
                    .col(string("purpose"))
                    .col(string_uniq("token_hash"))
                    // The person it was emailed to (an account invitation goes there).
                    .col(string("email"))
                    .col(string("locale"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .col(uuid_null("revoked_by"))
                    .col(timestamp_with_time_zone_null("last_opened_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TABLE, "assessment_id")
                            .to("assessments", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_assessment_links_assessment")
                    .table(TABLE)
                    .col("assessment_id")
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(TABLE).take()).await
    }
}
