//! Printable A4 posters of a channel: requested here, rendered by the worker
//! (`render_voice_poster`), stored in the file store, downloaded as a PDF.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{supplier, voice_channel, voice_poster},
    error::DomainError,
    jobs::{self, JobOptions},
};

/// Poster states as stored.
pub mod status {
    /// Waiting for the worker.
    pub const QUEUED: &str = "queued";
    /// The PDF is stored.
    pub const READY: &str = "ready";
    /// Rendering failed for good.
    pub const FAILED: &str = "failed";
}

/// The payload of a `render_voice_poster` job.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct RenderPoster {
    /// The `voice_posters` row.
    pub poster_id: Uuid,
}

impl crate::jobs::Job for RenderPoster {
    const KIND: &'static str = "render_voice_poster";
}

/// Queues a poster of `channel` in `languages`, linking to `link`.
pub async fn request<C: ConnectionTrait>(
    db: &C,
    channel: &voice_channel::Model,
    actor: Uuid,
    languages: &[&str],
    link: &str,
) -> Result<voice_poster::Model, DomainError> {
    let row = voice_poster::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(channel.company_id),
        channel_id: Set(channel.id),
        locales: Set(languages.join(",")),
        link: Set(link.to_string()),
        status: Set(status::QUEUED.to_string()),
        storage_key: Set(None),
        error: Set(None),
        requested_by: Set(Some(actor)),
        created_at: Set(clock::now()),
        ready_at: Set(None),
    }
    .insert(db)
    .await?;
    jobs::enqueue(db, &RenderPoster { poster_id: row.id }, JobOptions::default()).await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action: "voice_poster.requested",
            entity_type: "voice_poster",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"channel_id": row.channel_id, "locales": row.locales})),
        },
    )
    .await?;
    Ok(row)
}

/// What the renderer needs.
#[derive(Debug, Clone)]
pub struct PosterData {
    /// The poster row.
    pub poster: voice_poster::Model,
    /// The site's name.
    pub supplier_name: String,
}

/// Loads a poster and its supplier's name.
pub async fn load<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<PosterData, DomainError> {
    let poster = voice_poster::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("poster"))?;
    let channel = voice_channel::Entity::find_by_id(poster.channel_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("channel"))?;
    let supplier_name = supplier::Entity::find_by_id(channel.supplier_id)
        .one(db)
        .await?
        .map(|s| s.name)
        .unwrap_or_default();
    Ok(PosterData {
        poster,
        supplier_name,
    })
}

/// Where a poster's PDF is stored.
pub fn storage_key(poster: &voice_poster::Model) -> String {
    format!("voice-posters/{}/{}.pdf", poster.company_id, poster.id)
}

/// Marks the poster ready at `key` (idempotent).
pub async fn mark_ready<C: ConnectionTrait>(db: &C, id: Uuid, key: &str) -> Result<(), DomainError> {
    let Some(row) = voice_poster::Entity::find_by_id(id).one(db).await? else {
        return Ok(());
    };
    if row.status == status::READY {
        return Ok(());
    }
    let mut active = row.into_active_model();
    active.status = Set(status::READY.to_string());
    active.storage_key = Set(Some(key.to_string()));
    active.error = Set(None);
    active.ready_at = Set(Some(clock::now()));
    active.update(db).await?;
    Ok(())
}

/// Marks the poster failed (the job's last attempt failed).
pub async fn mark_failed<C: ConnectionTrait>(db: &C, id: Uuid, error: &str) -> Result<(), DomainError> {
    let Some(row) = voice_poster::Entity::find_by_id(id).one(db).await? else {
        return Ok(());
    };
    if row.status == status::READY {
        return Ok(());
    }
    let mut active = row.into_active_model();
    active.status = Set(status::FAILED.to_string());
    active.error = Set(Some(error.chars().take(2000).collect()));
    active.update(db).await?;
    Ok(())
}
