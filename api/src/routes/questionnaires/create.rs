//! `POST /companies/{cid}/questionnaires`.

use actix_web::{HttpResponse, post, web};
use domain::questionnaire::store;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::questionnaires::QuestionnaireResponse,
    state::ApiState,
};

/// Stores the company's own questionnaire definition (officers and admins). An
/// invalid definition is a 422 naming every bad JSON path; an existing key and
/// version is a 409 (upload a new version instead).
#[utoipa::path(
    tag = "questionnaires",
    security(("bearer" = [])),
    request_body(content = Object, description = "A definition (questionnaire-format.md)"),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = QuestionnaireResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/questionnaires")]
pub async fn create_questionnaire(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    let row = store::upload(&state.db, &caller.0, cid.into_inner(), &body.0).await?;
    Ok(HttpResponse::Created().json(QuestionnaireResponse::from(row)))
}
