//! The recruiter registry grows what a company records about a recruiter (issue
//! #25): the recruiter it is a sub-agent of, the countries it recruits from, its
//! licences (number, issuing country and authority, expiry, as a JSON array), and its
//! IRIS certification status with the date and the source the company checked (not
//! a claim of ours); and which of the company's suppliers it works for.
//!
//! `iris_certified`, `licence_number` and `licence_expires_on` stay: they are the
//! contract's list fields, now kept in step by the update (certified status; the
//! first licence). A recruiter already marked certified is `certified` here.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "recruiters";

fn columns() -> Vec<ColumnDef> {
    vec![
        uuid_null("sub_agent_of"),
        text_null("origin_countries"),
        text_null("licences"),
        string("iris_status").default("none").take(),
        date_null("iris_status_on"),
        text_null("iris_source"),
    ]
}

const COLUMN_NAMES: [&str; 6] = [
    "sub_agent_of",
    "origin_countries",
    "licences",
    "iris_status",
    "iris_status_on",
    "iris_source",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds only one at a time.
        for column in columns() {
            manager
                .alter_table(Table::alter().table(TABLE).add_column(column).take())
                .await?;
        }
        manager
            .exec_stmt(
                Query::update()
                    .table(TABLE)
                    .value("iris_status", "certified")
                    .and_where(Expr::col("iris_certified").eq(true))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recruiters_sub_agent_of")
                    .table(TABLE)
                    .col("sub_agent_of")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("recruiter_employers")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("recruiter_id"))
                    .col(uuid("supplier_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("recruiter_employers", "recruiter_id")
                            .to("recruiters", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from("recruiter_employers", "supplier_id")
                            .to("suppliers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_recruiter_employers")
                    .table("recruiter_employers")
                    .col("recruiter_id")
                    .col("supplier_id")
                    .unique()
                    .if_not_exists()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("recruiter_employers").if_exists().take())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_recruiters_sub_agent_of")
                    .table(TABLE)
                    .to_owned(),
            )
            .await?;
        for name in COLUMN_NAMES {
            manager
                .alter_table(Table::alter().table(TABLE).drop_column(name).take())
                .await?;
        }
        Ok(())
    }
}
