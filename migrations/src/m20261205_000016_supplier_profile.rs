//! A supplier's declared profile (issue #19): how many workers, what share are
//! migrant workers, and which countries they come from with each country's share.
//! Scoring model 2 reads the origins (`origin_risk`). One row per supplier, kept
//! apart from `suppliers` so that a supplier without a profile has no row at all.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("supplier_profiles")
                    .if_not_exists()
                    .col(pk_uuid("supplier_id"))
                    .col(big_integer_null("workforce_size"))
                    // A share 0–1, as a decimal string ("0.35"): exact, like `risk_overrides.risk`.
                    .col(string_null("migrant_worker_share"))
                    // `[{"country": "NP", "share": "0.4"}, ...]`, shares as decimal strings.
                    .col(json("worker_origins"))
                    .col(uuid_null("updated_by"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("supplier_profiles", "supplier_id")
                            .to("suppliers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("supplier_profiles").if_exists().take())
            .await
    }
}
