//! `GET /findings/{fid}/actions`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::findings::{ActionResponse, readable_finding},
    state::ApiState,
};

/// A finding's corrective actions, by due date.
#[utoipa::path(
    tag = "findings",
    security(("bearer" = [])),
    params(("fid" = Uuid, Path, description = "Finding id")),
    responses((status = 200, body = Vec<ActionResponse>), (status = 404, body = Problem))
)]
#[get("/actions")]
pub async fn list_actions(
    state: web::Data<ApiState>,
    caller: Authenticated,
    fid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _) = readable_finding(&state.db, &caller.0, fid.into_inner()).await?;
    let rows = domain::findings::read::actions_of(&state.db, found.id).await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(ActionResponse::from).collect::<Vec<_>>()))
}
