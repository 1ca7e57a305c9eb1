//! `GET /companies/{cid}/webhooks`.

use actix_web::{HttpResponse, get, web};
use domain::entities::webhook;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
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
#[get("/companies/{cid}/webhooks")]
pub async fn list_webhooks(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let page = page.into_inner().checked()?;
    let query = webhook::Entity::find().filter(webhook::Column::CompanyId.eq(cid));
    let total = query.clone().count(&state.db).await?;
    let rows = query
        .order_by_desc(webhook::Column::CreatedAt)
        .offset(page.offset())
        .limit(page.per_page)
        .all(&state.db)
        .await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        rows.into_iter().map(WebhookResponse::from).collect(),
        total,
        page,
    )))
}
