//! `POST /companies/{cid}/products/import` (text/csv): all or nothing.

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::{products, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::{read_limited, require_csv},
    routes::suppliers::import::ImportResponse,
    state::ApiState,
};

fn bad_rows(errors: Vec<domain::suppliers::ImportError>) -> ApiError {
    ApiError::bad_rows(errors.into_iter().map(|e| (e.row, Some(e.column), e.message)))
}

/// Imports products from CSV (`sku,name,hs_code,description`; `hs_code` and
/// `description` optional); any bad row, or a SKU the company already has → 422
/// listing every bad row, and nothing is created.
#[utoipa::path(
    tag = "products",
    security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv"),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = ImportResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/products/import")]
pub async fn import_products(
    req: HttpRequest,
    mut payload: web::Payload,
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let company = products::company_for_managing(&caller.0, cid.into_inner())?;
    require_csv(&req)?;
    let bytes = read_limited(&req, &mut payload, state.config.csv_limit).await?;
    let rows = products::parse_product_import(&bytes).map_err(bad_rows)?;
    let txn = state.db.begin_write().await?;
    let created = products::import_products(&txn, company, caller.0.user_id, rows)
        .await?
        .map_err(bad_rows)?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ImportResponse { created }))
}
