//! `POST /assessments/{aid}/findings`: a finding added by hand.

use actix_web::{HttpResponse, post, web};
use domain::findings::{self, FindingTitle, NewFinding};
use domain::transaction::BeginWrite as _;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::{assessments::readable, findings::FindingResponse},
    state::ApiState,
};

/// A finding to add.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateFindingRequest {
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// An indicator key (`GET /reference/indicators`).
    pub indicator: String,
    /// The question it concerns.
    pub question_key: Option<String>,
    /// Short title.
    pub title: String,
    /// What was found.
    #[serde(default)]
    pub detail: String,
    /// Zero tolerance (only with `priority`).
    #[serde(default)]
    pub zero_tolerance: bool,
}

/// Adds a finding to an assessment (advisors, officers, admins).
#[utoipa::path(
    tag = "findings",
    security(("bearer" = [])),
    request_body = CreateFindingRequest,
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 201, body = FindingResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[post("/findings")]
pub async fn create_finding(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
    body: JsonBody<CreateFindingRequest>,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    caller.0.reviewer(access)?;
    let body = body.0;
    let mut errors = Vec::new();
    if !["priority", "major", "minor"].contains(&body.severity.as_str()) {
        errors.push(domain::error::FieldError::new(
            "severity",
            "must be priority, major or minor",
        ));
    }
    if !domain::reference::is_indicator(&body.indicator) {
        errors.push(domain::error::FieldError::new(
            "indicator",
            "is not a known indicator key",
        ));
    }
    let title = match FindingTitle::parse(&body.title) {
        Ok(title) => Some(title),
        Err(domain::DomainError::Invalid(fields)) => {
            errors.extend(fields);
            None
        }
        Err(other) => return Err(other.into()),
    };
    let Some(title) = title.filter(|_| errors.is_empty()) else {
        return Err(ApiError::from(domain::DomainError::Invalid(errors)));
    };
    let txn = state.db.begin_write().await?;
    let created = findings::add_finding(
        &txn,
        &found,
        caller.0.user_id,
        NewFinding {
            severity: body.severity,
            indicator: body.indicator,
            question_key: body.question_key,
            title,
            detail: body.detail,
            zero_tolerance: body.zero_tolerance,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(FindingResponse::from(created)))
}
