//! `POST /companies/{cid}/webhooks`.

use actix_web::{HttpResponse, post, web};
use domain::transaction::BeginWrite as _;
use domain::webhooks::{self, NewWebhook, target};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::webhooks::WebhookResponse,
    state::ApiState,
};

/// A subscription.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateWebhookRequest {
    /// An `http://` or `https://` URL on a public address.
    pub url: String,
    /// Events to deliver: `assessment.submitted`, `assessment.scored`,
    /// `assessment.approved`, `finding.created`, `report.ready`, `fee_audit.created`, `screening.hit`.
    pub events: Vec<String>,
    /// At least 16 characters; signs every delivery (`Fairhire-Signature`). Never
    /// shown again.
    pub secret: String,
}

/// Subscribes a URL to events (officers and admins). A URL that is not http(s),
/// or whose host resolves to a loopback, private, link-local or metadata address,
/// is refused with a 422 naming `url`.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer" = [])),
    request_body = CreateWebhookRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 201, body = WebhookResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateWebhookRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let body = body.0;
    // Events and secret first, so one answer lists every problem but the URL's.
    webhooks::check(&body.events, &body.secret)?;
    let checked = target::resolve(&body.url, state.config.webhook_allow_private)
        .await
        .map_err(|e| ApiError::invalid_field("url", e.to_string()))?;
    let txn = state.db.begin_write().await?;
    let row = webhooks::create(
        &txn,
        NewWebhook {
            company_id: cid,
            url: checked.url.to_string(),
            events: body.events,
            secret: body.secret,
            actor: caller.0.user_id,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(WebhookResponse::from(row)))
}
