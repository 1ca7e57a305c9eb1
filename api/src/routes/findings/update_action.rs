//! `PATCH /actions/{id}`.

use actix_web::{HttpResponse, patch, web};
use domain::transaction::BeginWrite as _;
use domain::{
    access::readable,
    findings::{self, ActionChange},
};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::findings::ActionResponse,
    state::ApiState,
};

/// A change to an action.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateActionRequest {
    /// `open`, `in_progress`, `done` or `verified`.
    pub status: Option<String>,
    /// A progress note.
    pub note: Option<String>,
}

/// Updates an action: a supplier may set `in_progress`/`done` only; `verified` is
/// for advisors, officers and admins, and closes the finding when all its actions
/// are verified.
#[utoipa::path(
    tag = "findings",
    security(("bearer" = [])),
    request_body = UpdateActionRequest,
    params(("id" = Uuid, Path, description = "Action id")),
    responses((status = 200, body = ActionResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[patch("/{id}")]
pub async fn update_action(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateActionRequest>,
) -> ApiResult<HttpResponse> {
    let reached = readable::action(&state.db, &caller.0, id.into_inner()).await?;
    let role = reached.access.role();
    let body = body.0;
    let txn = state.db.begin_write().await?;
    let updated = findings::change_action(
        &txn,
        reached.row,
        caller.0.user_id,
        role,
        ActionChange {
            status: body.status,
            note: body.note,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(ActionResponse::from(updated)))
}
