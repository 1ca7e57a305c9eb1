//! The recruiter registry: every recruiter a company's fee audits name, matched by
//! normalised name and country, with what the company knows of its licence and IRIS
//! certification; and, per fee audit, each recruiter's exact share of it, so the
//! registry's totals are sums of exact figures. Also the indexes the fee-audit reads
//! need (repayments and findings by audit, audits by company).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn foreign_key(from: &'static str, column: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, column)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

fn index(
    table: &'static str,
    name: &'static str,
    columns: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table).if_not_exists();
    for column in columns {
        index.col(*column);
    }
    if unique {
        index.unique();
    }
    index.take()
}

fn recruiters() -> TableCreateStatement {
    Table::create()
        .table("recruiters")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("company_id"))
        // "normalised name|country" (country empty when unknown): one column, so the
        // unique index also holds when the country is unknown (NULLs never collide).
        .col(string("match_key"))
        .col(string("name"))
        .col(string_len_null("country", 2))
        .col(string_null("licence_number"))
        .col(date_null("licence_expires_on"))
        .col(boolean("iris_certified").default(false))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut foreign_key("recruiters", "company_id", "organizations"))
        .take()
}

fn fee_audit_recruiters() -> TableCreateStatement {
    Table::create()
        .table("fee_audit_recruiters")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("fee_audit_id"))
        .col(uuid("recruiter_id"))
        .col(uuid("company_id"))
        .col(uuid("supplier_id"))
        .col(big_integer("workers"))
        .col(big_integer("workers_who_paid"))
        .col(big_integer("debt_bondage_risks"))
        // Exact decimal string, like every amount in the schema.
        .col(string("fees_usd"))
        .foreign_key(&mut foreign_key(
            "fee_audit_recruiters",
            "fee_audit_id",
            "fee_audits",
        ))
        .foreign_key(&mut foreign_key(
            "fee_audit_recruiters",
            "recruiter_id",
            "recruiters",
        ))
        .take()
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index(
            "recruiters",
            "ux_recruiters_company_key",
            &["company_id", "match_key"],
            true,
        ),
        index(
            "fee_audit_recruiters",
            "ux_fee_audit_recruiters",
            &["fee_audit_id", "recruiter_id"],
            true,
        ),
        index(
            "fee_audit_recruiters",
            "ix_fee_audit_recruiters_recruiter",
            &["recruiter_id"],
            false,
        ),
        index(
            "fee_audits",
            "ix_fee_audits_company",
            &["company_id", "created_at"],
            false,
        ),
        index("repayments", "ix_repayments_audit", &["fee_audit_id"], false),
        index("findings", "ix_findings_fee_audit", &["fee_audit_id"], false),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(recruiters()).await?;
        manager.create_table(fee_audit_recruiters()).await?;
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["fee_audit_recruiters", "recruiters"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().take())
                .await?;
        }
        for (table, name) in [
            ("fee_audits", "ix_fee_audits_company"),
            ("repayments", "ix_repayments_audit"),
            ("findings", "ix_findings_fee_audit"),
        ] {
            let mut drop = Index::drop();
            drop.name(name).table(table).if_exists();
            manager.drop_index(drop).await?;
        }
        Ok(())
    }
}
