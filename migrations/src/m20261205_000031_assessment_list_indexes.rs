//! Covering indexes for the company's assessment list (issue #23).
//!
//! The list filters by company and, optionally, by status or supplier; it sorts
//! newest first by `(created_at, id)` and pages by keyset (a cursor is the last
//! `(created_at, id)` served). Each index starts with the company and one filter
//! and ends with the sort, so the page is read in index order after one seek and
//! the `total` is counted from the index alone. `ix_assessments_company
//! (company_id, status)` is a prefix of the status index and is dropped.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(name, columns)` of the indexes this migration adds.
const INDEXES: [(&str, &[&str]); 3] = [
    ("ix_assessments_company_list", &["company_id", "created_at", "id"]),
    (
        "ix_assessments_company_status_list",
        &["company_id", "status", "created_at", "id"],
    ),
    (
        "ix_assessments_company_supplier_list",
        &["company_id", "supplier_id", "created_at", "id"],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::list_indexes::create(manager, "assessments", &INDEXES).await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_assessments_company")
                    .table("assessments")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_assessments_company")
                    .table("assessments")
                    .col("company_id")
                    .col("status")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        crate::list_indexes::drop(manager, "assessments", &INDEXES).await
    }
}
