//! Assessments: send, list, read, answer, submit.

pub mod answers;
pub mod create;
pub mod get;
pub mod list;
pub mod list_for_supplier;
pub mod offline;
pub mod submit;

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use domain::database::Connection;
use domain::{
    access::{Caller, SupplierAccess},
    entities::{assessment, supplier},
    questionnaire::Definition,
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{auth::Claimed, error::ApiError, state::ApiState};

/// An assessment as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentResponse {
    /// The assessment's id: `{aid}` in the assessment routes.
    pub id: Uuid,
    /// The company that sent it.
    pub company_id: Uuid,
    /// The supplier answering it.
    pub supplier_id: Uuid,
    /// The questionnaire.
    pub questionnaire_id: Uuid,
    /// `sent`, `in_progress`, `submitted`, `scored`, `approved` or `returned`.
    pub status: String,
    /// When answers are due.
    pub due_date: NaiveDate,
    /// The language of findings and emails.
    pub locale: String,
    /// Answers by question key.
    #[schema(value_type = Object)]
    pub answers: serde_json::Map<String, serde_json::Value>,
    /// When it was submitted.
    pub submitted_at: Option<DateTime<Utc>>,
    /// When it was scored.
    pub scored_at: Option<DateTime<Utc>>,
    /// 0–100, `null` until scored.
    pub score: Option<f64>,
    /// `low`…`critical`, `null` until scored.
    pub risk_band: Option<String>,
    /// Why it scored as it did, `null` until scored.
    #[schema(value_type = Option<Object>)]
    pub score_breakdown: Option<serde_json::Value>,
    /// The scoring model the score was computed with (`fairhire-scoring-1` or
    /// `fairhire-scoring-2`; a result keeps its model until it is re-scored),
    /// `null` until scored.
    pub scoring_model: Option<String>,
    /// The reviewer's comment on return or approval.
    pub review_comment: Option<String>,
    /// Answers copied from the supplier's previous assessment, not yet confirmed
    /// (saving an answer confirms it).
    pub carried_over: Vec<String>,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl AssessmentResponse {
    /// Builds the response from the row and its answers.
    pub fn new(
        a: assessment::Model,
        answers: serde_json::Map<String, serde_json::Value>,
        carried_over: Vec<String>,
    ) -> Self {
        Self {
            id: a.id,
            company_id: a.company_id,
            supplier_id: a.supplier_id,
            questionnaire_id: a.questionnaire_id,
            status: a.status,
            due_date: a.due_date,
            locale: a.locale,
            answers,
            submitted_at: a.submitted_at,
            scored_at: a.scored_at,
            score: a.score,
            risk_band: a.risk_band,
            scoring_model: a
                .score_breakdown
                .as_ref()
                .map(|b| domain::risk_score::breakdown_model(Some(b)).to_string()),
            score_breakdown: a.score_breakdown,
            review_comment: a.review_comment,
            carried_over,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

/// Responses for several assessments, loading their answers in one query.
pub async fn responses<C: Connection>(
    db: &C,
    rows: Vec<assessment::Model>,
) -> Result<Vec<AssessmentResponse>, ApiError> {
    let ids: Vec<Uuid> = rows.iter().map(|a| a.id).collect();
    let answers = domain::assessments::answers_of(db, ids).await?;
    Ok(rows
        .into_iter()
        .map(|a| {
            let own: Vec<_> = answers.iter().filter(|x| x.assessment_id == a.id).collect();
            let carried = own
                .iter()
                .filter(|x| x.carried_over)
                .map(|x| x.question_key.clone())
                .collect();
            let mine = own
                .iter()
                .map(|x| (x.question_key.clone(), x.value.clone()))
                .collect();
            AssessmentResponse::new(a, mine, carried)
        })
        .collect())
}

/// An assessment the caller may read, with its supplier and how the caller
/// reaches it; anything else is 404 (the domain's rule, shared with the portal).
pub async fn readable<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(assessment::Model, supplier::Model, SupplierAccess), ApiError> {
    let reached = domain::access::readable::assessment(db, caller, id).await?;
    Ok((reached.row, reached.supplier, reached.access))
}

/// [`readable`] for a caller as their token claims ([`Claimed`]): the caller is
/// read in the assessment's own statement (issue #23), and refused first.
pub async fn readable_claimed(
    state: &ApiState,
    claimed: &Claimed,
    id: Uuid,
) -> Result<(Caller, assessment::Model, SupplierAccess), ApiError> {
    let asked = domain::access::readable::assessment_asked(&state.db, &claimed.asker(), id).await?;
    let (caller, reached) = claimed.reach(asked)?;
    Ok((caller, reached.row, reached.access))
}

/// The definition an assessment answers, through the domain's cache (the
/// portal reads it the same way).
pub async fn definition_for<C: Connection>(
    db: &C,
    a: &assessment::Model,
) -> Result<Arc<Definition>, ApiError> {
    Ok(domain::questionnaire::store::of_assessment(db, a).await?)
}
