//! Recurring assessments: send the same questionnaire to a supplier again every
//! N months, automatically.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("assessment_schedules")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("supplier_id"))
                    .col(uuid("questionnaire_id"))
                    .col(integer("every_months"))
                    .col(integer("due_in_days"))
                    .col(date("next_send_on"))
                    .col(boolean("active").default(true))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("assessment_schedules", "supplier_id")
                            .to("suppliers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_assessment_schedules_due")
                    .table("assessment_schedules")
                    .col("active")
                    .col("next_send_on")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("assessment_schedules").if_exists().take())
            .await
    }
}
