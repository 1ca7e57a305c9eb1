//! Outbound email as data: a use case records *which* message goes to *whom* with
//! which parameters, and queues a `send_email` job in the same transaction. The
//! worker renders the template and sends it, so a rolled-back change sends nothing.
//! Each message is a typed struct ([`messages`]) tied to its [`TemplateKey`].

pub mod messages;
mod template_key;

pub use messages::Message;
pub use template_key::TemplateKey;

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, TryInsertResult};
use uuid::Uuid;

use crate::{
    clock,
    entities::outbound_email,
    error::DomainError,
    jobs::{self, JobOptions},
    values::{Email, Locale},
};

/// Email states as stored.
pub mod status {
    /// Waiting for the worker.
    pub const QUEUED: &str = "queued";
    /// Handed to the transport; `message_id` and `sent_at` are set.
    pub const SENT: &str = "sent";
    /// Permanently refused (e.g. unknown mailbox), or out of attempts.
    pub const FAILED: &str = "failed";
}

/// The payload of a `send_email` job.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct SendEmail {
    /// The `outbound_emails` row.
    pub email_id: Uuid,
}

impl jobs::Job for SendEmail {
    const KIND: &'static str = "send_email";
}

/// One message to queue, built only from a typed [`Message`] (so the stored
/// parameters are always what the worker's renderer reads back).
#[derive(Debug, Clone)]
pub struct NewEmail {
    company_id: Option<Uuid>,
    template: TemplateKey,
    to: Email,
    locale: Locale,
    params: serde_json::Value,
}

impl NewEmail {
    /// `message` to `to` in `locale`, about the tenant `company_id`.
    pub fn new<M: Message>(
        company_id: Option<Uuid>,
        to: Email,
        locale: Locale,
        message: &M,
    ) -> Result<Self, DomainError> {
        Ok(Self {
            company_id,
            template: M::KEY,
            to,
            locale,
            params: serde_json::to_value(message)?,
        })
    }
}

/// Records the email and queues its `send_email` job on `db`.
pub async fn queue<C: ConnectionTrait>(db: &C, email: NewEmail) -> Result<Uuid, DomainError> {
    let id = Uuid::now_v7();
    row(id, email, None).insert(db).await?;
    enqueue_send(db, id).await?;
    Ok(id)
}

/// Like [`queue`], but at most once per `dedupe_key`: when an email with that key
/// was ever recorded (sent, queued or failed), nothing happens and `None` comes
/// back. For messages computed again and again (reminders, digests, fan-out of an
/// event by a retried job), so a second worker or a catch-up run sends nothing
/// twice. The insert ignores the conflict instead of failing, so it is safe inside
/// the caller's PostgreSQL transaction and against a concurrent twin.
pub async fn queue_once<C: ConnectionTrait>(
    db: &C,
    dedupe_key: &str,
    email: NewEmail,
) -> Result<Option<Uuid>, DomainError> {
    let id = Uuid::now_v7();
    let inserted = outbound_email::Entity::insert(row(id, email, Some(dedupe_key.to_string())))
        .on_conflict_do_nothing_on([outbound_email::Column::DedupeKey])
        .exec_without_returning(db)
        .await?;
    if !matches!(inserted, TryInsertResult::Inserted(n) if n > 0) {
        return Ok(None);
    }
    enqueue_send(db, id).await?;
    Ok(Some(id))
}

/// The `outbound_emails` row for a new, queued email.
fn row(id: Uuid, email: NewEmail, dedupe_key: Option<String>) -> outbound_email::ActiveModel {
    outbound_email::ActiveModel {
        id: Set(id),
        company_id: Set(email.company_id),
        template: Set(email.template.as_str().to_string()),
        to_address: Set(email.to.as_str().to_string()),
        locale: Set(email.locale.code().to_string()),
        params: Set(Some(email.params)),
        status: Set(status::QUEUED.to_string()),
        message_id: Set(None),
        sent_at: Set(None),
        last_error: Set(None),
        created_at: Set(clock::now()),
        dedupe_key: Set(dedupe_key),
    }
}

/// The `send_email` job for the row `id`.
async fn enqueue_send<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<(), DomainError> {
    jobs::enqueue(
        db,
        &SendEmail { email_id: id },
        JobOptions {
            max_attempts: 8,
            ..JobOptions::default()
        },
    )
    .await?;
    Ok(())
}
