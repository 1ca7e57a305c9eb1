//! `POST /companies/{cid}/assessment-schedules`.

use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use domain::assessments::{self, ScheduleRequest};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::schedules::ScheduleResponse,
    state::ApiState,
};

/// A recurring assessment.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateScheduleRequest {
    /// The supplier (of this company).
    pub supplier_id: Uuid,
    /// A questionnaire visible to this company.
    pub questionnaire_id: Uuid,
    /// 1–36 months between sends.
    #[schema(minimum = 1, maximum = 36)]
    pub every_months: i32,
    /// 1–180 days to answer (default 30).
    #[schema(minimum = 1, maximum = 180)]
    pub due_in_days: Option<i32>,
    /// `YYYY-MM-DD`, today or later (default today).
    #[schema(value_type = Option<String>, format = Date)]
    pub first_send_on: Option<String>,
}

/// Sends the questionnaire to the supplier every N months (officers and admins);
/// each new assessment starts from the previous answers.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    request_body = CreateScheduleRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 201, body = ScheduleResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[post("/assessment-schedules")]
pub async fn create_schedule(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateScheduleRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let body = body.0;
    let first_send_on = match body.first_send_on.as_deref().map(str::trim) {
        None | Some("") => domain::clock::now().date_naive(),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map_err(|_| ApiError::invalid_field("first_send_on", "must be a date as YYYY-MM-DD"))?,
    };
    let row = assessments::schedule(
        &state.db,
        &caller.0,
        cid,
        ScheduleRequest {
            supplier_id: body.supplier_id,
            questionnaire_id: body.questionnaire_id,
            every_months: body.every_months,
            due_in_days: body.due_in_days.unwrap_or(30),
            first_send_on,
        },
    )
    .await?;
    Ok(HttpResponse::Created().json(ScheduleResponse::from(row)))
}
