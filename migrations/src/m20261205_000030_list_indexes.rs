//! Covering indexes for the supplier list (issue #23).
//!
//! The list filters by company and, optionally, by band, country or sector; it
//! sorts by `(name, id)`, hides archived suppliers and pages by keyset (a cursor is
//! the last `(name, id)` served). Each index below starts with the company and one
//! filter and goes on with the sort and `archived_at`, so that the page's ids and
//! the `total` are read from the index alone (SQLite: `USING COVERING INDEX`,
//! PostgreSQL: an index-only scan) and the seek to a cursor is one B-tree descent.
//! `ix_suppliers_company (company_id, name)` is a prefix of the first one and is
//! dropped (one index fewer to write per supplier saved).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(name, columns)` of the indexes this migration adds.
const INDEXES: [(&str, &[&str]); 4] = [
    (
        "ix_suppliers_company_list",
        &["company_id", "name", "id", "archived_at"],
    ),
    (
        "ix_suppliers_company_band_list",
        &["company_id", "risk_band", "name", "id", "archived_at"],
    ),
    (
        "ix_suppliers_company_country_list",
        &["company_id", "country", "name", "id", "archived_at"],
    ),
    (
        "ix_suppliers_company_sector_list",
        &["company_id", "sector", "name", "id", "archived_at"],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::list_indexes::create(manager, "suppliers", &INDEXES).await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_suppliers_company")
                    .table("suppliers")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_suppliers_company")
                    .table("suppliers")
                    .col("company_id")
                    .col("name")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        crate::list_indexes::drop(manager, "suppliers", &INDEXES).await
    }
}
