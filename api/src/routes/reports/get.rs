//! `GET /reports/{rid}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::reports::{ReportResponse, readable_report},
    state::ApiState,
};

/// A report's state.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(("rid" = Uuid, Path, description = "Report id")),
    responses((status = 200, body = ReportResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_report(
    state: web::Data<ApiState>,
    caller: Authenticated,
    rid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = readable_report(&state.db, &caller.0, rid.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ReportResponse::from(row)))
}
