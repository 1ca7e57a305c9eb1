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
use chrono::Duration;
use domain::entities::idempotency_key;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{auth::caller::bearer_token, error::ApiError, state::ApiState};

/// The header clients send.
pub const HEADER: &str = "Idempotency-Key";

/// How long a key is remembered.
const RETENTION_HOURS: i64 = 24;

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
    if key.is_empty() || key.len() > 255 {
        return Ok(req.error_response(ApiError::invalid_field(HEADER, "must be 1 to 255 characters")));
    }
    let body = match req.extract::<web::Bytes>().await {
        Ok(body) => body,
        Err(_) => return Ok(req.error_response(ApiError::PayloadTooLarge(state.config.csv_limit))),
    };
    // Keys are per caller: a user (JWT), an API key (by its hash, so two keys
    // never share a stored response), or anonymous (register, accept).
    let token = bearer_token(req.request());
    let scope = match (token, token.and_then(|t| state.jwt.verify(t))) {
        (_, Some(user)) => format!("user:{user}"),
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

    match reserve(&state, &scope, &key, &request_hash).await {
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
        Err(error) => Ok(req.error_response(error)),
    }
}

enum Reservation {
    Fresh(Uuid),
    Replay(u16, String),
}

async fn reserve(
    state: &ApiState,
    scope: &str,
    key: &str,
    request_hash: &str,
) -> Result<Reservation, ApiError> {
    let cutoff = domain::clock::now() - Duration::hours(RETENTION_HOURS);
    idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .filter(idempotency_key::Column::CreatedAt.lt(cutoff))
        .exec(&state.db)
        .await?;
    let existing = idempotency_key::Entity::find()
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .one(&state.db)
        .await?;
    if let Some(existing) = existing {
        return replay_of(existing, request_hash);
    }
    let id = Uuid::now_v7();
    let inserted = idempotency_key::ActiveModel {
        id: Set(id),
        scope: Set(scope.to_string()),
        key: Set(key.to_string()),
        request_hash: Set(request_hash.to_string()),
        status_code: Set(None),
        response_body: Set(None),
        created_at: Set(domain::clock::now()),
    }
    .insert(&state.db)
    .await;
    match inserted {
        Ok(_) => Ok(Reservation::Fresh(id)),
        // Lost a race with a concurrent request holding the same key.
        Err(_) => Err(ApiError::Conflict(
            "a request with this Idempotency-Key is already being processed".into(),
        )),
    }
}

fn replay_of(existing: idempotency_key::Model, request_hash: &str) -> Result<Reservation, ApiError> {
    if existing.request_hash != request_hash {
        return Err(ApiError::invalid_field(
            HEADER,
            "this key was already used for a different request; use a new key",
        ));
    }
    match (existing.status_code, existing.response_body) {
        (Some(status), Some(body)) => Ok(Reservation::Replay(u16::try_from(status).unwrap_or(200), body)),
        _ => Err(ApiError::Conflict(
            "a request with this Idempotency-Key is already being processed".into(),
        )),
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
    let row = idempotency_key::Entity::find_by_id(id)
        .one(&state.db)
        .await
        .ok()
        .flatten();
    if let Some(row) = row {
        if status.is_server_error() {
            let _ = idempotency_key::Entity::delete_by_id(id).exec(&state.db).await;
        } else {
            let mut active = row.into_active_model();
            active.status_code = Set(Some(i32::from(status.as_u16())));
            active.response_body = Set(Some(String::from_utf8_lossy(&bytes).into_owned()));
            if let Err(error) = active.update(&state.db).await {
                tracing::warn!(%error, "could not store the idempotent response");
            }
        }
    }
    let response = head.set_body(BoxBody::new(bytes));
    Ok(ServiceResponse::new(request, response))
}
