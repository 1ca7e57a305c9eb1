//! Every scoring of a supplier kept, so the portal and reports can show the trend.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("supplier_risk_history")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("supplier_id"))
                    .col(uuid("assessment_id"))
                    .col(double("score"))
                    .col(string("risk_band"))
                    .col(string("model_version"))
                    .col(timestamp_with_time_zone("computed_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("supplier_risk_history", "supplier_id")
                            .to("suppliers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_supplier_risk_history_supplier")
                    .table("supplier_risk_history")
                    .col("supplier_id")
                    .col("computed_at")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("supplier_risk_history").if_exists().take())
            .await
    }
}
