//! `GET /companies/{cid}/assessments`.

use actix_web::{HttpResponse, get, web};
use domain::{assessments::AssessmentFilter, values::CursorList};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::assessments::AssessmentResponse,
    state::ApiState,
};

/// Filters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AssessmentQuery {
    /// Only this status.
    pub status: Option<String>,
    /// Only this supplier.
    pub supplier_id: Option<Uuid>,
}

/// The company's assessments, newest first (officers, admins, advisors); paged
/// by `page` or by `cursor` (`next_cursor` of the previous page).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), AssessmentQuery, PageQuery),
    responses((status = 200, body = Paginated<AssessmentResponse>), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/assessments")]
pub async fn list_assessments(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    filter: web::Query<AssessmentQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_role(cid)?;
    let page = page.into_inner().checked_keyset(CursorList::Assessments)?;
    let filter = filter.into_inner();
    let filter = AssessmentFilter {
        status: filter.status,
        supplier_id: filter.supplier_id,
    };
    // The page and every answer on it in one statement (issue #23).
    let found = domain::assessments::assessments_of_company_with_answers(
        &state.db,
        &caller.0,
        cid,
        filter,
        &page.start,
        page.per_page,
    )
    .await?;
    let items = found
        .items
        .into_iter()
        .map(|listed| {
            AssessmentResponse::new(
                listed.assessment,
                listed.answers.into_iter().collect(),
                listed.carried_over,
            )
        })
        .collect();
    Ok(HttpResponse::Ok().json(Paginated::keyset(items, found.total, &page, found.next)))
}
