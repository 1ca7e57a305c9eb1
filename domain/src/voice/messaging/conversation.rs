//! The conversation a worker has with a channel by SMS or WhatsApp: a language
//! menu (the channel's languages, each in its own name), a category menu
//! (numbered from [`Category::ALL`], so a new category appears by itself), the
//! worker's words — filed as a case through [`submit::report`], the same use
//! case as the web form, sealed — and then the case code, the secret and how to
//! read replies (reply STATUS here, or the check page).
//!
//! State lives in a `voice_conversations` row found by a keyed hash of the
//! number; the number is kept only sealed. A provider's retry of a message
//! already handled (same message id) gets the same answer and changes nothing.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{normalize_phone, outbound, provider};
use crate::{
    clock,
    entities::{supplier, voice_case, voice_channel, voice_conversation, voice_message},
    error::DomainError,
    i18n::{FluentArgs, FluentValue},
    voice::{
        Category, channels,
        i18n::{VoiceTr, catalog},
        message_kind,
        seal::VoiceKey,
        submit::{self, NewReport, ReportForm},
    },
};

/// A conversation that filed no case is forgotten this long after its last
/// message (its sealed number with it).
pub const ABANDONED_AFTER_HOURS: i64 = 24;

/// The steps as stored.
pub mod step {
    /// Waiting for the language number.
    pub const LANGUAGE: &str = "language";
    /// Waiting for the category number.
    pub const CATEGORY: &str = "category";
    /// Waiting for the worker's words.
    pub const WORDS: &str = "words";
    /// A case is filed; STATUS reads it.
    pub const OPEN: &str = "open";
    /// Answering the worker pulse, one question a message.
    pub const PULSE: &str = "pulse";
    /// The pulse is answered; the row goes at the worker's next message.
    pub const PULSE_DONE: &str = "pulse_done";
}

/// One inbound text message, after its signature was checked.
pub struct Inbound {
    /// [`provider::TWILIO`] or [`provider::WHATSAPP`].
    pub provider: &'static str,
    /// The sender's number as the provider gave it (kept only sealed).
    pub from: String,
    /// The provider's id of the message (Twilio `MessageSid`, WhatsApp `id`).
    pub message_id: String,
    /// What the worker wrote.
    pub body: String,
}

/// What to answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The text of the next step.
    pub text: String,
    /// Whether this message had been handled before (a provider's retry).
    pub repeated: bool,
}

fn format(code: &str, key: &str, args: &[(&str, String)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(name.to_string(), FluentValue::from(value.clone()));
    }
    catalog().format(code, key, &fluent)
}

fn language_menu(channel: &voice_channel::Model, welcome: bool) -> String {
    let locales = channels::locales(channel);
    let first = VoiceTr::new(locales.first().map_or("en", String::as_str));
    let mut lines = Vec::new();
    if welcome {
        lines.push(first.get("conversation-welcome"));
    }
    lines.push(first.get("conversation-choose-language"));
    for (n, code) in locales.iter().enumerate() {
        lines.push(format!("{} {}", n + 1, VoiceTr::new(code).language_name()));
    }
    lines.join("\n")
}

fn category_menu(words: VoiceTr) -> String {
    let mut lines = vec![words.get("conversation-choose-category")];
    for (n, category) in Category::ALL.iter().enumerate() {
        lines.push(format!(
            "{} {}",
            n + 1,
            words.get(&format!("cat-{}", category.key()))
        ));
    }
    // Not a problem to report: the pulse's five questions.
    lines.push(format!(
        "{} {}",
        super::pulse::MENU_CHOICE,
        words.get("pulse-link")
    ));
    lines.join("\n")
}

/// The number a worker replied, 1-based, within `1..=count`, in ASCII digits or
/// their script's own (১, १, ١, ۱, ၁, ១…).
pub(super) fn choice(body: &str, count: usize) -> Option<usize> {
    let ascii = super::digits::to_ascii_digits(body);
    let trimmed = ascii.trim().trim_end_matches(['.', ')', '।', '။', '។']);
    trimmed.parse::<usize>().ok().filter(|n| (1..=count).contains(n))
}

/// Whether `body` is the reply word `key` in the worker's language or in English.
pub(super) fn is_word(body: &str, words: VoiceTr, key: &str) -> bool {
    let typed = body.trim().to_uppercase();
    typed == words.get(key).to_uppercase() || typed == VoiceTr::new("en").get(key).to_uppercase()
}

/// The number's newest conversation on the channel through `provider`.
async fn latest<C: ConnectionTrait>(
    db: &C,
    channel: Uuid,
    provider: &str,
    phone_hash: &str,
) -> Result<Option<voice_conversation::Model>, DomainError> {
    Ok(voice_conversation::Entity::find()
        .filter(voice_conversation::Column::ChannelId.eq(channel))
        .filter(voice_conversation::Column::Provider.eq(provider))
        .filter(voice_conversation::Column::PhoneHash.eq(phone_hash))
        .order_by_desc(voice_conversation::Column::CreatedAt)
        .one(db)
        .await?)
}

/// Handles one inbound message on `channel` in the caller's write transaction:
/// finds or starts the conversation, moves it one step, files the case at the
/// words step, and answers. For WhatsApp the answer is also queued for sending
/// (WhatsApp has no inline answer); Twilio's door answers it as TwiML.
pub async fn receive<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    channel: &voice_channel::Model,
    supplier: &supplier::Model,
    inbound: Inbound,
    public_url: &str,
) -> Result<Answer, DomainError> {
    let now = clock::now();
    // Conversations that never filed a case are not kept.
    voice_conversation::Entity::delete_many()
        .filter(voice_conversation::Column::ChannelId.eq(channel.id))
        .filter(voice_conversation::Column::CaseId.is_null())
        .filter(voice_conversation::Column::UpdatedAt.lt(now - Duration::hours(ABANDONED_AFTER_HOURS)))
        .exec(db)
        .await?;
    let phone_hash = key.keyed_hash("voice-phone", &normalize_phone(&inbound.from));
    let current = latest(db, channel.id, inbound.provider, &phone_hash).await?;
    if let Some(row) = &current
        && row.last_message_id.as_deref() == Some(inbound.message_id.as_str())
        && let Some(sealed) = &row.last_answer_sealed
    {
        return Ok(Answer {
            text: key.open(row.id, sealed)?,
            repeated: true,
        });
    }
    // A finished pulse is forgotten at the next message; the worker's other
    // conversation, if any, carries on.
    let current = match current {
        Some(row) if row.step == step::PULSE_DONE => {
            voice_conversation::Entity::delete_by_id(row.id).exec(db).await?;
            latest(db, channel.id, inbound.provider, &phone_hash).await?
        }
        other => other,
    };
    let (row, text) = match current {
        None => start(db, key, channel, &phone_hash, &inbound).await?,
        Some(row) => {
            let words = VoiceTr::new(row.locale.as_deref().unwrap_or("en"));
            if row.step == step::PULSE {
                super::pulse::answer(db, key, channel, row, &inbound, words).await?
            } else if super::pulse::asked(&row, words, &inbound.body) {
                super::pulse::begin(db, key, channel, &row.phone_hash, &inbound, words).await?
            } else {
                step(db, key, channel, supplier, row, &inbound, public_url).await?
            }
        }
    };
    let id = row.id;
    let mut active = row.into_active_model();
    active.last_message_id = Set(Some(inbound.message_id.clone()));
    active.last_answer_sealed = Set(Some(key.seal(id, &text)?));
    active.updated_at = Set(now);
    let row = active.update(db).await?;
    if inbound.provider == provider::WHATSAPP {
        outbound::queue(db, key, &row, None, &text).await?;
    }
    Ok(Answer {
        text,
        repeated: false,
    })
}

/// A new conversation: the language menu, or the category menu when the
/// channel has one language.
async fn start<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    channel: &voice_channel::Model,
    phone_hash: &str,
    inbound: &Inbound,
) -> Result<(voice_conversation::Model, String), DomainError> {
    let locales = channels::locales(channel);
    let id = Uuid::now_v7();
    let (step_now, locale, text) = if locales.len() == 1 {
        let words = VoiceTr::new(&locales[0]);
        (
            step::CATEGORY,
            Some(words.code.to_string()),
            format!("{}\n{}", words.get("conversation-welcome"), category_menu(words)),
        )
    } else {
        (step::LANGUAGE, None, language_menu(channel, true))
    };
    let row = insert(db, key, channel, id, phone_hash, inbound, step_now, locale).await?;
    Ok((row, text))
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn insert<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    channel: &voice_channel::Model,
    id: Uuid,
    phone_hash: &str,
    inbound: &Inbound,
    step_now: &str,
    locale: Option<String>,
) -> Result<voice_conversation::Model, DomainError> {
    let now = clock::now();
    Ok(voice_conversation::ActiveModel {
        id: Set(id),
        company_id: Set(channel.company_id),
        channel_id: Set(channel.id),
        provider: Set(inbound.provider.to_string()),
        phone_hash: Set(phone_hash.to_string()),
        phone_sealed: Set(key.seal(id, inbound.from.trim())?),
        step: Set(step_now.to_string()),
        locale: Set(locale),
        category: Set(None),
        case_id: Set(None),
        last_message_id: Set(None),
        last_answer_sealed: Set(None),
        pulse_sealed: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// Moves `row` one step with the worker's message.
async fn step<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    channel: &voice_channel::Model,
    supplier: &supplier::Model,
    row: voice_conversation::Model,
    inbound: &Inbound,
    public_url: &str,
) -> Result<(voice_conversation::Model, String), DomainError> {
    let words = VoiceTr::new(row.locale.as_deref().unwrap_or("en"));
    match row.step.as_str() {
        step::LANGUAGE => {
            let locales = channels::locales(channel);
            let Some(n) = choice(&inbound.body, locales.len()) else {
                let first = VoiceTr::new(locales.first().map_or("en", String::as_str));
                let text = format!(
                    "{}\n{}",
                    first.get("conversation-not-a-choice"),
                    language_menu(channel, false)
                );
                return Ok((row, text));
            };
            let words = VoiceTr::new(&locales[n - 1]);
            let mut active = row.into_active_model();
            active.locale = Set(Some(words.code.to_string()));
            active.step = Set(step::CATEGORY.to_string());
            Ok((active.update(db).await?, category_menu(words)))
        }
        step::CATEGORY => {
            let Some(n) = choice(&inbound.body, Category::ALL.len()) else {
                let text = format!(
                    "{}\n{}",
                    words.get("conversation-not-a-choice"),
                    category_menu(words)
                );
                return Ok((row, text));
            };
            let mut active = row.into_active_model();
            active.category = Set(Some(Category::ALL[n - 1].key().to_string()));
            active.step = Set(step::WORDS.to_string());
            Ok((active.update(db).await?, words.get("conversation-tell")))
        }
        step::WORDS => {
            let report = NewReport::parse(ReportForm {
                category: row.category.clone().unwrap_or_default(),
                description: inbound.body.clone(),
                contact: None,
                // The conversation does not ask for a nationality (one step less
                // for the worker); the site's country still chooses services.
                nationality: None,
                locale: words.code.to_string(),
            });
            let report = match report {
                Ok(report) => report,
                Err(DomainError::Invalid(errors)) => {
                    let text = if inbound.body.chars().count() > submit::MAX_TEXT {
                        words.arg1("conversation-too-long", "max", submit::MAX_TEXT)
                    } else if errors.iter().any(|e| e.field == "category") {
                        // The category went missing: ask it again.
                        category_menu(words)
                    } else {
                        words.get("conversation-empty")
                    };
                    return Ok((row, text));
                }
                Err(other) => return Err(other),
            };
            let receipt = submit::report(db, key, channel, supplier, report, public_url).await?;
            let text = receipt_text(words, &receipt.case.code, &receipt.secret, public_url);
            let mut active = row.into_active_model();
            active.case_id = Set(Some(receipt.case.id));
            active.step = Set(step::OPEN.to_string());
            Ok((active.update(db).await?, text))
        }
        _ => open_step(db, key, row, words, inbound, public_url).await,
    }
}

/// After the case is filed: STATUS reads it, NEW starts another report.
async fn open_step<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    row: voice_conversation::Model,
    words: VoiceTr,
    inbound: &Inbound,
    public_url: &str,
) -> Result<(voice_conversation::Model, String), DomainError> {
    if is_word(&inbound.body, words, "conversation-new-word") {
        let channel = voice_channel::Entity::find_by_id(row.channel_id)
            .one(db)
            .await?
            .ok_or(DomainError::NotFound("channel"))?;
        let fresh = insert(
            db,
            key,
            &channel,
            Uuid::now_v7(),
            &row.phone_hash,
            inbound,
            step::CATEGORY,
            Some(words.code.to_string()),
        )
        .await?;
        return Ok((fresh, category_menu(words)));
    }
    let case = match row.case_id {
        Some(id) => voice_case::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let Some(case) = case else {
        return Err(DomainError::Internal(
            "an open conversation without its case".into(),
        ));
    };
    let text = if is_word(&inbound.body, words, "conversation-status-word") {
        status_text(db, key, words, &case).await?
    } else {
        format!(
            "{}\n{}",
            how_to_read(words, public_url),
            words.arg1(
                "conversation-new-report",
                "word",
                words.get("conversation-new-word")
            )
        )
    };
    Ok((row, text))
}

fn how_to_read(words: VoiceTr, public_url: &str) -> String {
    format(
        words.code,
        "conversation-how-to-read",
        &[
            ("word", words.get("conversation-status-word")),
            ("link", format!("{}/v/check", public_url.trim_end_matches('/'))),
        ],
    )
}

fn receipt_text(words: VoiceTr, code: &str, secret: &str, public_url: &str) -> String {
    [
        words.get("conversation-received"),
        words.arg1("conversation-code", "code", code),
        words.arg1("conversation-secret", "secret", secret),
        words.get("conversation-keep"),
        how_to_read(words, public_url),
        words.get("conversation-privacy"),
    ]
    .join("\n")
}

/// The case's status and its latest reply, in the worker's language.
async fn status_text<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    words: VoiceTr,
    case: &voice_case::Model,
) -> Result<String, DomainError> {
    let status = words.get(&format!("voice-status-{}", case.status));
    let mut lines = vec![format(
        words.code,
        "conversation-status",
        &[("code", case.code.clone()), ("status", status)],
    )];
    let latest = voice_message::Entity::find()
        .filter(voice_message::Column::CaseId.eq(case.id))
        .filter(voice_message::Column::Kind.eq(message_kind::REPLY))
        .order_by_desc(voice_message::Column::CreatedAt)
        .one(db)
        .await?;
    match latest {
        Some(reply) => lines.push(key.open(reply.id, &reply.body_sealed)?),
        None => lines.push(words.get("voice-no-replies")),
    }
    Ok(lines.join("\n"))
}

/// The text a staff reply is delivered as.
pub fn reply_text(locale: Option<&str>, code: &str, reply: &str) -> String {
    let words = VoiceTr::new(locale.unwrap_or("en"));
    format(
        words.code,
        "conversation-reply",
        &[("code", code.to_string()), ("text", reply.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_number_every_category_and_read_typed_numbers() {
        let menu = category_menu(VoiceTr::new("es"));
        assert_eq!(
            menu.lines().count(),
            Category::ALL.len() + 2,
            "the categories and the pulse"
        );
        assert!(
            menu.ends_with("0 Responda cinco preguntas sobre su trabajo"),
            "{menu}"
        );
        assert!(menu.contains(&format!("{} ", Category::ALL.len())));
        assert_eq!(choice(" 2 ", 3), Some(2));
        assert_eq!(choice("2.", 3), Some(2));
        assert_eq!(choice("4", 3), None);
        assert_eq!(choice("0", 3), None);
        assert_eq!(choice("two", 3), None);
        // A script's own digits: Bengali, Devanagari, Arabic-Indic, Urdu, Burmese, Khmer.
        for typed in ["২", "२", "٢", "۲", "၂", "២", " ২।"] {
            assert_eq!(choice(typed, 3), Some(2), "{typed}");
        }
        assert_eq!(choice("১০", 12), Some(10));
        assert_eq!(choice("৪", 3), None);
        assert!(is_word("estado", VoiceTr::new("es"), "conversation-status-word"));
        assert!(is_word("Status", VoiceTr::new("es"), "conversation-status-word"));
        assert!(!is_word("hola", VoiceTr::new("es"), "conversation-status-word"));
        assert_eq!(
            reply_text(Some("es"), "K3QZ-8H2M", "Vamos a visitar."),
            "Respuesta sobre el caso K3QZ-8H2M: Vamos a visitar."
        );
    }
}
