//! Worker voice: a public reporting channel per supplier site, the cases workers
//! open through it (their words sealed at rest, the reporter known only by a
//! hashed secret), the handlers' replies and notes, the findings a case raised,
//! the company's directory of referral services, and the printable posters.
//!
//! Deliberately absent: any column for an IP address, a user agent or a cookie.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn cascade(from: &'static str, column: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, column)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("voice_channels")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid_uniq("supplier_id"))
                    // The short random part of the public link `/v/{token}`.
                    .col(string_uniq("token"))
                    // Comma-separated language codes the poster and page offer.
                    .col(string("locales"))
                    .col(boolean("active").default(true))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut cascade("voice_channels", "supplier_id", "suppliers"))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("voice_cases")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("supplier_id"))
                    .col(uuid("channel_id"))
                    // What the reporter quotes; with the secret it opens the case.
                    .col(string_uniq("code"))
                    // SHA-256 of the high-entropy secret; the secret itself is never kept.
                    .col(string("secret_hash"))
                    .col(string("category"))
                    .col(string("indicator"))
                    .col(boolean("urgent"))
                    .col(string("locale"))
                    // AEAD-sealed (base64 of nonce and ciphertext).
                    .col(text("report_sealed"))
                    .col(text_null("contact_sealed"))
                    .col(string("status"))
                    .col(timestamp_with_time_zone_null("first_response_at"))
                    .col(timestamp_with_time_zone_null("closed_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut cascade("voice_cases", "channel_id", "voice_channels"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_voice_cases_company")
                    .table("voice_cases")
                    .col("company_id")
                    .col("created_at")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("voice_messages")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("case_id"))
                    .col(uuid("company_id"))
                    // `reply` (the reporter reads it) or `note` (handlers only).
                    .col(string("kind"))
                    .col(text("body_sealed"))
                    .col(uuid_null("author_user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut cascade("voice_messages", "case_id", "voice_cases"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_voice_messages_case")
                    .table("voice_messages")
                    .col("case_id")
                    .col("created_at")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("voice_case_findings")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("case_id"))
                    .col(uuid("finding_id"))
                    .col(uuid("company_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut cascade("voice_case_findings", "case_id", "voice_cases"))
                    .foreign_key(&mut cascade("voice_case_findings", "finding_id", "findings"))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("referral_services")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(string("country"))
                    // hotline, ngo, iom, labour_inspection, legal_aid, other.
                    .col(string("kind"))
                    .col(string("name"))
                    .col(string_null("phone"))
                    .col(string_null("email"))
                    .col(string_null("url"))
                    // Comma-separated language codes the service answers in.
                    .col(string("languages"))
                    .col(text("description"))
                    // Demonstration data: shown as an example, never as a real contact.
                    .col(boolean("example").default(false))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut cascade("referral_services", "company_id", "organizations"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_referral_services_company_country")
                    .table("referral_services")
                    .col("company_id")
                    .col("country")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("voice_posters")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("channel_id"))
                    .col(string("locales"))
                    .col(string("link"))
                    .col(string("status"))
                    .col(string_null("storage_key"))
                    .col(text_null("error"))
                    .col(uuid_null("requested_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("ready_at"))
                    .foreign_key(&mut cascade("voice_posters", "channel_id", "voice_channels"))
                    .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "voice_posters",
            "referral_services",
            "voice_case_findings",
            "voice_messages",
            "voice_cases",
            "voice_channels",
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
