//! `POST /companies/{cid}/sites/os-hub-import` (text/csv): Open Supply Hub's CSV
//! download, offline.

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::{
    sites::os_import::{self, UnmatchedSite},
    transaction::BeginWrite as _,
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::{read_limited, require_csv},
    routes::sites::SiteResponse,
    state::ApiState,
};

/// A site the import could not link.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnmatchedSiteResponse {
    /// The site.
    pub site_id: Uuid,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// `no_row` (no row has its name and country) or `several_rows` (rows with
    /// different OS IDs do; link one with `PATCH /sites/{id}`).
    pub reason: &'static str,
}

impl From<UnmatchedSite> for UnmatchedSiteResponse {
    fn from(u: UnmatchedSite) -> Self {
        Self {
            site_id: u.site_id,
            name: u.name,
            country: u.country,
            reason: u.reason,
        }
    }
}

/// What the import did.
#[derive(Debug, Serialize, ToSchema)]
pub struct OsHubImportResponse {
    /// Sites that gained an OS ID.
    pub matched: Vec<SiteResponse>,
    /// Sites without an OS ID that no single row matched.
    pub unmatched: Vec<UnmatchedSiteResponse>,
    /// Sites that had an OS ID already, left as they are.
    pub already_linked: usize,
}

/// Fills the OS ID of the company's unlinked sites from Open Supply Hub's CSV
/// download (columns `os_id`, `name`, `country_code` read; the others ignored),
/// by exact name (ignoring case and spacing) and country. Any bad line → 422
/// naming every bad line, and nothing changes (officers and admins).
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv"),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 200, body = OsHubImportResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/sites/os-hub-import")]
pub async fn import_os_hub_csv(
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
    let rows = os_import::parse_download(&bytes).map_err(|errors| {
        ApiError::bad_rows(errors.into_iter().map(|e| (e.row, Some(e.column), e.message)))
    })?;
    let txn = state.db.begin_write().await?;
    let report = os_import::import_os_ids(&txn, cid, caller.0.user_id, rows).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(OsHubImportResponse {
        matched: report.matched.into_iter().map(Into::into).collect(),
        unmatched: report.unmatched.into_iter().map(Into::into).collect(),
        already_linked: report.already_linked,
    }))
}
