//! The pulse as staff see it: per question, how many chose each option — but
//! only once the channel has [`MIN_ANSWERS`] sets of answers. Below that the
//! result carries no number at all (not even the count), so a small site's
//! handful of workers cannot be told apart.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{MIN_ANSWERS, QUESTIONS, Question};
use crate::{
    access::Caller,
    entities::{voice_channel, voice_pulse_answer},
    error::DomainError,
};

/// What staff read instead of numbers below [`MIN_ANSWERS`].
pub const NOT_ENOUGH: &str = "Not enough answers to show without risking identification.";

/// How many chose one option.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OptionCount {
    /// The option value.
    pub option: &'static str,
    /// How many sets of answers chose it.
    pub count: u64,
}

/// One question's counts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuestionCounts {
    /// The question key.
    pub question: &'static str,
    /// Every option, in the form's order (zero counts included).
    pub options: Vec<OptionCount>,
}

/// Counts over enough answers to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Sets of answers (at least [`MIN_ANSWERS`]).
    pub answers: u64,
    /// Per question.
    pub questions: Vec<QuestionCounts>,
}

impl Tally {
    /// How many chose any of `options` of `question`.
    pub fn count(&self, question: Question, options: &[&str]) -> u64 {
        self.questions
            .iter()
            .filter(|q| q.question == question.key)
            .flat_map(|q| q.options.iter())
            .filter(|o| options.contains(&o.option))
            .map(|o| o.count)
            .sum()
    }
}

/// A channel's pulse for staff.
#[derive(Debug, Clone)]
pub struct Pulse {
    /// The channel.
    pub channel: voice_channel::Model,
    /// `None` while there are fewer than [`MIN_ANSWERS`] answers.
    pub tally: Option<Tally>,
}

fn column_value(row: &voice_pulse_answer::Model, question: &str) -> String {
    match question {
        "paid_fee" => row.paid_fee.clone(),
        "fee_amount" => row.fee_amount.clone(),
        "passport_holder" => row.passport_holder.clone(),
        "dormitory_free" => row.dormitory_free.clone(),
        _ => row.contract_matches.clone(),
    }
}

/// The counts of `channel_id`'s answers, or `None` below [`MIN_ANSWERS`].
pub async fn tally<C: ConnectionTrait>(db: &C, channel_id: Uuid) -> Result<Option<Tally>, DomainError> {
    let rows = voice_pulse_answer::Entity::find()
        .filter(voice_pulse_answer::Column::ChannelId.eq(channel_id))
        .all(db)
        .await?;
    let answers = rows.len() as u64;
    if answers < MIN_ANSWERS {
        return Ok(None);
    }
    let questions = QUESTIONS
        .iter()
        .map(|q| QuestionCounts {
            question: q.key,
            options: q
                .options
                .iter()
                .map(|option| OptionCount {
                    option,
                    count: rows.iter().filter(|r| column_value(r, q.key) == *option).count() as u64,
                })
                .collect(),
        })
        .collect();
    Ok(Some(Tally { answers, questions }))
}

/// Channel `channel_id`'s pulse, for its company's admins, officers and advisors
/// (read-only keys included); anyone else — a supplier's own users, another
/// tenant — gets `NotFound`.
pub async fn of_channel<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    channel_id: Uuid,
) -> Result<Pulse, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("channel");
    let channel = voice_channel::Entity::find_by_id(channel_id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    crate::voice::cases::require_staff(caller, channel.company_id).map_err(|_| NOT_FOUND)?;
    let tally = tally(db, channel.id).await?;
    Ok(Pulse { channel, tally })
}
