//! The worker pulse by SMS and WhatsApp. A pulse conversation keeps the answers
//! given so far sealed on its `voice_conversations` row (`pulse_sealed`) until
//! the fifth, then stores them like a link's answers (channel and day only) and
//! clears them. `voice_pulse_ballots` stops one phone answering a channel's
//! pulse twice in a survey period (a calendar month): a keyed hash of the
//! channel, the period and the number, with no link to the answers it allowed;
//! a period's ballots are deleted once it is over.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("voice_conversations")
                    .add_column(text_null("pulse_sealed"))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("voice_pulse_ballots")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("channel_id"))
                    // `YYYY-MM`.
                    .col(string_len("period", 7))
                    .col(string_len("ballot_hash", 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from("voice_pulse_ballots", "channel_id")
                            .to("voice_channels", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_voice_pulse_ballots_once")
                    .table("voice_pulse_ballots")
                    .col("channel_id")
                    .col("period")
                    .col("ballot_hash")
                    .unique()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("voice_pulse_ballots").take())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("voice_conversations")
                    .drop_column("pulse_sealed")
                    .take(),
            )
            .await
    }
}
