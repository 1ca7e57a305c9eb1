//! `GET /companies/{cid}/analytics/corridors`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::{CorridorResponse, HireDatesQuery};
use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// The company's labour corridors, from the latest fee audit of each supplier (an
/// older audit is superseded): origin = the worker's nationality, destination = the
/// supplier's country; per corridor the workers, how many paid, the recruitment cost
/// indicator comparable to SDG 10.7.1, the mean fees, by sex and by month of hire.
/// `from`/`to` pick workers by date of hire. Admins, officers and advisors.
#[utoipa::path(
    tag = "analytics",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), HireDatesQuery),
    responses((status = 200, body = Vec<CorridorResponse>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/analytics/corridors")]
pub async fn list_corridors(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    query: web::Query<HireDatesQuery>,
) -> ApiResult<HttpResponse> {
    let (_, corridors) = query.corridors(&state, &caller, cid.into_inner()).await?;
    let body: Vec<CorridorResponse> = corridors.iter().map(Into::into).collect();
    Ok(HttpResponse::Ok().json(body))
}
