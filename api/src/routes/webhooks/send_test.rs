//! `POST /webhooks/{id}/test`: "send test event".

use actix_web::{HttpResponse, post, web};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// The queued test event.
#[derive(Debug, Serialize, ToSchema)]
pub struct TestEventResponse {
    /// The event's id (its `id` in the delivered body).
    pub event_id: Uuid,
    /// Always `webhook.test`.
    pub event: String,
    /// Always `queued`: the worker delivers it; see the delivery log.
    pub status: String,
}

/// Queues a `webhook.test` event to this webhook alone, signed like any other
/// (officers and admins). The outcome appears in the delivery log.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Webhook id")),
    responses((status = 202, body = TestEventResponse), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[post("/test")]
pub async fn send_test_event(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (_, event_id) = domain::webhooks::send_test_event(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(TestEventResponse {
        event_id,
        event: domain::events::WEBHOOK_TEST.into(),
        status: "queued".into(),
    }))
}
