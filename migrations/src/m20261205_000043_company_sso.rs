//! Single sign-on per company (issue #24): one OpenID Connect identity provider
//! per company — its issuer, our client id and secret there, how a claim maps to
//! a role, the email domains it may sign in, and whether password login is then
//! refused for the company's staff.
//!
//! `role_map` and `email_domains` are JSON (an object claim value → role, an array
//! of domains). The client secret is write-only through the API and never logged;
//! it is stored as given (sealing it at rest is not built yet, see README).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("company_sso")
                    .if_not_exists()
                    .col(pk_uuid("company_id"))
                    .col(text("issuer"))
                    .col(text("client_id"))
                    .col(text("client_secret"))
                    .col(string("role_claim"))
                    .col(text("role_map"))
                    .col(string_null("default_role"))
                    .col(text("email_domains"))
                    .col(boolean("sso_required").default(false))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("company_sso", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("company_sso").if_exists().take())
            .await
    }
}
