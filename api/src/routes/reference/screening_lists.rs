//! `GET /reference/screening-lists`.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// A public forced-labour list as it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScreeningListResponse {
    /// `uflpa_entity_list`, `ilab_goods` or `cbp_wro`.
    pub key: String,
    /// The list's name and publisher.
    pub name: String,
    /// Where the list comes from.
    pub source_url: String,
    /// Rows in force (`0`: no copy of the list is loaded).
    pub entries: usize,
    /// When it was last loaded, else the shipped list's own date (`null`: unknown).
    pub updated_at: Option<DateTime<Utc>>,
}

/// The lists suppliers and recruiters are screened against.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<ScreeningListResponse>), (status = 401, body = Problem))
)]
#[get("/screening-lists")]
pub async fn list_screening_lists(
    state: web::Data<ApiState>,
    _caller: Authenticated,
) -> ApiResult<HttpResponse> {
    let lists = domain::screening::in_force(&state.db).await?;
    let items: Vec<ScreeningListResponse> = lists
        .into_iter()
        .map(|l| ScreeningListResponse {
            key: l.key.as_str().to_string(),
            name: l.key.name().to_string(),
            source_url: l.source_url,
            entries: l.entries.len(),
            updated_at: l.updated_at,
        })
        .collect();
    Ok(HttpResponse::Ok().json(items))
}
