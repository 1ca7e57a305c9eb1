//! Assessments as callers ask for them: the company's list, a supplier's, the
//! answers behind each, and sending one on a caller's behalf (who may, which
//! supplier and questionnaire are the company's).

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{SendAssessment, send_assessment, status};
use crate::{
    access::Caller,
    entities::{assessment, assessment_answer, organization, supplier},
    error::DomainError,
    listing::Start,
    transaction::BeginWrite as _,
};

/// Which of the company's assessments to list.
#[derive(Debug, Clone, Default)]
pub struct AssessmentFilter {
    /// Only this status (checked against [`status::ALL`]).
    pub status: Option<String>,
    /// Only this supplier.
    pub supplier_id: Option<Uuid>,
}

/// The two statements of [`super::assessments_of_company_with_answers`]: public so that the plan
/// tests check what the list runs.
pub type AssessmentListQueries = crate::listing::ListQueries<assessment::Entity>;

/// Builds [`AssessmentListQueries`]; refuses an unknown status or a cursor
/// whose key is not a time.
pub fn assessment_list_queries(
    company_id: Uuid,
    filter: AssessmentFilter,
    start: &Start,
    per_page: u64,
) -> Result<AssessmentListQueries, DomainError> {
    let unfiltered = filter.status.is_none() && filter.supplier_id.is_none();
    let mut query = assessment::Entity::find().filter(assessment::Column::CompanyId.eq(company_id));
    if let Some(wanted) = filter.status {
        if !status::ALL.contains(&wanted.as_str()) {
            return Err(DomainError::invalid(
                "status",
                format!("must be one of {}", status::ALL.join(", ")),
            ));
        }
        query = query.filter(assessment::Column::Status.eq(wanted));
    }
    if let Some(supplier) = filter.supplier_id {
        query = query.filter(assessment::Column::SupplierId.eq(supplier));
    }
    let queries = AssessmentListQueries::newest_first(
        query,
        assessment::Column::CreatedAt,
        assessment::Column::Id,
        start,
        per_page,
    )?;
    // The unfiltered list's total is kept by `send_assessment` (no COUNT).
    Ok(if unfiltered {
        queries.with_kept_total(company_id, crate::list_totals::Counted::Assessments)
    } else {
        queries
    })
}

/// A supplier's assessments, newest first; the caller has already been allowed
/// to read the supplier.
pub async fn assessments_of_supplier<C: ConnectionTrait>(
    db: &C,
    supplier_id: Uuid,
) -> Result<Vec<assessment::Model>, DomainError> {
    Ok(assessment::Entity::find()
        .filter(assessment::Column::SupplierId.eq(supplier_id))
        .order_by_desc(assessment::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The stored answers of several assessments, in one query, in key order (so
/// that the carried-over keys come in the order the list page gives them).
pub async fn answers_of<C: ConnectionTrait>(
    db: &C,
    assessment_ids: Vec<Uuid>,
) -> Result<Vec<assessment_answer::Model>, DomainError> {
    Ok(assessment_answer::Entity::find()
        .filter(assessment_answer::Column::AssessmentId.is_in(assessment_ids))
        .order_by_asc(assessment_answer::Column::AssessmentId)
        .order_by_asc(assessment_answer::Column::QuestionKey)
        .all(db)
        .await?)
}

/// An assessment to send, as asked for.
#[derive(Debug, Clone)]
pub struct SendRequest {
    /// One of the company's suppliers.
    pub supplier_id: Uuid,
    /// A questionnaire the company may send.
    pub questionnaire_id: Uuid,
    /// When answers are due.
    pub due_date: NaiveDate,
}

/// Sends an assessment for company `company_id` (officers and admins), in its
/// own transaction; `public_url` is the base of the links in the emails.
pub async fn send_for_company<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    request: SendRequest,
    public_url: &str,
) -> Result<assessment::Model, DomainError> {
    caller.company_manager(company_id)?;
    let company = organization::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("company"))?;
    let supplier = supplier::Entity::find_by_id(request.supplier_id)
        .one(db)
        .await?
        .filter(|s| s.company_id == company_id)
        .ok_or_else(|| DomainError::invalid("supplier_id", "no such supplier in this company"))?;
    let questionnaire =
        crate::questionnaire::store::visible_to_company(db, company_id, request.questionnaire_id)
            .await?
            .ok_or_else(|| {
                DomainError::invalid("questionnaire_id", "no such questionnaire for this company")
            })?;
    let txn = db.begin_write().await?;
    let created = send_assessment(
        &txn,
        SendAssessment {
            company,
            supplier,
            questionnaire,
            due_date: request.due_date,
            actor: caller.user_id,
            public_url: public_url.to_string(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}
