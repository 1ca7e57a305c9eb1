//! Worker voice by SMS and WhatsApp (issue #20): the conversation a worker has
//! with the channel, and the messages sent back through the provider.
//!
//! A conversation is found by a keyed hash of the phone number (HMAC-SHA256 under
//! a key derived from the worker-voice key), never by the number. The number
//! itself is kept only sealed (`phone_sealed`), to send replies, and the row is
//! deleted when its case closes. An outbound message keeps its text sealed and
//! the provider's message id once sent, so a retried job never sends twice.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("voice_conversations")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("channel_id"))
                    // `twilio` or `whatsapp`.
                    .col(string("provider"))
                    // Hex HMAC-SHA256 of the normalised number.
                    .col(string("phone_hash"))
                    .col(text("phone_sealed"))
                    // `language`, `category`, `words`, `open`.
                    .col(string("step"))
                    .col(string_null("locale"))
                    .col(string_null("category"))
                    .col(uuid_null("case_id"))
                    // The provider's id of the last message handled, and the sealed
                    // answer to it: a retried delivery gets the same answer.
                    .col(string_null("last_message_id"))
                    .col(text_null("last_answer_sealed"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("voice_conversations", "channel_id")
                            .to("voice_channels", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_voice_conversations_phone")
                    .table("voice_conversations")
                    .col("channel_id")
                    .col("phone_hash")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_voice_conversations_case")
                    .table("voice_conversations")
                    .col("case_id")
                    .if_not_exists()
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("voice_outbound")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("conversation_id"))
                    .col(uuid_null("case_id"))
                    .col(string("provider"))
                    .col(text("body_sealed"))
                    // `queued`, `sent`, `failed`, `dropped` (the number was forgotten).
                    .col(string("status"))
                    .col(string_null("provider_message_id"))
                    // The HTTP status or the kind of failure; never the provider's body
                    // (it may repeat the number).
                    .col(string_null("error"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("voice_outbound").if_exists().take())
            .await?;
        manager
            .drop_table(Table::drop().table("voice_conversations").if_exists().take())
            .await
    }
}
