//! `PATCH /findings/{fid}`.

use actix_web::{HttpResponse, patch, web};
use domain::findings::{self, FindingChanges, FindingTitle, status};
use domain::transaction::BeginWrite as _;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::findings::{FindingResponse, readable_finding},
    state::ApiState,
};

/// Edits to a finding.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateFindingRequest {
    /// `priority`, `major` or `minor`.
    pub severity: Option<String>,
    /// A new title: one line, 1–300 characters; absent keeps the current one.
    pub title: Option<String>,
    /// Detail.
    pub detail: Option<String>,
    /// `open`, `in_progress` or `closed`.
    pub status: Option<String>,
    /// `true` confirms the finding: the evidence bears it out. A confirmation stays
    /// on record (`false` is refused; close the finding to dismiss it).
    pub confirmed: Option<bool>,
}

/// Edits a finding (advisors, officers, admins).
#[utoipa::path(
    tag = "findings",
    security(("bearer" = [])),
    request_body = UpdateFindingRequest,
    params(("fid" = Uuid, Path, description = "Finding id")),
    responses((status = 200, body = FindingResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[patch("")]
pub async fn update_finding(
    state: web::Data<ApiState>,
    caller: Authenticated,
    fid: web::Path<Uuid>,
    body: JsonBody<UpdateFindingRequest>,
) -> ApiResult<HttpResponse> {
    let (found, access) = readable_finding(&state.db, &caller.0, fid.into_inner()).await?;
    caller.0.reviewer(access)?;
    let body = body.0;
    if body
        .severity
        .as_deref()
        .is_some_and(|s| !["priority", "major", "minor"].contains(&s))
    {
        return Err(ApiError::invalid_field(
            "severity",
            "must be priority, major or minor",
        ));
    }
    if body.status.as_deref().is_some_and(|s| !status::ALL.contains(&s)) {
        return Err(ApiError::invalid_field(
            "status",
            "must be open, in_progress or closed",
        ));
    }
    if body.confirmed == Some(false) {
        return Err(ApiError::invalid_field(
            "confirmed",
            "a confirmation cannot be withdrawn; close the finding to dismiss it",
        ));
    }
    let title = body.title.as_deref().map(FindingTitle::parse).transpose()?;
    let txn = state.db.begin_write().await?;
    let updated = findings::change_finding(
        &txn,
        found,
        caller.0.user_id,
        FindingChanges {
            severity: body.severity,
            title,
            detail: body.detail,
            status: body.status,
            confirm: body.confirmed == Some(true),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(FindingResponse::from(updated)))
}
