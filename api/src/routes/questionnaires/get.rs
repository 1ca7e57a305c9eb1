//! `GET /questionnaires/{qid}`.

use actix_web::{HttpResponse, get, web};
use domain::{access::Caller, entities::questionnaire};
use sea_orm::EntityTrait;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::questionnaires::QuestionnaireResponse,
    state::ApiState,
};

/// Whether the caller may read a questionnaire: built-ins are public to every
/// user; a company's own is visible to its members and its suppliers' users.
pub fn may_read(caller: &Caller, row: &questionnaire::Model) -> bool {
    match row.company_id {
        None => true,
        Some(company) => caller.memberships.iter().any(|m| m.company_id == company),
    }
}

/// One questionnaire with its definition.
#[utoipa::path(
    tag = "questionnaires",
    security(("bearer" = [])),
    params(("qid" = Uuid, Path, description = "Questionnaire id")),
    responses((status = 200, body = QuestionnaireResponse), (status = 404, body = Problem))
)]
#[get("/questionnaires/{qid}")]
pub async fn get_questionnaire(
    state: web::Data<ApiState>,
    caller: Authenticated,
    qid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = questionnaire::Entity::find_by_id(qid.into_inner())
        .one(&state.db)
        .await?
        .filter(|row| may_read(&caller.0, row))
        .ok_or_else(|| ApiError::NotFound("questionnaire".into()))?;
    Ok(HttpResponse::Ok().json(QuestionnaireResponse::from(row)))
}
