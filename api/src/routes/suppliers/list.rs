//! `GET /companies/{cid}/suppliers`.

use actix_web::{HttpResponse, get, web};
use domain::{
    suppliers::{self, SupplierFilter},
    values::CursorList,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    auth::Claimed,
    error::{ApiError, ApiResult, Problem},
    pagination::{KeysetRequest, PageQuery, Paginated},
    routes::suppliers::SupplierResponse,
    state::ApiState,
};

/// Filters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SupplierQuery {
    /// `low`, `medium`, `high` or `critical`.
    pub risk_band: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Sector key.
    pub sector: Option<String>,
    /// Text in the name.
    pub q: Option<String>,
    /// Include archived suppliers (default false).
    pub include_archived: Option<bool>,
}

/// The company's suppliers, by name (officers, admins, advisors); paged by
/// `page` or by `cursor` (`next_cursor` of the previous page).
#[utoipa::path(
    tag = "suppliers",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), SupplierQuery, PageQuery),
    responses(
        (status = 200, body = Paginated<SupplierResponse>),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/suppliers")]
pub async fn list_suppliers(
    state: web::Data<ApiState>,
    claimed: Claimed,
    cid: web::Path<Uuid>,
    filter: web::Query<SupplierQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    let (filter, page) = match parsed(filter.into_inner(), page.into_inner()) {
        Ok(parsed) => parsed,
        Err(invalid) => {
            // Who may not see the list learns nothing of its query: the
            // caller's refusal comes first, read alone on this path.
            claimed.load(&state).await?.company_role(cid)?;
            return Err(invalid);
        }
    };
    // The caller's check, the page and each supplier's declared profile in one
    // statement (see `domain::access::claim` and `domain::suppliers::page`).
    let asked = suppliers::list_suppliers_with_profiles_asked(
        &state.db,
        claimed.asker(),
        cid,
        &filter,
        &page.start,
        page.per_page,
    )
    .await?;
    let (_, found) = claimed.admit(asked, |caller| Ok(caller.company_role(cid).map(drop)?))?;
    Ok(HttpResponse::Ok().json(Paginated::keyset(
        found
            .items
            .into_iter()
            .map(|listed| SupplierResponse::with_profile(listed.supplier, listed.profile))
            .collect(),
        found.total,
        &page,
        found.next,
    )))
}

/// The filters and the page, checked.
fn parsed(filter: SupplierQuery, page: PageQuery) -> Result<(SupplierFilter, KeysetRequest), ApiError> {
    let page = page.checked_keyset(CursorList::Suppliers)?;
    if let Some(band) = &filter.risk_band
        && !["low", "medium", "high", "critical"].contains(&band.as_str())
    {
        return Err(ApiError::invalid_field(
            "risk_band",
            "must be low, medium, high or critical",
        ));
    }
    let country = match filter.country.as_deref() {
        Some(raw) => Some(
            domain::values::CountryCode::parse(raw)
                .map_err(|m| ApiError::invalid_field("country", m))?
                .to_string(),
        ),
        None => None,
    };
    let filter = SupplierFilter {
        risk_band: filter.risk_band,
        country,
        sector: filter.sector,
        q: filter.q,
        include_archived: filter.include_archived.unwrap_or(false),
    };
    Ok((filter, page))
}
