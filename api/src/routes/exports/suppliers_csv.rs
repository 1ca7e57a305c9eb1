//! `GET /companies/{cid}/exports/suppliers.csv`.

use actix_web::{HttpResponse, get, web};
use domain::{entities::supplier, exports, listing::Window};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::exports::{PAGE, cell, csv_response, paged},
    state::ApiState,
};

const HEADER: &[&str] = &[
    "id",
    "name",
    "country",
    "sector",
    "contact_email",
    "contact_name",
    "risk_score",
    "risk_band",
    "archived_at",
    "created_at",
];

/// Every supplier of the company with its current risk, as CSV (whoever may list
/// the company's suppliers).
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = Problem))
)]
#[get("/exports/suppliers.csv")]
pub async fn export_suppliers(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    exports::may_export_suppliers(&caller.0, cid)?;
    let db = state.db.clone();
    let body = paged(HEADER, move |offset| {
        let db = db.clone();
        async move {
            let rows = exports::suppliers_page(&db, cid, Window::page(offset, PAGE))
                .await
                .map_err(ApiError::from)?;
            let read = rows.len() as u64;
            Ok((rows.into_iter().map(row).collect(), read))
        }
    });
    Ok(csv_response("suppliers.csv", body))
}

fn row(s: supplier::Model) -> Vec<String> {
    vec![
        s.id.to_string(),
        s.name,
        s.country,
        s.sector,
        s.contact_email,
        s.contact_name.unwrap_or_default(),
        cell(s.risk_score),
        s.risk_band.unwrap_or_default(),
        cell(s.archived_at.map(|t| t.to_rfc3339())),
        s.created_at.to_rfc3339(),
    ]
}
