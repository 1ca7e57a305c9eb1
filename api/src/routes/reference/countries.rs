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
    /// Year of the TIP Report edition the tier was read in.
    pub tip_year: Option<u16>,
    /// Address of that edition.
    pub tip_source: Option<String>,
    /// Goods on the US DOL list for forced labour, if known.
    pub forced_labour_goods: Option<u32>,
    /// Goods on the US DOL list for child labour, if known.
    pub child_labour_goods: Option<u32>,
    /// Year of the List of Goods edition the counts were read in.
    pub goods_year: Option<u16>,
    /// Address of that edition.
    pub goods_source: Option<String>,
}

/// Every ISO 3166-1 country with its inherent risk and sources.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<CountryResponse>), (status = 401, body = Problem))
)]
#[get("/countries")]
pub async fn list_countries(req: HttpRequest, _caller: Authenticated) -> ApiResult<HttpResponse> {
    let locale = locale(&req);
    let items: Vec<CountryResponse> = domain::reference::countries()
        .iter()
        .map(|c| {
            let tip = c.inputs.tip.as_ref();
            let goods = c.inputs.goods.as_ref();
            CountryResponse {
                code: c.code.to_string(),
                name: domain::reference::country_name(c.code.as_str(), locale)
                    .unwrap_or(c.name)
                    .to_string(),
                risk: rust_decimal::prelude::ToPrimitive::to_f64(&c.risk).unwrap_or(0.0),
                sources: c.sources.clone(),
                tip_tier: tip.map(|t| t.tier.label().to_string()),
                tip_year: tip.map(|t| t.cited.year),
                tip_source: tip.map(|t| t.cited.url.clone()),
                forced_labour_goods: goods.map(|g| g.forced_labour),
                child_labour_goods: goods.map(|g| g.child_labour),
                goods_year: goods.map(|g| g.cited.year),
                goods_source: goods.map(|g| g.cited.url.clone()),
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(items))
}
