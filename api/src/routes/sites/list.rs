//! `GET /suppliers/{sid}/sites`.

use actix_web::{HttpResponse, get, web};
use domain::sites;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::sites::SiteResponse,
    state::ApiState,
};

/// A supplier's sites, by name (its company's members, or its own users).
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    params(("sid" = Uuid, Path, description = "Supplier id"), PageQuery),
    responses(
        (status = 200, body = Paginated<SiteResponse>),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/sites")]
pub async fn list_sites(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page.into_inner().checked()?;
    let owner = sites::supplier_for_reading(&state.db, &caller.0, sid.into_inner()).await?;
    let (items, total) = sites::list_sites(&state.db, &owner, page.offset(), page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        items.into_iter().map(SiteResponse::from).collect(),
        total,
        page,
    )))
}
