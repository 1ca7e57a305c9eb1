//! `POST /companies/{cid}/suppliers/import` (text/csv): all or nothing.

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::suppliers;
use domain::transaction::BeginWrite as _;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::{read_limited, require_csv},
    state::ApiState,
};

/// How many suppliers the import added.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResponse {
    /// Suppliers created.
    pub created: usize,
}

/// Imports suppliers from CSV (`name,country,sector,contact_email,contact_name`,
/// and optionally the profile columns `workforce_size` (0 or more),
/// `migrant_worker_share` (0–1) and `worker_origins` (`NP:0.4; BD:0.25`: ISO
/// 3166-1 alpha-2 codes, shares above 0 and at most 1, adding up to at most 1));
/// any bad row → 422 listing every bad row, and nothing is created.
#[utoipa::path(
    tag = "suppliers",
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
#[post("/suppliers/import")]
pub async fn import_suppliers(
    req: HttpRequest,
    mut payload: web::Payload,
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    require_csv(&req)?;
    let bytes = read_limited(&req, &mut payload, state.config.csv_limit).await?;
    let parsed = suppliers::parse_import_with_profiles(&bytes).map_err(|errors| {
        ApiError::bad_rows(errors.into_iter().map(|e| (e.row, Some(e.column), e.message)))
    })?;
    let company = domain::accounts::managed_company(&state.db, &caller.0, cid).await?;
    let txn = state.db.begin_write().await?;
    let created = parsed.len();
    for row in parsed {
        let created = suppliers::create_supplier(
            &txn,
            &company,
            caller.0.user_id,
            row.supplier,
            &state.config.public_url,
        )
        .await?;
        suppliers::profile::update_profile(&txn, &created, caller.0.user_id, row.profile).await?;
    }
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ImportResponse { created }))
}
