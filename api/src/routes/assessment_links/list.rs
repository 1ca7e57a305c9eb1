//! `GET /assessments/{aid}/links`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::assessment_links::AssessmentLinkResponse,
    state::ApiState,
};

/// The links sent for the assessment, newest first (the company's admins,
/// officers and advisors; a supplier's users get 403, another tenant 404).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id"), PageQuery),
    responses((status = 200, body = Paginated<AssessmentLinkResponse>), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[get("/links")]
pub async fn list_assessment_links(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page.into_inner().checked()?;
    // A handful per assessment (one per person per sending): paged in memory.
    let rows = domain::supplier_links::links_of(&state.db, &caller.0, aid.into_inner()).await?;
    let total = rows.len() as u64;
    let items = rows
        .into_iter()
        .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
        .take(usize::try_from(page.per_page).unwrap_or(usize::MAX))
        .map(AssessmentLinkResponse::from)
        .collect();
    Ok(HttpResponse::Ok().json(Paginated::new(items, total, page)))
}
