//! `PATCH /webhooks/{id}`: disable or re-enable a webhook.

use actix_web::{HttpResponse, patch, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::webhooks::{WebhookResponse, managed_webhook},
    state::ApiState,
};

/// What to change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateWebhookRequest {
    /// `false` stops deliveries; `true` resumes them and clears the failure streak.
    pub active: Option<bool>,
}

/// Disables or re-enables the webhook (officers and admins).
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    request_body = UpdateWebhookRequest,
    params(("id" = Uuid, Path, description = "Webhook id")),
    responses((status = 200, body = WebhookResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[patch("")]
pub async fn update_webhook(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateWebhookRequest>,
) -> ApiResult<HttpResponse> {
    let row = managed_webhook(&state.db, &caller.0, id.into_inner()).await?;
    let Some(active) = body.0.active else {
        return Ok(HttpResponse::Ok().json(WebhookResponse::from(row)));
    };
    let updated = domain::webhooks::set_active(&state.db, row, active).await?;
    Ok(HttpResponse::Ok().json(WebhookResponse::from(updated)))
}
