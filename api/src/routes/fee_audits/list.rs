//! `GET /suppliers/{sid}/fee-audits`.

use actix_web::{HttpResponse, get, web};
use domain::{
    fee_audit::{store, store::Intent},
    values::CursorList,
};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::fee_audits::FeeAuditSummaryResponse,
    state::ApiState,
};

/// The supplier's fee audits, newest first, summary only, paged by `page` or by
/// `cursor` (`next_cursor` of the previous page) (the company's officers,
/// admins and advisors, and the supplier itself).
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    params(("sid" = Uuid, Path, description = "Supplier id"), PageQuery),
    responses(
        (status = 200, body = Paginated<FeeAuditSummaryResponse>),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/fee-audits")]
pub async fn list_fee_audits(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let supplier = store::supplier_for(&state.db, &caller.0, sid.into_inner(), Intent::Read).await?;
    let page = page.into_inner().checked_keyset(CursorList::FeeAudits)?;
    let found = store::list_fee_audits(&state.db, supplier.id, &page.start, page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::keyset(
        found
            .items
            .into_iter()
            .map(FeeAuditSummaryResponse::from)
            .collect(),
        found.total,
        &page,
        found.next,
    )))
}
