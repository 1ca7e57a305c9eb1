//! A supplier site's public channel: one per supplier, with its link token and
//! the languages its page and poster offer.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{codes, i18n};
use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{supplier, voice_channel},
    error::DomainError,
};

/// The public path of a channel's page.
pub fn path(token: &str) -> String {
    format!("/v/{token}")
}

/// The channel's languages as a list.
pub fn locales(channel: &voice_channel::Model) -> Vec<String> {
    channel
        .locales
        .split(',')
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Checks a list of language codes against the `voice.ftl` files; each must have
/// one, none twice, at least one.
pub fn parse_locales(field: &str, raw: &[String]) -> Result<Vec<&'static str>, DomainError> {
    if raw.is_empty() {
        return Err(DomainError::invalid(field, "choose at least one language"));
    }
    let mut out: Vec<&'static str> = Vec::new();
    for code in raw {
        let Some(known) = i18n::supported(code).filter(|k| *k == code.trim().to_ascii_lowercase()) else {
            return Err(DomainError::invalid(
                field,
                format!(
                    "'{code}' has no voice.ftl; available: {}",
                    i18n::codes().join(", ")
                ),
            ));
        };
        if !out.contains(&known) {
            out.push(known);
        }
    }
    Ok(out)
}

/// Opens the channel of `supplier`; `Conflict` when it already has one.
pub async fn open<C: ConnectionTrait>(
    db: &C,
    supplier: &supplier::Model,
    actor: Uuid,
    languages: &[&str],
) -> Result<voice_channel::Model, DomainError> {
    let existing = voice_channel::Entity::find()
        .filter(voice_channel::Column::SupplierId.eq(supplier.id))
        .one(db)
        .await?;
    if existing.is_some() {
        return Err(DomainError::Conflict(
            "this supplier already has a worker-voice channel".into(),
        ));
    }
    let row = voice_channel::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(supplier.company_id),
        supplier_id: Set(supplier.id),
        token: Set(codes::channel_token()),
        locales: Set(languages.join(",")),
        active: Set(true),
        created_by: Set(Some(actor)),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action: "voice_channel.opened",
            entity_type: "voice_channel",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"supplier_id": row.supplier_id, "locales": row.locales})),
        },
    )
    .await?;
    Ok(row)
}

/// The active channel with this public token, and its supplier.
pub async fn by_token<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<(voice_channel::Model, supplier::Model), DomainError> {
    let token = token.trim().to_ascii_lowercase();
    // Tokens are letters and digits (codes::channel_token): anything else, such as
    // a NUL that PostgreSQL could not even compare, names no channel.
    if token.len() > 64 || !token.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(DomainError::NotFound("channel"));
    }
    let channel = voice_channel::Entity::find()
        .filter(voice_channel::Column::Token.eq(token))
        .filter(voice_channel::Column::Active.eq(true))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("channel"))?;
    let supplier = supplier::Entity::find_by_id(channel.supplier_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("channel"))?;
    Ok((channel, supplier))
}
