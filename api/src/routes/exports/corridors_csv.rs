//! `GET /companies/{cid}/exports/corridors.csv`.

use actix_web::{HttpResponse, get, web};
use domain::corridors::CorridorFigures;
use futures_util::stream;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::{
        analytics::{CorridorFiguresResponse, HireDatesQuery},
        exports::{csv_response, record},
    },
    state::ApiState,
};

const HEADER: &[&str] = &[
    "origin",
    "destination",
    "sex",
    "hire_month",
    "workers",
    "workers_who_paid",
    "workers_with_indicator",
    "recruitment_cost_indicator",
    "mean_fees_usd",
];

/// The corridors as `GET /companies/{cid}/analytics/corridors` gives them, as CSV:
/// per corridor a line for all its workers (`sex` and `hire_month` empty), then a
/// line per sex, then a line per month of hire (admins, officers, advisors).
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), HireDatesQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/exports/corridors.csv")]
pub async fn export_corridors_csv(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    query: web::Query<HireDatesQuery>,
) -> ApiResult<HttpResponse> {
    let (_, corridors) = query.corridors(&state, &caller, cid.into_inner()).await?;
    let mut body = record(HEADER)?;
    for c in &corridors {
        let line = |sex: &str, month: &str, figures: &CorridorFigures| {
            let f = CorridorFiguresResponse::from(figures);
            record(&[
                c.origin.as_str(),
                c.destination.as_str(),
                sex,
                month,
                &f.workers.to_string(),
                &f.workers_who_paid.to_string(),
                &f.workers_with_indicator.to_string(),
                f.recruitment_cost_indicator.as_deref().unwrap_or(""),
                &f.mean_fees_usd,
            ])
        };
        body.extend(line("", "", &c.figures)?);
        for (sex, figures) in &c.by_sex {
            body.extend(line(sex.as_str(), "", figures)?);
        }
        for (month, figures) in &c.by_hire_month {
            body.extend(line("", &month.to_string(), figures)?);
        }
    }
    Ok(csv_response(
        "corridors.csv",
        stream::once(async move { Ok(body.into()) }),
    ))
}
