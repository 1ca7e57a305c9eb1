//! Referrals made on a worker-voice case: which service of the company's
//! directory the worker was referred to, the worker's consent (how it was given
//! and when — a referral without it is refused), and later its outcome with a
//! note (sealed at rest like the case's other words). Also the origin-country
//! services: a directory service may serve nationals of given countries (an
//! embassy, a labour attaché, a home-country hotline), and a worker may give a
//! nationality on the report (optional) so that those are shown to them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("voice_case_referrals")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("case_id"))
                    .col(uuid("service_id"))
                    // How the worker said yes: `in_message`, `verbal` or `written`.
                    .col(string("consent_method"))
                    .col(timestamp_with_time_zone("consent_at"))
                    .col(string_null("outcome"))
                    // AEAD-sealed, like replies and notes.
                    .col(text_null("outcome_note_sealed"))
                    .col(timestamp_with_time_zone_null("outcome_at"))
                    .col(uuid_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("voice_case_referrals", "case_id")
                            .to("voice_cases", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_voice_case_referrals_case")
                    .table("voice_case_referrals")
                    .col("case_id")
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("referral_services")
                    // Comma-separated ISO 3166-1 alpha-2 codes; empty: serves everyone.
                    .add_column(string("serves_nationals").default(""))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("voice_cases")
                    // The reporter's nationality, only if they chose to give it.
                    .add_column(string_null("nationality"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("voice_cases")
                    .drop_column("nationality")
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("referral_services")
                    .drop_column("serves_nationals")
                    .take(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("voice_case_referrals").take())
            .await
    }
}
