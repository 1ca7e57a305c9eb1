//! The API's assessment list page, each assessment with its answers, read as
//! one row (issue #23, [`crate::listing::json_page`]).
//!
//! Why: a page of 50 answered assessments was 50 rows and then every answer of
//! them (about 40 each: 2,000 rows), each a message from SQLite's thread and a
//! decode by column name. Here the database cuts the page with exactly the
//! statement the list runs ([`super::assessment_list_queries`], whose plans the
//! tests check), gathers each assessment's answers from the answers' unique
//! index `(assessment_id, question_key)`, and returns the page as one JSON array
//! in the list's order; it is parsed into the same types the row decoder gives
//! (a test compares each listed assessment with the assessment read alone).

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseBackend};
use serde::Deserialize;
use uuid::Uuid;

use super::{AssessmentFilter, assessment_list_queries};
use crate::{
    access::Caller,
    entities::assessment,
    error::DomainError,
    listing::{
        KeysetPage, Start, Total,
        json_page::{self, sqlite_id, sqlite_real, stored_real, stored_time, stored_time_opt},
        page_statement, time_key,
    },
    questionnaire::visibility::Answers,
};

/// An assessment of a list page, with what the API answers beside it.
#[derive(Debug, Clone)]
pub struct ListedAssessment {
    /// The assessment's row.
    pub assessment: assessment::Model,
    /// Its stored answers by question key.
    pub answers: Answers,
    /// Keys of answers carried over and not yet confirmed, in key order.
    pub carried_over: Vec<String>,
}

/// One page of company `company_id`'s assessments matching `filter`, newest
/// first (any member), each with its answers, the total and where the next
/// page starts.
///
/// Served by the indexes of migration `000031`: `(company_id, created_at, id)`
/// and the same with `status` or `supplier_id` after the company, so the page
/// is read in index order (after a cursor: a seek to its `(created_at, id)`),
/// and the `total` is the one `send_assessment` keeps for the company
/// (`list_totals`, migration `000054`) or, with a filter, a `COUNT` over the
/// index alone (no table row read; see `suppliers::list_suppliers`).
pub async fn assessments_of_company_with_answers<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    filter: AssessmentFilter,
    start: &Start,
    per_page: u64,
) -> Result<KeysetPage<ListedAssessment>, DomainError> {
    caller.company_role(company_id)?;
    let queries = assessment_list_queries(company_id, filter, start, per_page)?;
    let backend = db.get_database_backend();
    let kept = matches!(queries.count, Total::Kept(_));
    let page = page_statement(&queries.page, backend);
    let found = json_page::read::<_, PageRow>(db, page, kept, &aggregate(backend), "").await?;
    let rows = found
        .rows
        .into_iter()
        .map(PageRow::listed)
        .collect::<Result<Vec<_>, _>>()?;
    let total = queries.count.or_read(db, found.kept_total).await?;
    Ok(KeysetPage::from_rows(rows, total, start, per_page, |listed| {
        (time_key(&listed.assessment.created_at), listed.assessment.id)
    }))
}

/// The page as a JSON array of arrays in [`PageRow`]'s order, newest first
/// like the page. Each assessment's answers come from one correlated subquery
/// over the answers' unique index: `[{key: value, …}, [carried-over keys]]`.
fn aggregate(backend: DatabaseBackend) -> String {
    match backend {
        DatabaseBackend::Postgres => "COALESCE(json_agg(json_build_array(page.id, page.company_id, \
               page.supplier_id, page.questionnaire_id, page.status, page.due_date, page.locale, \
               page.submitted_at, page.scored_at, page.score::text, page.risk_band, page.score_breakdown, \
               page.review_comment, page.created_by, page.created_at, page.updated_at, \
               (SELECT json_build_array(COALESCE(json_object_agg(a.question_key, a.value), '{}'::json), \
                  COALESCE(json_agg(a.question_key ORDER BY a.question_key) FILTER (WHERE a.carried_over), \
                  '[]'::json)) \
                FROM assessment_answers AS a WHERE a.assessment_id = page.id)) \
               ORDER BY page.created_at DESC, page.id DESC), '[]'::json)::text"
            .to_string(),
        // A subquery's value loses its JSON subtype on SQLite: `json(…)` marks
        // it as JSON again, so it is nested rather than quoted.
        _ => format!(
            "json_group_array(json_array({id}, {company}, {supplier}, {questionnaire}, page.status, \
               page.due_date, page.locale, page.submitted_at, page.scored_at, {score}, page.risk_band, \
               json(page.score_breakdown), page.review_comment, {created_by}, page.created_at, \
               page.updated_at, \
               json((SELECT json_array(json_group_object(a.question_key, json(a.value)), \
                  json_group_array(a.question_key ORDER BY a.question_key) FILTER (WHERE a.carried_over)) \
                FROM assessment_answers AS a WHERE a.assessment_id = page.id))) \
               ORDER BY page.created_at DESC, page.id DESC)",
            id = sqlite_id("page.id"),
            company = sqlite_id("page.company_id"),
            supplier = sqlite_id("page.supplier_id"),
            questionnaire = sqlite_id("page.questionnaire_id"),
            score = sqlite_real("page.score"),
            created_by = sqlite_id("page.created_by"),
        ),
    }
}

/// One assessment of the page: an array of columns in the order [`aggregate`]
/// writes them, which serde reads into these fields in turn.
#[derive(Deserialize)]
struct PageRow {
    id: Uuid,
    company_id: Uuid,
    supplier_id: Uuid,
    questionnaire_id: Uuid,
    status: String,
    due_date: String,
    locale: String,
    submitted_at: Option<String>,
    scored_at: Option<String>,
    score: Option<String>,
    risk_band: Option<String>,
    score_breakdown: Option<serde_json::Value>,
    review_comment: Option<String>,
    created_by: Option<Uuid>,
    created_at: String,
    updated_at: String,
    /// The stored answers, and the keys of those carried over.
    answers: (Answers, Vec<String>),
}

impl PageRow {
    fn listed(self) -> Result<ListedAssessment, DomainError> {
        let due_date = NaiveDate::parse_from_str(&self.due_date, "%F")
            .map_err(|e| DomainError::Internal(format!("a stored due date does not parse: {e}")))?;
        let (answers, carried_over) = self.answers;
        Ok(ListedAssessment {
            assessment: assessment::Model {
                id: self.id,
                company_id: self.company_id,
                supplier_id: self.supplier_id,
                questionnaire_id: self.questionnaire_id,
                status: self.status,
                due_date,
                locale: self.locale,
                submitted_at: stored_time_opt(self.submitted_at.as_deref())?,
                scored_at: stored_time_opt(self.scored_at.as_deref())?,
                score: stored_real(self.score.as_deref(), "score")?,
                risk_band: self.risk_band,
                score_breakdown: self.score_breakdown,
                review_comment: self.review_comment,
                created_by: self.created_by,
                created_at: stored_time(&self.created_at)?,
                updated_at: stored_time(&self.updated_at)?,
            },
            answers,
            carried_over,
        })
    }
}
