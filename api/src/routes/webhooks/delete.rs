//! `DELETE /webhooks/{id}`.

use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// Deletes the webhook and its delivery log (officers and admins); queued
/// deliveries find it gone and send nothing.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Webhook id")),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[delete("")]
pub async fn delete_webhook(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    domain::webhooks::delete_webhook(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
