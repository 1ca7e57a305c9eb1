//! The store behind `Idempotency-Key` (api-contract.md): a key is reserved per
//! caller before the request runs, its response recorded after, and replayed to a
//! second request with the same key and body within 24 hours. The API's middleware
//! decides the caller's scope and hashes the request; the rule of what a key may
//! do is here.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

use crate::{clock, database::Database, entities::idempotency_key, error::DomainError};

/// The header clients send; named in the errors about it.
pub const HEADER: &str = "Idempotency-Key";

/// How long a key is remembered.
const RETENTION_HOURS: i64 = 24;

/// What a key means for the request that carries it.
#[derive(Debug, PartialEq, Eq)]
pub enum Reservation {
    /// A new key, now reserved under this id: run the request, then
    /// [`record`] its response.
    Fresh(Uuid),
    /// The key's first response: its status and body, to send again.
    Replay(u16, String),
}

fn in_flight() -> DomainError {
    DomainError::Conflict("a request with this Idempotency-Key is already being processed".into())
}

/// Reserves `key` for the caller's `scope`, or says how the same key was used
/// before: the first response to replay, `Invalid` when it was used for another
/// request (`request_hash` differs), `Conflict` while its first request is still
/// running (or two requests race for it).
pub async fn reserve(
    db: &Database,
    scope: &str,
    key: &str,
    request_hash: &str,
) -> Result<Reservation, DomainError> {
    if key.is_empty() || key.len() > 255 {
        return Err(DomainError::invalid(HEADER, "must be 1 to 255 characters"));
    }
    let cutoff = clock::now() - Duration::hours(RETENTION_HOURS);
    idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .filter(idempotency_key::Column::CreatedAt.lt(cutoff))
        .exec(db)
        .await?;
    let existing = idempotency_key::Entity::find()
        .filter(idempotency_key::Column::Scope.eq(scope))
        .filter(idempotency_key::Column::Key.eq(key))
        .one(db)
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
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await;
    match inserted {
        Ok(_) => Ok(Reservation::Fresh(id)),
        // Lost a race with a concurrent request holding the same key.
        Err(_) => Err(in_flight()),
    }
}

fn replay_of(existing: idempotency_key::Model, request_hash: &str) -> Result<Reservation, DomainError> {
    if existing.request_hash != request_hash {
        return Err(DomainError::invalid(
            HEADER,
            "this key was already used for a different request; use a new key",
        ));
    }
    match (existing.status_code, existing.response_body) {
        (Some(status), Some(body)) => Ok(Reservation::Replay(u16::try_from(status).unwrap_or(200), body)),
        _ => Err(in_flight()),
    }
}

/// Ends the reservation `id` with its response: kept for replay, unless it was a
/// server error, which must stay retryable (the reservation is released).
pub async fn record(db: &Database, id: Uuid, status: u16, body: &[u8]) -> Result<(), DomainError> {
    let Some(row) = idempotency_key::Entity::find_by_id(id).one(db).await? else {
        return Ok(());
    };
    if (500..600).contains(&status) {
        idempotency_key::Entity::delete_by_id(id).exec(db).await?;
        return Ok(());
    }
    let mut active = row.into_active_model();
    active.status_code = Set(Some(i32::from(status)));
    active.response_body = Set(Some(String::from_utf8_lossy(body).into_owned()));
    active.update(db).await?;
    Ok(())
}
