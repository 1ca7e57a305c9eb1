//! Listing and ending one's sessions, and keeping `last_seen_at` roughly current.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};
use uuid::Uuid;

use crate::{access::Caller, audit, clock, entities::user_session, error::DomainError};

/// How stale `last_seen_at` may get before a request writes it again: one write
/// per five minutes of activity, not one per request.
const TOUCH_EVERY: Duration = Duration::minutes(5);
/// Sessions older than this are not listed: every token they issued has expired
/// (API tokens live an hour, portal sessions eight).
const LISTED_FOR: Duration = Duration::hours(8);

/// One session as its owner sees it.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// The session (the `sid` of its tokens).
    pub id: Uuid,
    /// E.g. "Firefox on Linux".
    pub user_agent: Option<String>,
    /// E.g. "203.0.113.0/24".
    pub ip_prefix: Option<String>,
    /// When it signed in.
    pub created_at: DateTime<Utc>,
    /// Its last request (to five minutes).
    pub last_seen_at: DateTime<Utc>,
    /// Whether it is the session of the request asking.
    pub current: bool,
}

/// Writes `last_seen_at` of session `id` when it is older than five minutes.
pub async fn touch<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    last_seen: DateTime<Utc>,
) -> Result<(), DomainError> {
    let now = clock::now();
    if now - last_seen < TOUCH_EVERY {
        return Ok(());
    }
    user_session::Entity::update_many()
        .col_expr(user_session::Column::LastSeenAt, Expr::value(now))
        .filter(user_session::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

fn own_account(caller: &Caller) -> Result<Uuid, DomainError> {
    caller
        .session_id
        .filter(|_| !caller.email.is_empty())
        .ok_or(DomainError::Forbidden(
            "only a signed-in person has sessions; an API key has none",
        ))
}

/// The caller's open sessions, newest first.
pub async fn list<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<Vec<SessionView>, DomainError> {
    let current = own_account(caller)?;
    let rows = user_session::Entity::find()
        .filter(user_session::Column::UserId.eq(caller.user_id))
        .filter(user_session::Column::EndedAt.is_null())
        .filter(user_session::Column::CreatedAt.gt(clock::now() - LISTED_FOR))
        .order_by_desc(user_session::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| SessionView {
            current: row.id == current,
            id: row.id,
            user_agent: row.user_agent,
            ip_prefix: row.ip_prefix,
            created_at: row.created_at,
            last_seen_at: row.last_seen_at,
        })
        .collect())
}

/// Ends one of the caller's sessions (another person's is `NotFound`); its
/// tokens are refused from the next request on.
pub async fn end<C: ConnectionTrait>(db: &C, caller: &Caller, id: Uuid) -> Result<(), DomainError> {
    own_account(caller)?;
    let ended = user_session::Entity::update_many()
        .col_expr(user_session::Column::EndedAt, Expr::value(clock::now()))
        .filter(user_session::Column::Id.eq(id))
        .filter(user_session::Column::UserId.eq(caller.user_id))
        .filter(user_session::Column::EndedAt.is_null())
        .exec(db)
        .await?;
    if ended.rows_affected == 0 {
        return Err(DomainError::NotFound("session"));
    }
    audit::record_account(
        db,
        caller.user_id,
        Some(caller.user_id),
        "auth.session_ended",
        Some(serde_json::json!({"session_id": id})),
    )
    .await
}

/// Ends every open session of `user_id` (a password reset); how many ended.
pub async fn end_all<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<u64, DomainError> {
    let ended = user_session::Entity::update_many()
        .col_expr(user_session::Column::EndedAt, Expr::value(clock::now()))
        .filter(user_session::Column::UserId.eq(user_id))
        .filter(user_session::Column::EndedAt.is_null())
        .exec(db)
        .await?;
    Ok(ended.rows_affected)
}
