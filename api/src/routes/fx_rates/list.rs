//! `GET /companies/{cid}/fx-rates`.

use actix_web::{HttpResponse, get, web};
use domain::{
    fee_audit::store::{self, FxRateFilter},
    values::CurrencyCode,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::fx_rates::FxRateResponse,
    state::ApiState,
};

/// Filters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct FxRateQuery {
    /// Only this ISO 4217 currency.
    pub currency: Option<String>,
}

/// The company's rates, by currency and newest date first (officers, admins,
/// advisors).
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), FxRateQuery, PageQuery),
    responses(
        (status = 200, body = Paginated<FxRateResponse>),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[get("/fx-rates")]
pub async fn list_fx_rates(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    query: web::Query<FxRateQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_role(cid)?;
    let page = page.into_inner().checked()?;
    let currency = match query.into_inner().currency.as_deref() {
        Some(raw) => Some(CurrencyCode::parse(raw).map_err(|m| ApiError::invalid_field("currency", m))?),
        None => None,
    };
    let filter = FxRateFilter { currency };
    let (items, total) = store::list_fx_rates(&state.db, cid, filter, page.offset(), page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        items.into_iter().map(FxRateResponse::from).collect(),
        total,
        page,
    )))
}
