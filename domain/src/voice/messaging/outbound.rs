//! Messages sent to a worker through the provider's API by the
//! `send_voice_message` job: WhatsApp answers in the conversation, and staff
//! replies on a case opened by SMS or WhatsApp. The text is sealed; the number
//! is opened from the conversation only when the job sends, so a case closed
//! before then (its number forgotten) drops the message. Once the provider
//! answers with its message id the row is `sent` and a retried job sends
//! nothing again.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{conversation, provider, settings};
use crate::{
    clock,
    entities::{voice_case, voice_conversation, voice_outbound},
    error::DomainError,
    jobs::{self, Job, JobOptions},
    voice::seal::VoiceKey,
};

/// Outbound states as stored.
pub mod status {
    /// Waiting for the job.
    pub const QUEUED: &str = "queued";
    /// The provider accepted it (its message id is kept).
    pub const SENT: &str = "sent";
    /// The provider refused it (4xx) or every attempt failed.
    pub const FAILED: &str = "failed";
    /// The number was forgotten (the case closed) before it could be sent.
    pub const DROPPED: &str = "dropped";
}

/// The job: send outbound message `outbound_id`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SendVoiceMessage {
    /// The `voice_outbound` row.
    pub outbound_id: Uuid,
}

impl Job for SendVoiceMessage {
    const KIND: &'static str = "send_voice_message";
}

/// Queues `text` to the worker of `conversation` (and its job), in the caller's
/// transaction.
pub async fn queue<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    conversation: &voice_conversation::Model,
    case_id: Option<Uuid>,
    text: &str,
) -> Result<Uuid, DomainError> {
    let id = Uuid::now_v7();
    voice_outbound::ActiveModel {
        id: Set(id),
        company_id: Set(conversation.company_id),
        conversation_id: Set(conversation.id),
        case_id: Set(case_id),
        provider: Set(conversation.provider.clone()),
        body_sealed: Set(key.seal(id, text)?),
        status: Set(status::QUEUED.to_string()),
        provider_message_id: Set(None),
        error: Set(None),
        created_at: Set(clock::now()),
        sent_at: Set(None),
    }
    .insert(db)
    .await?;
    jobs::enqueue(
        db,
        &SendVoiceMessage { outbound_id: id },
        JobOptions {
            max_attempts: 6,
            unique_key: Some(format!("send_voice_message:{id}")),
            ..JobOptions::default()
        },
    )
    .await?;
    Ok(id)
}

/// Queues a staff reply on `case` to the worker, when the case was opened by
/// SMS or WhatsApp and its number is still kept; `None` otherwise.
pub async fn queue_reply<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    case: &voice_case::Model,
    reply: &str,
) -> Result<Option<Uuid>, DomainError> {
    let Some(conversation) = voice_conversation::Entity::find()
        .filter(voice_conversation::Column::CaseId.eq(case.id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let text = conversation::reply_text(conversation.locale.as_deref(), &case.code, reply);
    queue(db, key, &conversation, Some(case.id), &text)
        .await
        .map(Some)
}

/// Where and how to send one message.
pub struct Delivery {
    /// The row.
    pub outbound: voice_outbound::Model,
    /// The worker's number as the provider gave it.
    pub to: String,
    /// The text.
    pub text: String,
    /// The company's settings.
    pub settings: crate::entities::voice_messaging::Model,
    /// Their secrets.
    pub secrets: settings::Secrets,
}

/// What the job should do.
pub enum Prepared {
    /// Sent already (a retried job): nothing to do.
    Done,
    /// The number is forgotten or the settings are gone: recorded as dropped.
    Dropped,
    /// Send it.
    Send(Box<Delivery>),
}

/// Loads outbound `id` for sending.
pub async fn prepare<C: ConnectionTrait>(db: &C, key: &VoiceKey, id: Uuid) -> Result<Prepared, DomainError> {
    let outbound = voice_outbound::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("outbound message"))?;
    if outbound.status != status::QUEUED {
        return Ok(Prepared::Done);
    }
    let conversation = voice_conversation::Entity::find_by_id(outbound.conversation_id)
        .one(db)
        .await?;
    let settings_row = settings::of_company(db, outbound.company_id).await?;
    let (Some(conversation), Some(settings_row)) = (conversation, settings_row) else {
        finish(
            db,
            outbound,
            status::DROPPED,
            None,
            Some("the number was forgotten".into()),
        )
        .await?;
        return Ok(Prepared::Dropped);
    };
    let to = key.open(conversation.id, &conversation.phone_sealed)?;
    let text = key.open(outbound.id, &outbound.body_sealed)?;
    let secrets = settings::open_secrets(key, &settings_row)?;
    if outbound.provider == provider::WHATSAPP
        && (settings_row.whatsapp_phone_number_id.is_none() || secrets.whatsapp_access_token.is_none())
    {
        finish(
            db,
            outbound,
            status::DROPPED,
            None,
            Some("WhatsApp is not set up".into()),
        )
        .await?;
        return Ok(Prepared::Dropped);
    }
    Ok(Prepared::Send(Box::new(Delivery {
        outbound,
        to,
        text,
        settings: settings_row,
        secrets,
    })))
}

/// Records how outbound `id` ended: `sent` with the provider's message id, or
/// `failed` with a reason that holds no number.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    sent: Result<String, String>,
) -> Result<(), DomainError> {
    let outbound = voice_outbound::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("outbound message"))?;
    match sent {
        Ok(message_id) => finish(db, outbound, status::SENT, Some(message_id), None).await,
        Err(reason) => finish(db, outbound, status::FAILED, None, Some(reason)).await,
    }
}

async fn finish<C: ConnectionTrait>(
    db: &C,
    outbound: voice_outbound::Model,
    new_status: &str,
    message_id: Option<String>,
    error: Option<String>,
) -> Result<(), DomainError> {
    let mut active = outbound.into_active_model();
    active.status = Set(new_status.to_string());
    if new_status == status::SENT {
        active.sent_at = Set(Some(clock::now()));
    }
    active.provider_message_id = Set(message_id);
    active.error = Set(error);
    active.update(db).await?;
    Ok(())
}
