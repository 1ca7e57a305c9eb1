//! `GET /companies/{cid}/recruiters`.

use actix_web::{HttpResponse, get, web};
use domain::fee_audit::store;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::recruiters::RecruiterResponse,
    state::ApiState,
};

/// The company's recruiters, largest fees first, each with its figures over the
/// latest fee audit of every supplier (officers, admins, advisors).
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
#[get("/companies/{cid}/recruiters")]
pub async fn list_recruiters(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_role(cid)?;
    let page = page.into_inner().checked()?;
    // Ranked by fees, which are summed from the audits: the whole registry is
    // summarised, then paged.
    let all = store::list_recruiters(&state.db, cid).await?;
    let total = all.len() as u64;
    let items = all
        .into_iter()
        .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
        .take(usize::try_from(page.per_page).unwrap_or(usize::MAX))
        .map(|summary| RecruiterResponse::new(summary, false))
        .collect();
    Ok(HttpResponse::Ok().json(Paginated::new(items, total, page)))
}
