//! `GET /webhooks/{id}/deliveries`: the delivery log.

use actix_web::{HttpResponse, get, web};
use domain::webhooks::Window;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::webhooks::{DeliveryResponse, managed_webhook},
    state::ApiState,
};

/// Every delivery attempt of the webhook, newest first: status code, time,
/// duration and the start of the response (officers and admins).
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Webhook id"), PageQuery),
    responses((status = 200, body = Paginated<DeliveryResponse>), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[get("/deliveries")]
pub async fn list_deliveries(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let hook = managed_webhook(&state.db, &caller.0, id.into_inner()).await?;
    let page = page.into_inner().checked()?;
    let window = Window {
        offset: page.offset(),
        limit: Some(page.per_page),
    };
    let (rows, total) = domain::webhooks::deliveries_of(&state.db, &hook, window).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        rows.into_iter().map(DeliveryResponse::from).collect(),
        total,
        page,
    )))
}
