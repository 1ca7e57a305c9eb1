//! The worker pulse by SMS and WhatsApp: the same five questions as the link's
//! form, one message each, numbered options in the worker's language. A worker
//! asks for it with `0` in the category menu or the pulse word (`PULSE`, or its
//! word in their language) once the language is chosen.
//!
//! Anonymity: the pulse runs on a conversation row of its own (found, like every
//! conversation, by the keyed hash of the number); the answers given so far are
//! sealed on it and cleared at the fifth, when they are stored exactly as a
//! link's answers are (channel and day only, [`pulse::answer::file_in`]) and the
//! contradictions with the supplier's questionnaire looked for. The row is
//! deleted by the worker's next message (or after
//! [`ABANDONED_AFTER_HOURS`](super::conversation::ABANDONED_AFTER_HOURS)).
//!
//! One set of answers per number, channel and survey period (a calendar month,
//! UTC): a ballot row keeps a keyed hash of channel, period and number — a
//! different hash from the conversation's, and nothing linking it to the
//! answers — and ballots of past periods are deleted when the next pulse starts.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter,
};
use uuid::Uuid;

use super::{
    conversation::{Inbound, choice, insert, is_word, step},
    normalize_phone,
};
use crate::{
    clock,
    entities::{voice_channel, voice_conversation, voice_pulse_ballot},
    error::DomainError,
    voice::{
        i18n::VoiceTr,
        pulse::{
            QUESTIONS, Question,
            answer::{self, PulseAnswers, PulseForm},
        },
        seal::VoiceKey,
    },
};

/// The menu number that asks for the pulse in the category menu.
pub const MENU_CHOICE: &str = "0";

/// Whether the worker's message on `row` asks for the pulse: the pulse word in
/// their language or English, or `0` in the category menu.
pub fn asked(row: &voice_conversation::Model, words: VoiceTr, body: &str) -> bool {
    if row.locale.is_none() {
        return false;
    }
    match row.step.as_str() {
        step::CATEGORY => {
            super::digits::to_ascii_digits(body).trim() == MENU_CHOICE
                || is_word(body, words, "conversation-pulse-word")
        }
        step::OPEN => is_word(body, words, "conversation-pulse-word"),
        _ => false,
    }
}

/// Question `n` (0-based) and its numbered options.
fn question_text(words: VoiceTr, n: usize) -> String {
    let question = QUESTIONS[n];
    let mut lines = vec![format!(
        "{}/{} {}",
        n + 1,
        QUESTIONS.len(),
        words.get(&question.label_key())
    )];
    for (i, option) in question.options.iter().enumerate() {
        lines.push(format!("{} {}", i + 1, words.get(&Question::option_key(option))));
    }
    lines.join("\n")
}

/// The survey period of now: `YYYY-MM`, UTC.
fn period() -> String {
    clock::now().format("%Y-%m").to_string()
}

fn ballot_hash(key: &VoiceKey, channel: Uuid, period: &str, from: &str) -> String {
    key.keyed_hash(
        "voice-pulse-ballot",
        &format!("{channel}|{period}|{}", normalize_phone(from)),
    )
}

async fn has_voted<C: ConnectionTrait>(
    db: &C,
    channel: Uuid,
    period: &str,
    hash: &str,
) -> Result<bool, DomainError> {
    Ok(voice_pulse_ballot::Entity::find()
        .filter(voice_pulse_ballot::Column::ChannelId.eq(channel))
        .filter(voice_pulse_ballot::Column::Period.eq(period))
        .filter(voice_pulse_ballot::Column::BallotHash.eq(hash))
        .count(db)
        .await?
        > 0)
}

/// Starts the pulse on a new conversation row (the worker's other
/// conversation, if any, resumes after it): the first question, or "already
/// answered this month".
pub async fn begin<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    channel: &voice_channel::Model,
    phone_hash: &str,
    inbound: &Inbound,
    words: VoiceTr,
) -> Result<(voice_conversation::Model, String), DomainError> {
    let period = period();
    // Past periods' ballots have done their work.
    voice_pulse_ballot::Entity::delete_many()
        .filter(voice_pulse_ballot::Column::ChannelId.eq(channel.id))
        .filter(voice_pulse_ballot::Column::Period.ne(period.as_str()))
        .exec(db)
        .await?;
    let voted = has_voted(
        db,
        channel.id,
        &period,
        &ballot_hash(key, channel.id, &period, &inbound.from),
    )
    .await?;
    let (step_now, text) = if voted {
        (step::PULSE_DONE, words.get("conversation-pulse-already"))
    } else {
        (
            step::PULSE,
            format!(
                "{}\n{}",
                words.get("conversation-pulse-intro"),
                question_text(words, 0)
            ),
        )
    };
    let id = Uuid::now_v7();
    let row = insert(
        db,
        key,
        channel,
        id,
        phone_hash,
        inbound,
        step_now,
        Some(words.code.to_string()),
    )
    .await?;
    Ok((row, text))
}

/// The answers given so far on `row`, in question order.
fn so_far(key: &VoiceKey, row: &voice_conversation::Model) -> Result<Vec<String>, DomainError> {
    let Some(sealed) = &row.pulse_sealed else {
        return Ok(Vec::new());
    };
    let text = key.open(row.id, sealed)?;
    Ok(text
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// One answer: the next question, or — at the fifth — the answers stored and
/// the thanks.
pub async fn answer<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    channel: &voice_channel::Model,
    row: voice_conversation::Model,
    inbound: &Inbound,
    words: VoiceTr,
) -> Result<(voice_conversation::Model, String), DomainError> {
    let mut answers = so_far(key, &row)?;
    let n = answers.len();
    let Some(question) = QUESTIONS.get(n) else {
        return Err(DomainError::Internal(
            "a pulse conversation past its last question".into(),
        ));
    };
    let Some(picked) = choice(&inbound.body, question.options.len()) else {
        let text = format!(
            "{}\n{}",
            words.get("conversation-not-a-choice"),
            question_text(words, n)
        );
        return Ok((row, text));
    };
    answers.push(question.options[picked - 1].to_string());
    let id = row.id;
    let mut active = row.into_active_model();
    if answers.len() < QUESTIONS.len() {
        active.pulse_sealed = Set(Some(key.seal(id, &answers.join(","))?));
        return Ok((active.update(db).await?, question_text(words, answers.len())));
    }
    let option = |i: usize| answers.get(i).cloned();
    let checked = PulseAnswers::parse(&PulseForm {
        paid_fee: option(0),
        fee_amount: option(1),
        passport_holder: option(2),
        dormitory_free: option(3),
        contract_matches: option(4),
    })?;
    let period = period();
    let hash = ballot_hash(key, channel.id, &period, &inbound.from);
    // Checked again: the same number may have finished another pulse
    // conversation since this one began.
    let text = if has_voted(db, channel.id, &period, &hash).await? {
        words.get("conversation-pulse-already")
    } else {
        voice_pulse_ballot::ActiveModel {
            id: Set(Uuid::new_v4()),
            channel_id: Set(channel.id),
            period: Set(period),
            ballot_hash: Set(hash),
        }
        .insert(db)
        .await?;
        answer::file_in(db, channel, checked).await?;
        words.get("pulse-thanks")
    };
    active.pulse_sealed = Set(None);
    active.step = Set(step::PULSE_DONE.to_string());
    Ok((active.update(db).await?, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_question_numbers_its_options_in_the_workers_language() {
        let text = question_text(VoiceTr::new("ne"), 2);
        assert!(text.starts_with("3/5 "), "{text}");
        assert_eq!(text.lines().count(), 1 + QUESTIONS[2].options.len());
        let english = question_text(VoiceTr::new("en"), 0);
        assert_eq!(
            english,
            "1/5 Did you pay money to anyone to get this job?\n1 Yes\n2 No"
        );
    }
}
