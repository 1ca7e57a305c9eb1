//! A fee audit's per-worker results are kept in chunks of compact CSV, as its lines
//! already are, instead of one row per worker: a 200,000-row upload stores ~94,000
//! workers, and on PostgreSQL inserting a row each (with its two indexes and its
//! foreign-key check) was most of the upload's time. What has been repaid to each
//! worker, which changes after the upload, is kept beside them, one row per worker
//! repaid.
//!
//! `fee_audit_workers` stays for the audits stored before this change.
//!
//! `worker_ref` sorts byte by byte (`COLLATE "C"` on PostgreSQL, SQLite's default
//! `BINARY`): a page of workers is a range of references, in the order the upload
//! sorted them, whatever the server's default collation.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const CHUNKS: &str = "fee_audit_worker_chunks";
const REPAID: &str = "fee_audit_worker_repaid";

fn to_audit(from: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, "fee_audit_id")
        .to("fee_audits", "id")
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

/// A worker reference column that sorts byte by byte on every backend.
fn worker_ref(backend: DbBackend, name: &'static str) -> ColumnDef {
    let mut column = string(name);
    if backend == DbBackend::Postgres {
        column.extra("COLLATE \"C\"");
    }
    column
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(CHUNKS)
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("fee_audit_id"))
                    .col(integer("first_worker"))
                    .col(worker_ref(backend, "first_ref"))
                    .col(worker_ref(backend, "last_ref"))
                    .col(text("body"))
                    .foreign_key(&mut to_audit(CHUNKS))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_fee_audit_worker_chunks_audit")
                    .table(CHUNKS)
                    .col("fee_audit_id")
                    .col("first_worker")
                    .unique()
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(REPAID)
                    .if_not_exists()
                    .col(uuid("fee_audit_id"))
                    .col(worker_ref(backend, "worker_ref"))
                    .col(string("repaid_usd"))
                    .primary_key(Index::create().col("fee_audit_id").col("worker_ref"))
                    .foreign_key(&mut to_audit(REPAID))
                    .take(),
            )
            .await?;
        if backend == DbBackend::Postgres {
            // As for the lines (migration 000013): lz4 where the server has it.
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "DO $$ BEGIN \
                       ALTER TABLE {CHUNKS} ALTER COLUMN body SET COMPRESSION lz4; \
                     EXCEPTION WHEN feature_not_supported THEN \
                       RAISE NOTICE 'lz4 is not available: fee audit workers keep pglz'; \
                     END $$"
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(REPAID).take()).await?;
        manager.drop_table(Table::drop().table(CHUNKS).take()).await
    }
}
