//! `DELETE /me/sessions/{id}`: end one of the caller's sessions.

use actix_web::{HttpResponse, delete, web};
use domain::sessions;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// Ends a session; its tokens get `401` from the next request on.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The session")),
    responses(
        (status = 204),
        (status = 401, body = Problem),
        (status = 404, body = Problem, description = "Not one of the caller's open sessions"),
    )
)]
#[delete("/sessions/{id}")]
pub async fn end_session(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    sessions::end(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
