//! The worker pulse: five fixed questions a worker answers anonymously through
//! the site's worker-voice link. One row per set of answers, holding only the
//! chosen options and the day: no IP address, user agent, cookie, phone or time
//! of day, so that a row cannot be tied back to the person who sent it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("voice_pulse_answers")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(uuid("company_id"))
                    .col(uuid("supplier_id"))
                    .col(uuid("channel_id"))
                    .col(string("paid_fee"))
                    .col(string("fee_amount"))
                    .col(string("passport_holder"))
                    .col(string("dormitory_free"))
                    .col(string("contract_matches"))
                    // The day only: a time of day could single out one worker's shift.
                    .col(date("answered_on"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("voice_pulse_answers", "channel_id")
                            .to("voice_channels", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_voice_pulse_answers_channel")
                    .table("voice_pulse_answers")
                    .col("channel_id")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("voice_pulse_answers").take())
            .await
    }
}
