//! `GET /questionnaires/{qid}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::questionnaires::QuestionnaireResponse,
    state::ApiState,
};

/// One questionnaire with its definition.
#[utoipa::path(
    tag = "questionnaires",
    security(("bearer" = [])),
    params(("qid" = Uuid, Path, description = "Questionnaire id")),
    responses((status = 200, body = QuestionnaireResponse), (status = 404, body = Problem))
)]
#[get("/{qid}")]
pub async fn get_questionnaire(
    state: web::Data<ApiState>,
    caller: Authenticated,
    qid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = domain::questionnaire::store::readable(&state.db, &caller.0, qid.into_inner()).await?;
    Ok(HttpResponse::Ok().json(QuestionnaireResponse::from(row)))
}
