//! `GET /companies/{cid}/products`.

use actix_web::{HttpResponse, get, web};
use domain::products;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::products::ProductResponse,
    state::ApiState,
};

/// The company's products, by name (its officers, admins and advisors).
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), PageQuery),
    responses(
        (status = 200, body = Paginated<ProductResponse>),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/products")]
pub async fn list_products(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = page.into_inner().checked()?;
    let company = products::company_for_reading(&caller.0, cid.into_inner())?;
    let (items, total) = products::list_products(&state.db, company, page.offset(), page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        items.into_iter().map(ProductResponse::from).collect(),
        total,
        page,
    )))
}
