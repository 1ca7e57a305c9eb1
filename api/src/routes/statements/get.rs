//! `GET /statements/{id}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::statements::StatementResponse,
    state::ApiState,
};

/// A statement with each section's current text and figures (staff).
#[utoipa::path(
    tag = "statements",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Statement id")),
    responses((status = 200, body = StatementResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_statement(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = domain::statements::load_view(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(StatementResponse::from(view)))
}
