//! `GET /companies/{cid}`.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// A company as its members see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyResponse {
    /// The company's id: the `{cid}` of every company route.
    pub id: Uuid,
    /// The company's name as registered.
    pub name: String,
    /// Default language of its users and emails.
    pub locale: String,
    /// The caller's role in it.
    pub role: String,
    /// When it registered.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// One company the caller belongs to.
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 200, body = CompanyResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_company(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (company, role) = domain::accounts::company(&state.db, &caller.0, cid.into_inner()).await?;
    Ok(HttpResponse::Ok().json(CompanyResponse {
        id: company.id,
        name: company.name,
        locale: company.locale,
        role: role.as_str().into(),
        created_at: company.created_at,
    }))
}
