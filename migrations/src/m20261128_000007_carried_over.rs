//! Answers carried over from a supplier's previous assessment are marked, so the
//! supplier confirms each one instead of submitting stale answers unseen.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("assessment_answers")
                    .add_column(boolean("carried_over").default(false))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("assessment_answers")
                    .drop_column("carried_over")
                    .take(),
            )
            .await
    }
}
