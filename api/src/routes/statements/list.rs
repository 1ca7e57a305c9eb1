//! `GET /companies/{cid}/statements`.

use actix_web::{HttpResponse, get, web};
use domain::listing::Window;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::statements::StatementSummary,
    state::ApiState,
};

/// The company's statements, newest first, without their sections (staff).
#[utoipa::path(
    tag = "statements",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), PageQuery),
    responses((status = 200, body = Paginated<StatementSummary>), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/statements")]
pub async fn list_statements(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let request = page.into_inner().checked()?;
    let (rows, total) = domain::statements::list_statements(
        &state.db,
        &caller.0,
        cid.into_inner(),
        Window::page(request.offset(), request.per_page),
    )
    .await?;
    let items = rows.into_iter().map(StatementSummary::from).collect();
    Ok(HttpResponse::Ok().json(Paginated::new(items, total, request)))
}
