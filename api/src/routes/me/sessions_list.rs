//! `GET /me/sessions`: where the caller is signed in.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use domain::sessions;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// One open session.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionResponse {
    /// The session (end it with `DELETE /me/sessions/{id}`).
    pub id: Uuid,
    /// The client, summarized ("Firefox on Linux").
    pub user_agent: Option<String>,
    /// The network it signed in from (`/24` or `/48`), never the full address.
    pub ip_prefix: Option<String>,
    /// When it signed in.
    pub created_at: DateTime<Utc>,
    /// Its last request (to five minutes).
    pub last_seen_at: DateTime<Utc>,
    /// Whether it is the session of this request.
    pub current: bool,
}

/// The caller's open sessions, newest first.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<SessionResponse>),
        (status = 401, body = Problem),
        (status = 403, body = Problem, description = "An API key has no sessions"),
    )
)]
#[get("/sessions")]
pub async fn list_sessions(state: web::Data<ApiState>, caller: Authenticated) -> ApiResult<HttpResponse> {
    let rows = sessions::list(&state.db, &caller.0).await?;
    let body: Vec<SessionResponse> = rows
        .into_iter()
        .map(|s| SessionResponse {
            id: s.id,
            user_agent: s.user_agent,
            ip_prefix: s.ip_prefix,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            current: s.current,
        })
        .collect();
    Ok(HttpResponse::Ok().json(body))
}
