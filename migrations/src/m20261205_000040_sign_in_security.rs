//! Sign-in security (issue #24 part 1): a TOTP second factor per user with its
//! single-use recovery codes, a row per signed-in session (so a session can be
//! listed and ended, and a token whose session ended is refused), single-use
//! password-reset tokens, and a company policy requiring the second factor for
//! its staff.
//!
//! Only hashes of recovery codes and reset tokens are stored. `last_step` is the
//! RFC 6238 time step of the last code accepted, so no code is accepted twice.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn table(name: &'static str, columns: Vec<ColumnDef>, user_column: &'static str) -> TableCreateStatement {
    let mut table = Table::create();
    table.table(name).if_not_exists();
    for mut column in columns {
        table.col(&mut column);
    }
    table
        .foreign_key(
            ForeignKey::create()
                .from(name, user_column)
                .to("users", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .take()
}

fn index(
    table: &'static str,
    name: &'static str,
    column: &'static str,
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table).col(column).if_not_exists();
    if unique {
        index.unique();
    }
    index.take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            table(
                "user_totp",
                vec![
                    pk_uuid("user_id"),
                    string("secret"),
                    big_integer_null("last_step"),
                    timestamp_with_time_zone_null("confirmed_at"),
                    timestamp_with_time_zone("created_at"),
                ],
                "user_id",
            ),
            table(
                "recovery_codes",
                vec![
                    pk_uuid("id"),
                    uuid("user_id"),
                    string("code_hash"),
                    timestamp_with_time_zone_null("used_at"),
                ],
                "user_id",
            ),
            table(
                "user_sessions",
                vec![
                    pk_uuid("id"),
                    uuid("user_id"),
                    string_null("user_agent"),
                    string_null("ip_prefix"),
                    timestamp_with_time_zone("created_at"),
                    timestamp_with_time_zone("last_seen_at"),
                    timestamp_with_time_zone_null("ended_at"),
                ],
                "user_id",
            ),
            table(
                "password_resets",
                vec![
                    pk_uuid("id"),
                    uuid("user_id"),
                    string("token_hash"),
                    timestamp_with_time_zone("expires_at"),
                    timestamp_with_time_zone_null("used_at"),
                    timestamp_with_time_zone("created_at"),
                ],
                "user_id",
            ),
        ];
        for statement in tables {
            manager.create_table(statement).await?;
        }
        for statement in [
            index("recovery_codes", "idx_recovery_codes_user", "user_id", false),
            index("user_sessions", "idx_user_sessions_user", "user_id", false),
            index("password_resets", "idx_password_resets_token", "token_hash", true),
        ] {
            manager.create_index(statement).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("organizations")
                    .add_column(boolean("mfa_required").default(false))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("organizations")
                    .drop_column("mfa_required")
                    .take(),
            )
            .await?;
        for name in ["password_resets", "user_sessions", "recovery_codes", "user_totp"] {
            manager
                .drop_table(Table::drop().table(name).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
