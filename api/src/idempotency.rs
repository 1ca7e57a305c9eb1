//! `Idempotency-Key` on creating POSTs: the same key with the same body within 24 h
//! returns the first response and creates nothing new (api-contract.md).
//!
//! A middleware on the API scope, so every POST route gets it. The key is reserved
//! (a unique row per caller and key) *before* the handler runs, so two concurrent
//! requests with one key cannot both create: the second sees the reservation and
//! gets `409`. The first response is stored unless it was a 5xx (a failure on our
//! side must stay retryable), in which case the reservation is released.

use actix_web::{
    Error, HttpResponse,
    body::{BoxBody, MessageBody, to_bytes},
    dev::{ServiceRequest, ServiceResponse},
    http::{Method, StatusCode, header},
    middleware::Next,
    web,
};
use domain::idempotency::{self, Reservation};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{auth::caller::bearer_token, error::ApiError, state::ApiState};

/// The header clients send.
pub const HEADER: &str = idempotency::HEADER;

/// The middleware; wrap the API scope with `from_fn(idempotency::middleware)`.
pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let key = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (Some(key), true) = (key, req.method() == Method::POST) else {
        return next.call(req).await.map(ServiceResponse::map_into_boxed_body);
    };
    let Some(state) = req.app_data::<web::Data<ApiState>>().cloned() else {
        return next.call(req).await.map(ServiceResponse::map_into_boxed_body);
    };
    let body = match req.extract::<web::Bytes>().await {
        Ok(body) => body,
        Err(_) => return Ok(req.error_response(ApiError::PayloadTooLarge(state.config.csv_limit))),
    };
    // Keys are per caller: a user (JWT), an API key (by its hash, so two keys
    // never share a stored response), or anonymous (register, accept).
    let token = bearer_token(req.request());
    let scope = match (token, token.and_then(|t| state.jwt.verify(t))) {
        (_, Some((user, _session))) => format!("user:{user}"),
        (Some(key), None) if key.starts_with("fh_") => {
            format!("key:{}", hex::encode(Sha256::digest(key.as_bytes())))
        }
        _ => "anonymous".to_string(),
    };
    let mut hasher = Sha256::new();
    hasher.update(req.path().as_bytes());
    hasher.update([0]);
    hasher.update(&body);
    let request_hash = hex::encode(hasher.finalize());

    match idempotency::reserve(&state.db, &scope, &key, &request_hash).await {
        Ok(Reservation::Fresh(id)) => {
            req.set_payload(actix_http::Payload::from(body));
            let response = next.call(req).await?;
            finish(&state, id, response).await
        }
        Ok(Reservation::Replay(status, body)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let response = HttpResponse::build(status)
                .content_type(header::ContentType::json())
                .insert_header(("Idempotent-Replayed", "true"))
                .body(body);
            Ok(req.into_response(response))
        }
        Err(error) => Ok(req.error_response(ApiError::from(error))),
    }
}

async fn finish(
    state: &ApiState,
    id: Uuid,
    response: ServiceResponse<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let status = response.status();
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let bytes = to_bytes(body)
        .await
        .map_err(|_| ApiError::Internal("could not buffer the response".into()))?;
    if let Err(error) = idempotency::record(&state.db, id, status.as_u16(), &bytes).await {
        tracing::warn!(%error, "could not store the idempotent response");
    }
    let response = head.set_body(BoxBody::new(bytes));
    Ok(ServiceResponse::new(request, response))
}
