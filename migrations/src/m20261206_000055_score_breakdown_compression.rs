//! An assessment's `score_breakdown` (every contributing question with its
//! answer, risk and weight: several kilobytes of JSON, so PostgreSQL compresses
//! it out of line) compressed with lz4 instead of pglz. Scoring writes it once
//! per assessment, and pglz was 7% of PostgreSQL's time while a queue of
//! scoring jobs drained (issue #23's profile). Only rows written afterwards
//! change.
//!
//! PostgreSQL only (SQLite does not compress), and only where the server was built
//! with lz4: elsewhere the column keeps pglz and scoring is just slower. The
//! same statement as migration 000013's for fee audit lines, written out again
//! because a landed migration is not edited (so not made to share a helper).

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn set_compression(manager: &SchemaManager<'_>, method: &str) -> Result<(), DbErr> {
    if manager.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    let sql = format!(
        "DO $$ BEGIN \
           ALTER TABLE assessments ALTER COLUMN score_breakdown SET COMPRESSION {method}; \
         EXCEPTION WHEN feature_not_supported THEN \
           RAISE NOTICE 'lz4 is not available: score breakdowns keep pglz'; \
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
