//! `GET /companies/{cid}/fx-rates` and `POST /companies/{cid}/fx-rates` (officers
//! and admins): the company's USD rates, by currency and page, and the CSV upload
//! (`currency,date,usd_per_unit`) — the same domain use cases as the API's. A
//! refused file lists every bad row beside the form, and nothing is stored.

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    entities::fx_rate,
    fee_audit::engine::RowError,
    fee_audit::store::{self, FxRateFilter},
    values::CurrencyCode,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfUpload,
    pages::{finish_upload, see_other},
    routes,
    state::PortalState,
};

const PER_PAGE: u64 = 50;

/// The list, the filter and the upload form.
#[derive(Template)]
#[template(path = "fx_rates.html")]
pub struct FxRatesPage {
    l: Layout,
    rates: Vec<fx_rate::Model>,
    /// The filter as typed.
    currency: String,
    currency_error: bool,
    page: u64,
    pages: u64,
    base: String,
    /// How many rates the last upload stored.
    stored: Option<u64>,
    /// `missing`: no file chosen.
    problem: String,
    rows: Vec<RowError>,
}

/// `?currency=&page=` and `?stored=` after an upload.
#[derive(Deserialize, Default)]
pub struct FxQuery {
    #[serde(default)]
    currency: String,
    #[serde(default)]
    page: Option<u64>,
    #[serde(default)]
    stored: Option<u64>,
}

async fn list_page(
    state: &PortalState,
    member: &Member,
    cid: Uuid,
    query: FxQuery,
) -> Result<FxRatesPage, PortalError> {
    let t = member.t();
    let typed = query.currency.trim().to_string();
    let currency = Some(typed.as_str())
        .filter(|c| !c.is_empty())
        .map(CurrencyCode::parse)
        .transpose();
    // Clamped so that the offset cannot overflow, whatever the address says.
    let page = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let (rates, total) = match currency {
        Ok(currency) => store::list_fx_rates(
            &state.db,
            cid,
            FxRateFilter { currency },
            (page - 1) * PER_PAGE,
            PER_PAGE,
        )
        .await
        .or_page(t)?,
        Err(_) => (Vec::new(), 0),
    };
    Ok(FxRatesPage {
        l: member.layout(),
        rates,
        currency_error: currency.is_err(),
        currency: typed,
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        base: routes::fx_rates(cid),
        stored: query.stored,
        problem: String::new(),
        rows: Vec::new(),
    })
}

/// The company's rates.
#[get("/companies/{cid}/fx-rates")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<FxQuery>,
) -> Result<HttpResponse, PortalError> {
    member.caller.company_manager(*cid).or_page(member.t())?;
    let shown = list_page(&state, &member, *cid, query.into_inner()).await?;
    let refused = shown.currency_error;
    let mut response = member.render(&shown)?;
    if refused {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// Stores the rates (all or nothing), or lists every bad row beside the form.
#[post("/companies/{cid}/fx-rates")]
pub async fn upload(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfUpload,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let (problem, rows) = match form.file.filter(|(_, b)| !b.is_empty()) {
        None => ("missing", Vec::new()),
        Some((_, bytes)) => {
            let txn = state.db.begin_write().await.or_page(t)?;
            let result = store::store_fx_rates(&txn, cid, member.caller.user_id, &bytes[..]).await;
            match finish_upload(txn, result, t).await? {
                Ok(stored) => {
                    let to = format!("{}?stored={stored}", routes::fx_rates(cid));
                    return Ok(see_other(&to).finish());
                }
                Err(rows) => ("rows", rows),
            }
        }
    };
    let mut shown = list_page(&state, &member, cid, FxQuery::default()).await?;
    shown.problem = problem.into();
    shown.rows = rows;
    let mut response = member.render(&shown)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}
