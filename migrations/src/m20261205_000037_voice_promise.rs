//! A company's worker-voice settings: for now the response-time promise (days to
//! a first answer) shown to workers when they report and when they check their
//! case, and measured in the voice metrics. A table of its own, one row per
//! company, so that other voice settings can join it without touching
//! `organizations`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("voice_settings")
                    .if_not_exists()
                    .col(pk_uuid("company_id"))
                    .col(integer("response_days"))
                    .col(uuid_null("updated_by"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("voice_settings", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("voice_settings").take())
            .await
    }
}
