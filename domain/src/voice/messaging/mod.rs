//! Worker voice by SMS and WhatsApp (issue #20): workers without a smartphone
//! report by text message (api-contract.md, "Worker voice by SMS and WhatsApp").
//!
//! - [`settings`]: a company's provider settings (Twilio, Meta's WhatsApp Cloud
//!   API); secrets sealed with the worker-voice key, never returned.
//! - [`signature`]: the providers' webhook signatures, checked before anything is
//!   stored.
//! - [`conversation`]: the conversation — language menu, category menu, the
//!   worker's words (filed through the same use case as the web form), then the
//!   case code and secret.
//! - [`digits`]: menu numbers typed in any script's digits (১, १, ١, ۱, ၁, ១) read
//!   as ASCII.
//! - [`pulse`]: the worker pulse's five questions in the same conversation,
//!   anonymous, one set per number, channel and month.
//! - [`outbound`]: messages sent back through the provider's API by a worker job
//!   (WhatsApp answers, staff replies), exactly once.
//!
//! Privacy: the phone number is never stored in clear and never logged. A
//! conversation is found by a keyed hash of the number; the number is kept only
//! sealed (AEAD) so replies can be sent, and the conversation row — hash and
//! sealed number — is deleted when its case closes ([`forget_case`]), or after
//! [`conversation::ABANDONED_AFTER_HOURS`] when no case was filed.

pub mod conversation;
pub mod digits;
pub mod outbound;
pub mod pulse;
pub mod settings;
pub mod signature;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{entities::voice_conversation, error::DomainError};

/// The provider names as stored.
pub mod provider {
    /// Twilio Programmable Messaging (SMS).
    pub const TWILIO: &str = "twilio";
    /// Meta's WhatsApp Cloud API.
    pub const WHATSAPP: &str = "whatsapp";
}

/// A phone number in the one form its hash is taken of: the digits only, with
/// a leading `+` (Twilio sends `+8801…`, WhatsApp `8801…`, Twilio's WhatsApp
/// `whatsapp:+8801…`; all are one worker).
pub fn normalize_phone(raw: &str) -> String {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    format!("+{digits}")
}

/// Forgets the phone numbers linked to case `case_id`: deletes its conversation
/// rows (the keyed hash and the sealed number). Called when the case closes, in
/// the same transaction; a later message from that number starts afresh.
pub async fn forget_case<C: ConnectionTrait>(db: &C, case_id: Uuid) -> Result<u64, DomainError> {
    let deleted = voice_conversation::Entity::delete_many()
        .filter(voice_conversation::Column::CaseId.eq(case_id))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}

/// What an inbound webhook needs before it may read a message: the channel its
/// token names, its supplier, and the company's messaging settings with their
/// secrets (to check the signature).
pub struct Door {
    /// The channel.
    pub channel: crate::entities::voice_channel::Model,
    /// Its supplier site.
    pub supplier: crate::entities::supplier::Model,
    /// The company's settings.
    pub settings: crate::entities::voice_messaging::Model,
    /// Their secrets, opened.
    pub secrets: settings::Secrets,
}

/// The door of channel `token`; `NotFound` for an unknown or inactive channel
/// and for a company without messaging settings (no provider can sign for it).
pub async fn door<C: ConnectionTrait>(
    db: &C,
    key: &crate::voice::seal::VoiceKey,
    token: &str,
) -> Result<Door, DomainError> {
    let (channel, supplier) = crate::voice::channels::by_token(db, token).await?;
    let settings = settings::of_company(db, channel.company_id)
        .await?
        .ok_or(DomainError::NotFound("channel"))?;
    let secrets = settings::open_secrets(key, &settings)?;
    Ok(Door {
        channel,
        supplier,
        settings,
        secrets,
    })
}

/// Handles one inbound message whose signature was checked, in a write
/// transaction of its own (the doors hold no transaction).
pub async fn handle(
    db: &crate::database::Database,
    key: &crate::voice::seal::VoiceKey,
    door: &Door,
    inbound: conversation::Inbound,
    public_url: &str,
) -> Result<conversation::Answer, DomainError> {
    use crate::transaction::BeginWrite as _;
    let txn = db.begin_write().await?;
    let answer = conversation::receive(&txn, key, &door.channel, &door.supplier, inbound, public_url).await?;
    txn.commit().await?;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_number_in_every_provider_spelling_is_one_form() {
        assert_eq!(normalize_phone("+8801712345678"), "+8801712345678");
        assert_eq!(normalize_phone("8801712345678"), "+8801712345678");
        assert_eq!(normalize_phone("whatsapp:+8801712345678"), "+8801712345678");
    }
}
