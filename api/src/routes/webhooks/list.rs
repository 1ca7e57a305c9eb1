//! `GET /companies/{cid}/webhooks`.

use actix_web::{HttpResponse, get, web};
use domain::webhooks::Window;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::webhooks::WebhookResponse,
    state::ApiState,
};

/// The company's webhooks, newest first (officers and admins).
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), PageQuery),
    responses((status = 200, body = Paginated<WebhookResponse>), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let page = page.into_inner().checked()?;
    let window = Window {
        offset: page.offset(),
        limit: Some(page.per_page),
    };
    let (rows, total) = domain::webhooks::webhooks_of(&state.db, &caller.0, cid, window).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        rows.into_iter().map(WebhookResponse::from).collect(),
        total,
        page,
    )))
}
