//! A stored fee audit's line chunks (~0.7 MB of CSV text each) compressed with lz4
//! instead of PostgreSQL's default pglz: inserting the 49 chunks of a 200,000-row
//! upload took 3.5 s with pglz and about 0.5 s with lz4 (BENCHMARKS.md), for a
//! slightly larger table. Only rows written afterwards change.
//!
//! PostgreSQL only (SQLite does not compress), and only where the server was built
//! with lz4: elsewhere the column keeps pglz and uploads are just slower.

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn set_compression(manager: &SchemaManager<'_>, method: &str) -> Result<(), DbErr> {
    if manager.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    let sql = format!(
        "DO $$ BEGIN \
           ALTER TABLE fee_audit_line_chunks ALTER COLUMN body SET COMPRESSION {method}; \
         EXCEPTION WHEN feature_not_supported THEN \
           RAISE NOTICE 'lz4 is not available: fee audit lines keep pglz'; \
         END $$"
    );
    manager.get_connection().execute_unprepared(&sql).await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_compression(manager, "lz4").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_compression(manager, "pglz").await
    }
}
