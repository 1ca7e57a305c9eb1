//! A covering index for the company's audit trail (issue #23): newest first by
//! `(created_at, id)` and paged by keyset, so the index ends with the id that
//! breaks ties; the page is read in index order after one seek (no sort of the
//! company's whole trail) and the `total` is counted from the index alone.
//! `ix_audit_events_company (company_id, created_at)` is its prefix and is dropped.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, &[&str]); 1] = [(
    "ix_audit_events_company_list",
    &["company_id", "created_at", "id"],
)];

const REPLACED: [(&str, &[&str]); 1] = [("ix_audit_events_company", &["company_id", "created_at"])];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::list_indexes::create(manager, "audit_events", &INDEXES).await?;
        crate::list_indexes::drop(manager, "audit_events", &REPLACED).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::list_indexes::create(manager, "audit_events", &REPLACED).await?;
        crate::list_indexes::drop(manager, "audit_events", &INDEXES).await
    }
}
