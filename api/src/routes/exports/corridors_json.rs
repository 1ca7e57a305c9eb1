//! `GET /companies/{cid}/exports/corridors.json`.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::analytics::{CorridorResponse, HireDatesQuery},
    state::ApiState,
};

/// The corridors for archiving, with the period they cover.
#[derive(Debug, Serialize, ToSchema)]
pub struct CorridorsExport {
    /// When the export was made.
    pub exported_at: DateTime<Utc>,
    /// First date of hire included (`null`: no lower bound).
    pub from: Option<NaiveDate>,
    /// Last date of hire included (`null`: no upper bound).
    pub to: Option<NaiveDate>,
    /// The corridors as `GET /companies/{cid}/analytics/corridors` gives them.
    pub corridors: Vec<CorridorResponse>,
}

/// The corridors as a JSON file (admins, officers, advisors).
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), HireDatesQuery),
    responses((status = 200, body = CorridorsExport), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/exports/corridors.json")]
pub async fn export_corridors_json(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    query: web::Query<HireDatesQuery>,
) -> ApiResult<HttpResponse> {
    let (period, corridors) = query.corridors(&state, &caller, cid.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Content-Disposition", "attachment; filename=\"corridors.json\""))
        .json(CorridorsExport {
            exported_at: domain::clock::now(),
            from: period.from(),
            to: period.to(),
            corridors: corridors.iter().map(Into::into).collect(),
        }))
}
