//! `POST /assessments/{aid}/reports`.

use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::assessments::readable,
    state::ApiState,
};

/// What to render.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct RequestReport {
    /// `en`, `es` or `fr`; the assessment's language when absent.
    #[serde(default)]
    #[schema(pattern = r"^\s*([Ee][Nn]|[Ee][Ss]|[Ff][Rr])")]
    pub locale: Option<String>,
}

/// The queued report.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueuedReport {
    /// Report id (`GET /reports/{rid}`).
    pub id: Uuid,
    /// Always `queued`.
    pub status: String,
}

/// Queues an advisory report of a scored or approved assessment (advisors,
/// officers, admins).
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    request_body = RequestReport,
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 202, body = QueuedReport), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem))
)]
#[post("/reports")]
pub async fn request_report(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
    body: JsonBody<RequestReport>,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    caller.0.reviewer(access)?;
    let row = domain::reports::request_report(&state.db, &found, body.0.locale.as_deref(), caller.0.user_id)
        .await?;
    Ok(HttpResponse::Accepted().json(QueuedReport {
        id: row.id,
        status: row.status,
    }))
}
