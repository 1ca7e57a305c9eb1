//! Worker voice by SMS and WhatsApp (issue #20): each company's messaging
//! provider settings. The auth token, the WhatsApp app secret, verify token and
//! access token are sealed with the worker-voice key (`*_sealed`, never returned);
//! the rest is what the settings page shows.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("voice_messaging")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    // One row per company.
                    .col(uuid_uniq("company_id"))
                    // `twilio` today.
                    .col(string("provider"))
                    .col(string("account_sid"))
                    .col(text("auth_token_sealed"))
                    // The company's own sending number (not a worker's).
                    .col(string("from_number"))
                    .col(string("api_base"))
                    .col(text_null("whatsapp_app_secret_sealed"))
                    .col(text_null("whatsapp_verify_token_sealed"))
                    .col(text_null("whatsapp_access_token_sealed"))
                    .col(string_null("whatsapp_phone_number_id"))
                    .col(string("whatsapp_api_base"))
                    .col(uuid_null("updated_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("voice_messaging", "company_id")
                            .to("organizations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("voice_messaging").if_exists().take())
            .await
    }
}
