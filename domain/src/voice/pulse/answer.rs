//! A worker answers the pulse: the answers are checked, stored with nothing that
//! identifies the worker, and the channel's contradictions with the supplier's
//! questionnaire are looked for in the same transaction.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use super::{CONTRACT_MATCHES, DORMITORY_FREE, FEE_AMOUNT, PAID_FEE, PASSPORT_HOLDER, Question};
use crate::{
    clock,
    entities::{voice_channel, voice_pulse_answer},
    error::{DomainError, FieldError},
};

/// The answers as sent, each an option value.
#[derive(Debug, Clone, Default)]
pub struct PulseForm {
    /// `yes` or `no`.
    pub paid_fee: Option<String>,
    /// `nothing`, `under_one_month`, `one_to_three_months`, `over_three_months`.
    pub fee_amount: Option<String>,
    /// `me`, `employer`, `agent`, `someone_else`, `no_passport`.
    pub passport_holder: Option<String>,
    /// `yes`, `no`, `no_dormitory`.
    pub dormitory_free: Option<String>,
    /// `yes` or `no`.
    pub contract_matches: Option<String>,
}

/// Checked answers: every question answered with one of its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PulseAnswers {
    paid_fee: &'static str,
    fee_amount: &'static str,
    passport_holder: &'static str,
    dormitory_free: &'static str,
    contract_matches: &'static str,
}

fn option(question: Question, raw: Option<&str>, errors: &mut Vec<FieldError>) -> &'static str {
    let raw = raw.map(str::trim).unwrap_or_default();
    match question.options.iter().find(|o| **o == raw) {
        Some(found) => found,
        None => {
            errors.push(FieldError::new(
                question.key,
                format!("must be one of {}", question.options.join(", ")),
            ));
            ""
        }
    }
}

impl PulseAnswers {
    /// Checks every answer, naming each field that is missing or not an option.
    pub fn parse(form: &PulseForm) -> Result<Self, DomainError> {
        let mut errors = Vec::new();
        let answers = Self {
            paid_fee: option(PAID_FEE, form.paid_fee.as_deref(), &mut errors),
            fee_amount: option(FEE_AMOUNT, form.fee_amount.as_deref(), &mut errors),
            passport_holder: option(PASSPORT_HOLDER, form.passport_holder.as_deref(), &mut errors),
            dormitory_free: option(DORMITORY_FREE, form.dormitory_free.as_deref(), &mut errors),
            contract_matches: option(CONTRACT_MATCHES, form.contract_matches.as_deref(), &mut errors),
        };
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(DomainError::Invalid(errors))
        }
    }
}

/// Stores `answers` on the channel its public `token` names and raises any new
/// contradiction finding, in one write transaction (both doors call this).
pub async fn file(
    db: &crate::database::Database,
    token: &str,
    answers: PulseAnswers,
) -> Result<(), DomainError> {
    use crate::transaction::BeginWrite as _;
    let txn = db.begin_write().await?;
    let (channel, _) = crate::voice::channels::by_token(&txn, token).await?;
    file_in(&txn, &channel, answers).await?;
    txn.commit().await?;
    Ok(())
}

/// Stores `answers` on `channel` and raises any new contradiction finding, in
/// the caller's write transaction (the SMS/WhatsApp conversation's door).
pub async fn file_in<C: ConnectionTrait>(
    db: &C,
    channel: &voice_channel::Model,
    answers: PulseAnswers,
) -> Result<(), DomainError> {
    record(db, channel, answers).await?;
    super::contradictions::raise_new(db, channel).await?;
    Ok(())
}

/// Stores one set of answers: the options and the day, nothing else. No audit
/// row: an audit entry's time would date the answer to the second.
async fn record<C: ConnectionTrait>(
    db: &C,
    channel: &voice_channel::Model,
    a: PulseAnswers,
) -> Result<(), DomainError> {
    voice_pulse_answer::ActiveModel {
        id: Set(Uuid::new_v4()),
        company_id: Set(channel.company_id),
        supplier_id: Set(channel.supplier_id),
        channel_id: Set(channel.id),
        paid_fee: Set(a.paid_fee.into()),
        fee_amount: Set(a.fee_amount.into()),
        passport_holder: Set(a.passport_holder.into()),
        dormitory_free: Set(a.dormitory_free.into()),
        contract_matches: Set(a.contract_matches.into()),
        answered_on: Set(clock::now().date_naive()),
    }
    .insert(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(paid: &str) -> PulseForm {
        PulseForm {
            paid_fee: Some(paid.into()),
            fee_amount: Some("nothing".into()),
            passport_holder: Some("me".into()),
            dormitory_free: Some("yes".into()),
            contract_matches: Some("yes".into()),
        }
    }

    #[test]
    fn every_question_needs_one_of_its_options() {
        assert!(PulseAnswers::parse(&form("yes")).is_ok());
        let Err(DomainError::Invalid(errors)) = PulseAnswers::parse(&form("maybe")) else {
            panic!("accepted an unknown option");
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "paid_fee");
        let Err(DomainError::Invalid(errors)) = PulseAnswers::parse(&PulseForm::default()) else {
            panic!("accepted nothing");
        };
        assert_eq!(errors.len(), 5);
    }
}
