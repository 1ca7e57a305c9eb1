//! Recurring assessments. A schedule sends its questionnaire on `next_send_on`
//! (the daily `send_scheduled_assessments` job), then moves the date on by
//! `every_months`. Each new assessment starts from the previous answers
//! (see `prefill`).

use crate::transaction::BeginWrite as _;
use chrono::{Duration, Months, NaiveDate};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::{assessment_schedule, organization, questionnaire, supplier},
    error::DomainError,
};

use super::{SendAssessment, send_assessment};

/// A schedule to create, already checked against the company.
#[derive(Debug, Clone)]
pub struct NewSchedule {
    /// The company.
    pub company_id: Uuid,
    /// The supplier.
    pub supplier_id: Uuid,
    /// The questionnaire.
    pub questionnaire_id: Uuid,
    /// 1–36 months between sends.
    pub every_months: i32,
    /// 1–180 days to answer.
    pub due_in_days: i32,
    /// The first send (today or later).
    pub first_send_on: NaiveDate,
    /// Who creates it.
    pub actor: Uuid,
}

/// Creates a schedule after checking its numbers.
pub async fn create_schedule<C: ConnectionTrait>(
    db: &C,
    input: NewSchedule,
) -> Result<assessment_schedule::Model, DomainError> {
    let mut errors = Vec::new();
    if !(1..=36).contains(&input.every_months) {
        errors.push(crate::error::FieldError::new(
            "every_months",
            "must be between 1 and 36",
        ));
    }
    if !(1..=180).contains(&input.due_in_days) {
        errors.push(crate::error::FieldError::new(
            "due_in_days",
            "must be between 1 and 180",
        ));
    }
    if input.first_send_on < clock::now().date_naive() {
        errors.push(crate::error::FieldError::new(
            "first_send_on",
            "must be today or later",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let row = assessment_schedule::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(input.company_id),
        supplier_id: Set(input.supplier_id),
        questionnaire_id: Set(input.questionnaire_id),
        every_months: Set(input.every_months),
        due_in_days: Set(input.due_in_days),
        next_send_on: Set(input.first_send_on),
        active: Set(true),
        created_by: Set(Some(input.actor)),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(input.actor),
            action: "schedule.created",
            entity_type: "assessment_schedule",
            entity_id: Some(row.id),
            before: None,
            after: Some(
                serde_json::json!({"every_months": row.every_months, "next_send_on": row.next_send_on}),
            ),
        },
    )
    .await?;
    Ok(row)
}

/// The `send_scheduled_assessments` job: sends the recurring assessments due on
/// `day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SendScheduledAssessments {
    /// The (UTC) day.
    pub day: chrono::NaiveDate,
}

impl crate::jobs::Job for SendScheduledAssessments {
    const KIND: &'static str = "send_scheduled_assessments";
}

impl crate::jobs::Daily for SendScheduledAssessments {
    fn for_day(day: chrono::NaiveDate) -> Self {
        Self { day }
    }
}

/// Sends every schedule due on or before `today`, each in its own transaction
/// (one failing schedule does not hold back the others); returns how many were sent.
pub async fn send_due<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    today: NaiveDate,
    public_url: &str,
) -> Result<usize, DomainError> {
    let due = assessment_schedule::Entity::find()
        .filter(assessment_schedule::Column::Active.eq(true))
        .filter(assessment_schedule::Column::NextSendOn.lte(today))
        .all(db)
        .await?;
    let mut sent = 0;
    for schedule in due {
        let txn = db.begin_write().await?;
        let company = organization::Entity::find_by_id(schedule.company_id)
            .one(&txn)
            .await?;
        let owner = supplier::Entity::find_by_id(schedule.supplier_id)
            .one(&txn)
            .await?;
        let form = questionnaire::Entity::find_by_id(schedule.questionnaire_id)
            .one(&txn)
            .await?;
        let (Some(company), Some(owner), Some(form)) = (company, owner, form) else {
            continue;
        };
        let mut next = schedule.next_send_on;
        while next <= today {
            next = next
                .checked_add_months(Months::new(schedule.every_months.unsigned_abs()))
                .unwrap_or(next);
        }
        let mut active = schedule.clone().into_active_model();
        active.next_send_on = Set(next);
        if owner.archived_at.is_some() {
            active.active = Set(false);
            active.update(&txn).await?;
            txn.commit().await?;
            continue;
        }
        active.update(&txn).await?;
        send_assessment(
            &txn,
            SendAssessment {
                company,
                supplier: owner,
                questionnaire: form,
                due_date: today + Duration::days(i64::from(schedule.due_in_days)),
                actor: schedule.created_by.unwrap_or_default(),
                public_url: public_url.to_string(),
            },
        )
        .await?;
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
