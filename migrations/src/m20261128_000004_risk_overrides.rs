//! A company's own inherent-risk figures for countries and sectors, replacing the
//! shipped reference figures in its scoring (api-contract.md, "Reference data").

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("risk_overrides")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(string("kind"))
                    .col(string("key"))
                    .col(string("risk"))
                    .col(text_null("note"))
                    .col(uuid_null("updated_by"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("risk_overrides", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_risk_overrides_company_kind_key")
                    .table("risk_overrides")
                    .col("company_id")
                    .col("kind")
                    .col("key")
                    .unique()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("risk_overrides").if_exists().take())
            .await
    }
}
