//! A supplier's sites (issue #25): each production site with its address, country,
//! coordinates, headcount and, once matched, its Open Supply Hub OS ID. A supplier
//! has one or more; the company id is kept on the row so every query filters by
//! tenant without a join.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("supplier_sites")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("supplier_id"))
                    .col(string("name"))
                    .col(text("address"))
                    // ISO 3166-1 alpha-2, like `suppliers.country`.
                    .col(string_len("country", 2))
                    .col(double_null("latitude"))
                    .col(double_null("longitude"))
                    .col(big_integer("headcount"))
                    // Open Supply Hub's identifier (e.g. "IN2021079TDH72D"), once linked.
                    .col(string_null("os_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("supplier_sites", "supplier_id")
                            .to("suppliers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_supplier_sites_supplier")
                    .table("supplier_sites")
                    .col("supplier_id")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        // The offline import matches by company, name and country.
        manager
            .create_index(
                Index::create()
                    .name("idx_supplier_sites_company_country")
                    .table("supplier_sites")
                    .col("company_id")
                    .col("country")
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("supplier_sites").if_exists().take())
            .await
    }
}
