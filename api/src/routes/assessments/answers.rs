//! `PUT /assessments/{aid}/answers`.

use actix_web::{HttpResponse, put, web};
use domain::{access::SupplierAccess, assessments};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Claimed,
    error::{ApiError, Problem},
    extract::JsonBody,
    routes::assessments::{AssessmentResponse, definition_for, readable_claimed},
    state::ApiState,
};

/// A draft of answers; merged into what is stored.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AnswersRequest {
    /// Answers by question key; `null` removes an answer.
    #[schema(value_type = Object)]
    pub answers: serde_json::Map<String, serde_json::Value>,
}

/// Saves answers as a draft (the supplier's users). Merges; partial allowed; a
/// value of the wrong type or not among the options → 422 naming the key.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    request_body = AnswersRequest,
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses(
        (status = 200, body = AssessmentResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[put("/answers")]
pub async fn save_answers(
    state: web::Data<ApiState>,
    claimed: Claimed,
    aid: Result<web::Path<Uuid>, actix_web::Error>,
    body: Result<JsonBody<AnswersRequest>, actix_web::Error>,
) -> actix_web::Result<HttpResponse> {
    let aid = claimed.refused_first(&state, aid).await?.into_inner();
    let body = claimed.refused_first(&state, body).await?;
    // The caller is read in the assessment's statement (issue #23).
    let (caller, found, access) = readable_claimed(&state, &claimed, aid).await?;
    if access != SupplierAccess::OwnSupplier {
        return Err(
            ApiError::Forbidden("only the supplier's own users answer its assessments".into()).into(),
        );
    }
    let definition = definition_for(&state.db, &found).await?;
    // One write transaction, on the write thread (`domain::assessments::save_draft`).
    let saved = assessments::save_draft(&state.db, found, definition, body.0.answers, caller.user_id)
        .await
        .map_err(ApiError::from)?;
    // The save returns what it stored: no second read of the answers (issue #23).
    Ok(HttpResponse::Ok().json(AssessmentResponse::new(
        saved.assessment,
        saved.answers.into_iter().collect(),
        saved.carried_over,
    )))
}
