//! `GET /companies/{cid}/screening-hits`.

use actix_web::{HttpResponse, get, web};
use domain::listing::Window;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::screening::ScreeningHitResponse,
    state::ApiState,
};

/// Which hits.
#[derive(Debug, Deserialize, IntoParams)]
pub struct HitFilter {
    /// `open`, `confirmed` or `dismissed` (default: all).
    pub status: Option<String>,
}

/// The company's screening hits, newest first (admins, officers, advisors).
#[utoipa::path(
    tag = "screening",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), HitFilter, PageQuery),
    responses((status = 200, body = Paginated<ScreeningHitResponse>), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/screening-hits")]
pub async fn list_screening_hits(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    filter: web::Query<HitFilter>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let request = page.into_inner().checked()?;
    let status = filter.status.as_deref().filter(|s| !s.is_empty());
    let (rows, total) = domain::screening::list_hits(
        &state.db,
        &caller.0,
        cid.into_inner(),
        status,
        Window::page(request.offset(), request.per_page),
    )
    .await?;
    let items = rows.into_iter().map(ScreeningHitResponse::from).collect();
    Ok(HttpResponse::Ok().json(Paginated::new(items, total, request)))
}
