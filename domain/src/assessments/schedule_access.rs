//! The schedule use cases as a caller asks for them: who may, which supplier and
//! questionnaire are the company's, and what is stored. The API's routes only
//! translate HTTP to these calls.

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    access::Caller,
    entities::{assessment_schedule, supplier},
    error::DomainError,
    transaction::BeginWrite as _,
};

use super::{NewSchedule, create_schedule};

/// A schedule as asked for, its date already parsed.
#[derive(Debug, Clone)]
pub struct ScheduleRequest {
    /// The supplier (one of the company's, not archived).
    pub supplier_id: Uuid,
    /// A questionnaire the company may send.
    pub questionnaire_id: Uuid,
    /// 1–36 months between sends.
    pub every_months: i32,
    /// 1–180 days to answer.
    pub due_in_days: i32,
    /// The first send (today or later).
    pub first_send_on: NaiveDate,
}

/// Creates a schedule for company `company_id` (officers and admins).
pub async fn schedule<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    request: ScheduleRequest,
) -> Result<assessment_schedule::Model, DomainError> {
    caller.company_manager(company_id)?;
    supplier::Entity::find_by_id(request.supplier_id)
        .one(db)
        .await?
        .filter(|s| s.company_id == company_id && s.archived_at.is_none())
        .ok_or_else(|| DomainError::invalid("supplier_id", "no such supplier in this company"))?;
    crate::questionnaire::store::visible_to_company(db, company_id, request.questionnaire_id)
        .await?
        .ok_or_else(|| DomainError::invalid("questionnaire_id", "no such questionnaire for this company"))?;
    let txn = db.begin_write().await?;
    let row = create_schedule(
        &txn,
        NewSchedule {
            company_id,
            supplier_id: request.supplier_id,
            questionnaire_id: request.questionnaire_id,
            every_months: request.every_months,
            due_in_days: request.due_in_days,
            first_send_on: request.first_send_on,
            actor: caller.user_id,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// The company's schedules, next send first (any member).
pub async fn schedules_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<Vec<assessment_schedule::Model>, DomainError> {
    caller.company_role(company_id)?;
    Ok(assessment_schedule::Entity::find()
        .filter(assessment_schedule::Column::CompanyId.eq(company_id))
        .order_by_asc(assessment_schedule::Column::NextSendOn)
        .all(db)
        .await?)
}

/// Stops a schedule (officers and admins); another company's is `NotFound`.
pub async fn stop_schedule<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<assessment_schedule::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("schedule");
    let row = assessment_schedule::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    caller.company_role(row.company_id).map_err(|_| NOT_FOUND)?;
    caller.company_manager(row.company_id)?;
    let mut active = row.into_active_model();
    active.active = Set(false);
    Ok(active.update(db).await?)
}
