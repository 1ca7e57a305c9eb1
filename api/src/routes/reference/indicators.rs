//! `GET /reference/indicators`.

use actix_web::{HttpRequest, HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::reference::locale,
};

/// An indicator key.
#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorResponse {
    /// Key.
    pub key: String,
    /// Name in the requested language.
    pub name: String,
    /// `ilo_forced_labour` or `fair_recruitment`.
    pub family: String,
}

/// The ILO forced-labour indicators and the fair-recruitment principles.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<IndicatorResponse>), (status = 401, body = Problem))
)]
#[get("/indicators")]
pub async fn list_indicators(req: HttpRequest, _caller: Authenticated) -> ApiResult<HttpResponse> {
    let locale = locale(&req);
    let items: Vec<IndicatorResponse> = domain::reference::indicators()
        .iter()
        .map(|i| IndicatorResponse {
            key: i.key.clone(),
            name: i.name(locale).to_string(),
            family: i.family.as_str().to_string(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(items))
}
