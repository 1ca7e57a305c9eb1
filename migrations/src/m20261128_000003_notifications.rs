//! Notifications: a `dedupe_key` on outbound emails, so a reminder or digest that
//! the scheduler computes again (another worker, a retried job, a catch-up after
//! downtime) is recorded once; and an index for the admins' list of failed emails.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("outbound_emails")
                    // TEXT: keys name the recipient's address, which may be long.
                    .add_column(text_null("dedupe_key"))
                    .take(),
            )
            .await?;
        // NULLs never collide, so ordinary emails (no key) are unaffected.
        manager
            .create_index(
                Index::create()
                    .name("ux_outbound_emails_dedupe_key")
                    .table("outbound_emails")
                    .col("dedupe_key")
                    .unique()
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbound_emails_company_status")
                    .table("outbound_emails")
                    .col("company_id")
                    .col("status")
                    .col("created_at")
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "ix_outbound_emails_company_status",
            "ux_outbound_emails_dedupe_key",
        ] {
            let mut drop = Index::drop();
            drop.name(name).table("outbound_emails").if_exists();
            manager.drop_index(drop).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("outbound_emails")
                    .drop_column("dedupe_key")
                    .take(),
            )
            .await
    }
}
