//! A covering index for a supplier's fee-audit list (issue #23): sorted newest
//! first by `(created_at, id)` and paged by keyset, so the index ends with the id
//! that breaks ties; the page is read in index order after one seek and the
//! `total` is counted from the index alone. `ix_fee_audits_supplier (supplier_id,
//! created_at)` is its prefix and is dropped.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_fee_audits_supplier_list")
                    .table("fee_audits")
                    .col("supplier_id")
                    .col("created_at")
                    .col("id")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_fee_audits_supplier")
                    .table("fee_audits")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_fee_audits_supplier")
                    .table("fee_audits")
                    .col("supplier_id")
                    .col("created_at")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_fee_audits_supplier_list")
                    .table("fee_audits")
                    .to_owned(),
            )
            .await
    }
}
