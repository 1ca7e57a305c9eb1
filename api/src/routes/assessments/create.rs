//! `POST /companies/{cid}/assessments`.

use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use domain::transaction::BeginWrite as _;
use domain::{
    assessments::{self, SendAssessment},
    entities::{organization, supplier},
};
use sea_orm::EntityTrait;
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
#[post("/companies/{cid}/assessments")]
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
    let company = organization::Entity::find_by_id(cid)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::NotFound("company".into()))?;
    let supplier = supplier::Entity::find_by_id(body.supplier_id)
        .one(&state.db)
        .await?
        .filter(|s| s.company_id == cid)
        .ok_or_else(|| ApiError::invalid_field("supplier_id", "no such supplier in this company"))?;
    let questionnaire = domain::questionnaires::visible_to_company(&state.db, cid, body.questionnaire_id)
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field("questionnaire_id", "no such questionnaire for this company")
        })?;
    let txn = state.db.begin_write().await?;
    let created = assessments::send_assessment(
        &txn,
        SendAssessment {
            company,
            supplier,
            questionnaire,
            due_date,
            actor: caller.0.user_id,
            public_url: state.config.public_url.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    let one = super::responses(&state.db, vec![created])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("assessment vanished".into()))?;
    Ok(HttpResponse::Created().json(one))
}
