//! `POST /assessments/{aid}/review`.

use actix_web::{HttpResponse, post, web};
use domain::findings::{self, Decision};
use domain::transaction::BeginWrite as _;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::assessments::{AssessmentResponse, readable, responses},
    state::ApiState,
};

/// The decision.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReviewRequest {
    /// `approve` or `return`.
    pub decision: String,
    /// Why (shown to the supplier on return).
    pub comment: Option<String>,
}

/// Approves or returns a scored assessment (advisors, officers, admins).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    request_body = ReviewRequest,
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses(
        (status = 200, body = AssessmentResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Not scored"),
        (status = 422, body = Problem),
    )
)]
#[post("/review")]
pub async fn review_assessment(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
    body: JsonBody<ReviewRequest>,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    caller.0.reviewer(access)?;
    let body = body.0;
    let decision = match body.decision.as_str() {
        "approve" => Decision::Approve,
        "return" => Decision::Return,
        _ => return Err(ApiError::invalid_field("decision", "must be approve or return")),
    };
    let comment = body
        .comment
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    if decision == Decision::Return && comment.is_none() {
        return Err(ApiError::invalid_field(
            "comment",
            "say what the supplier must change",
        ));
    }
    let txn = state.db.begin_write().await?;
    let updated = findings::review_assessment(&txn, found, caller.0.user_id, decision, comment).await?;
    txn.commit().await?;
    let one = responses(&state.db, vec![updated])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("assessment vanished".into()))?;
    Ok(HttpResponse::Ok().json(one))
}
