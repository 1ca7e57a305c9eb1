//! `GET /companies/{cid}/audit-events`.

use actix_web::{HttpResponse, get, web};
use domain::{audit::trail::trail, values::CursorList};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::audit_events::AuditEventResponse,
    state::ApiState,
};

/// The company's audit trail, newest first, paged by `page` or by `cursor`
/// (`next_cursor` of the previous page) (officers and admins, as in the portal).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), PageQuery),
    responses(
        (status = 200, body = Paginated<AuditEventResponse>),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page.into_inner().checked_keyset(CursorList::AuditTrail)?;
    let found = trail(&state.db, &caller.0, cid.into_inner(), &page.start, page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::keyset(
        found.items.into_iter().map(AuditEventResponse::from).collect(),
        found.total,
        &page,
        found.next,
    )))
}
