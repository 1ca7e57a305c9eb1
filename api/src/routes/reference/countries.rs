//! `GET /reference/countries`.

use actix_web::{HttpRequest, HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::reference::locale,
};

/// A country with its inherent risk.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryResponse {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Name in the requested language.
    pub name: String,
    /// Inherent risk 0–100 (what scoring uses unless the company overrides it).
    pub risk: f64,
    /// Where the figure comes from.
    pub sources: Vec<String>,
    /// US TIP report tier used, if known.
    pub tip_tier: Option<String>,
    /// Goods on the US DOL list for forced labour, if known.
    pub forced_labour_goods: Option<u32>,
    /// Goods on the US DOL list for child labour, if known.
    pub child_labour_goods: Option<u32>,
}

/// Every ISO 3166-1 country with its inherent risk and sources.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<CountryResponse>), (status = 401, body = Problem))
)]
#[get("/reference/countries")]
pub async fn list_countries(req: HttpRequest, _caller: Authenticated) -> ApiResult<HttpResponse> {
    let locale = locale(&req);
    let items: Vec<CountryResponse> = domain::reference::countries()
        .iter()
        .map(|c| CountryResponse {
            code: c.code.to_string(),
            name: domain::reference::country_name(c.code.as_str(), locale)
                .unwrap_or(c.name)
                .to_string(),
            risk: rust_decimal::prelude::ToPrimitive::to_f64(&c.risk).unwrap_or(0.0),
            sources: c.sources.clone(),
            tip_tier: c.inputs.tip_tier.map(|t| t.label().to_string()),
            forced_labour_goods: c.inputs.forced_labour_goods,
            child_labour_goods: c.inputs.child_labour_goods,
        })
        .collect();
    Ok(HttpResponse::Ok().json(items))
}
