//! `GET /companies/{cid}/recruiters`.

use actix_web::{HttpResponse, get, web};
use domain::{
    fee_audit::store::{self, RecruiterSummary},
    values::CursorList,
};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::recruiters::RecruiterResponse,
    state::ApiState,
};

/// The company's recruiters, largest fees first (then by name), each with its
/// figures over the latest fee audit of every supplier, paged by `page` or by
/// `cursor` (`next_cursor` of the previous page) (officers, admins, advisors).
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), PageQuery),
    responses(
        (status = 200, body = Paginated<RecruiterResponse>),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/recruiters")]
pub async fn list_recruiters(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_role(cid)?;
    let page = page.into_inner().checked_keyset(CursorList::Recruiters)?;
    // The figures are stored on each recruiter, kept in step by every upload: a
    // page is read from the list's index, straight into the answer.
    let found = store::list_recruiters(&state.db, cid, &page.start, page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::keyset(
        found
            .items
            .into_iter()
            .map(|r| RecruiterResponse::new(RecruiterSummary::stored(r), false))
            .collect(),
        found.total,
        &page,
        found.next,
    )))
}
