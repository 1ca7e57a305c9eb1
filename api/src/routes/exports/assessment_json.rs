//! `GET /assessments/{aid}/export.json`.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::assessments::{AssessmentResponse, readable, responses},
    state::ApiState,
};

/// An assessment for archiving.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentExport {
    /// When the export was made.
    pub exported_at: chrono::DateTime<chrono::Utc>,
    /// The assessment as `GET /assessments/{aid}` shows it: answers, score, band
    /// and breakdown.
    pub assessment: AssessmentResponse,
}

/// The assessment with its answers and score, as a JSON file (whoever may read
/// the assessment).
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 200, body = AssessmentExport), (status = 404, body = Problem))
)]
#[get("/export.json")]
pub async fn export_assessment(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, _) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    let id = found.id;
    let assessment = responses(&state.db, vec![found])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("assessment vanished".into()))?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"assessment-{id}.json\""),
        ))
        .json(AssessmentExport {
            exported_at: domain::clock::now(),
            assessment,
        }))
}
