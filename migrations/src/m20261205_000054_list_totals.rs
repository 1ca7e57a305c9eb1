//! The `total` of the busiest lists, kept beside the rows (issue #23).
//!
//! The profile of the supplier list at 10,000 suppliers showed the `COUNT` of
//! the company's index entries as most of each request's work (SQLite ~0.7 ms
//! of CPU, every request, growing with the list). `list_totals` holds, per
//! company and list, the number of rows the *unfiltered* list has; the writes
//! that change it (a supplier created or archived, an assessment sent) adjust
//! it in their own transaction, so a committed total is always exact. Filtered
//! lists still count from their covering index (the filter makes them smaller).
//!
//! `list` is one of `suppliers` (not archived), `suppliers_all` (archived too)
//! and `assessments` (the domain's `list_totals::Counted`). Rows are filled
//! here from the tables as they are.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What fills `list_totals` from the tables as they are: per list, the rows
/// `(company_id, list, total)` of every company that has any.
const BACKFILL: [&str; 3] = [
    "SELECT company_id, 'suppliers', COUNT(*) FROM suppliers WHERE archived_at IS NULL GROUP BY company_id",
    "SELECT company_id, 'suppliers_all', COUNT(*) FROM suppliers GROUP BY company_id",
    "SELECT company_id, 'assessments', COUNT(*) FROM assessments GROUP BY company_id",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("list_totals")
                    .if_not_exists()
                    .col(uuid("company_id"))
                    .col(string_len("list", 32))
                    .col(big_integer("total"))
                    .primary_key(Index::create().col("company_id").col("list"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("list_totals", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        let db = manager.get_connection();
        for counted in BACKFILL {
            db.execute_unprepared(&format!(
                "INSERT INTO list_totals (company_id, list, total) {counted}"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("list_totals").take())
            .await
    }
}
