//! `GET /sites/{id}`.

use actix_web::{HttpResponse, get, web};
use domain::sites;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::sites::SiteResponse,
    state::ApiState,
};

/// One site (its supplier's company members, or the supplier's own users).
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Site id")),
    responses((status = 200, body = SiteResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_site(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (site, _) = sites::site_for_reading(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(SiteResponse::from(site)))
}
