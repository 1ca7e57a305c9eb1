//! `POST /companies/{cid}/assessments`.

use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use domain::assessments::{self, SendRequest};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::assessments::AssessmentResponse,
    state::ApiState,
};

/// What to send.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateAssessmentRequest {
    /// The supplier (of this company).
    pub supplier_id: Uuid,
    /// A questionnaire visible to this company.
    pub questionnaire_id: Uuid,
    /// `YYYY-MM-DD`, today or later.
    #[schema(value_type = String, format = Date)]
    pub due_date: String,
}

/// Sends a questionnaire to a supplier (officers and admins); the supplier gets an email.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    request_body = CreateAssessmentRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = AssessmentResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/assessments")]
pub async fn create_assessment(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateAssessmentRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let body = body.0;
    let due_date = NaiveDate::parse_from_str(body.due_date.trim(), "%Y-%m-%d")
        .map_err(|_| ApiError::invalid_field("due_date", "must be a date as YYYY-MM-DD"))?;
    let created = assessments::send_for_company(
        &state.db,
        &caller.0,
        cid,
        SendRequest {
            supplier_id: body.supplier_id,
            questionnaire_id: body.questionnaire_id,
            due_date,
        },
        &state.config.public_url,
    )
    .await?;
    let one = super::responses(&state.db, vec![created])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("assessment vanished".into()))?;
    Ok(HttpResponse::Created().json(one))
}
