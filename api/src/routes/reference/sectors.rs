//! `GET /reference/sectors`.

use actix_web::{HttpRequest, HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::reference::locale,
};

/// A sector with its inherent risk.
#[derive(Debug, Serialize, ToSchema)]
pub struct SectorResponse {
    /// Key (what suppliers store).
    pub key: String,
    /// Name in the requested language.
    pub name: String,
    /// Inherent risk 0–100.
    pub risk: f64,
    /// Where the figure comes from.
    pub sources: Vec<String>,
    /// For a key retired by a review, the sectors that replaced it (empty for a
    /// current sector). Stored suppliers keep a retired key; new ones use current keys.
    pub replaced_by: Vec<String>,
}

/// Every sector with its inherent risk and sources.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<SectorResponse>), (status = 401, body = Problem))
)]
#[get("/sectors")]
pub async fn list_sectors(req: HttpRequest, _caller: Authenticated) -> ApiResult<HttpResponse> {
    let locale = locale(&req);
    let items: Vec<SectorResponse> = domain::reference::sectors()
        .iter()
        .map(|s| SectorResponse {
            key: s.key.clone(),
            name: s.name(locale).to_string(),
            risk: rust_decimal::prelude::ToPrimitive::to_f64(&s.risk).unwrap_or(0.0),
            sources: s.sources.clone(),
            replaced_by: s.replaced_by.clone(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(items))
}
