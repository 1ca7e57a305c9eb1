//! `GET /companies/{cid}/questionnaires`.

use actix_web::{HttpResponse, get, web};
use domain::questionnaire::store;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::questionnaires::QuestionnaireSummary,
    state::ApiState,
};

/// The built-in questionnaires and the company's own.
#[utoipa::path(
    tag = "questionnaires",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 200, body = Vec<QuestionnaireSummary>), (status = 404, body = Problem))
)]
#[get("/questionnaires")]
pub async fn list_questionnaires(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_role(cid)?;
    let rows = store::list_for_company(&state.db, cid).await?;
    Ok(HttpResponse::Ok().json(rows.iter().map(QuestionnaireSummary::from).collect::<Vec<_>>()))
}
