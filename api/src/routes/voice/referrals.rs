//! The company's referral directory: services by country that reporters and
//! case handlers are shown. Managed by officers and admins; read by staff.

use actix_web::{HttpResponse, delete, get, post, put, web};
use domain::transaction::BeginWrite as _;
use domain::{
    entities::referral_service,
    listing::Window,
    voice::{
        referrals::{self, Service, ServiceForm},
        staff,
    },
};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::ReferralResponse;
use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    pagination::{PageQuery, Paginated},
    state::ApiState,
};

/// A referral service to add or replace.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReferralRequest {
    /// ISO 3166-1 alpha-2 country it serves.
    pub country: String,
    /// `hotline`, `ngo`, `iom`, `labour_inspection`, `legal_aid` or `other`.
    pub kind: String,
    /// The service's name as a worker would recognise it (one line).
    pub name: String,
    /// Phone (at least one of phone, email, url).
    pub phone: Option<String>,
    /// An address where workers can reach the service, if it takes email.
    pub email: Option<String>,
    /// Website (http or https).
    pub url: Option<String>,
    /// Language codes it answers in.
    #[serde(default)]
    pub languages: Vec<String>,
    /// What it does and for whom.
    #[serde(default)]
    pub description: String,
    /// Demonstration data, shown as "example only", never as a real contact.
    #[serde(default)]
    pub example: bool,
    /// Countries (ISO 3166-1 alpha-2) whose nationals it serves — an embassy, a
    /// labour attaché, a home-country hotline — shown to workers who give that
    /// nationality; empty: everyone in `country`.
    #[serde(default)]
    pub serves_nationals: Vec<String>,
}

fn parse(body: ReferralRequest) -> Result<Service, ApiError> {
    Ok(Service::parse(ServiceForm {
        country: body.country,
        kind: body.kind,
        name: body.name,
        phone: body.phone,
        email: body.email,
        url: body.url,
        languages: body.languages,
        description: body.description,
        example: body.example,
        serves_nationals: body.serves_nationals,
    })?)
}

/// Adds a referral service (officers, admins).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    request_body = ReferralRequest,
    responses((status = 201, body = ReferralResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `POST /api/v1/companies/{cid}/referral-services` (the path below is relative to its scope).
#[post("/referral-services")]
pub async fn create_referral(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<ReferralRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let service = parse(body.0)?;
    let txn = state.db.begin_write().await?;
    let row = referrals::create(&txn, cid, caller.0.user_id, service).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ReferralResponse::from(row)))
}

/// Filters for the directory.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ReferralQuery {
    /// Only this country.
    pub country: Option<String>,
}

/// The company's referral services by country (staff).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), ReferralQuery, PageQuery),
    responses((status = 200, body = Paginated<ReferralResponse>), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `GET /api/v1/companies/{cid}/referral-services` (the path below is relative to its scope).
#[get("/referral-services")]
pub async fn list_referrals(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    filter: web::Query<ReferralQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    domain::voice::cases::require_staff(&caller.0, cid)?;
    let page = page.into_inner().checked()?;
    let country = match &filter.country {
        Some(raw) => {
            Some(domain::values::CountryCode::parse(raw).map_err(|m| ApiError::invalid_field("country", m))?)
        }
        None => None,
    };
    let window = Window::page(page.offset(), page.per_page);
    let (rows, total) = staff::referrals_of(&state.db, &caller.0, cid, country, window).await?;
    Ok(HttpResponse::Ok().json(Paginated::new(
        rows.into_iter().map(ReferralResponse::from).collect(),
        total,
        page,
    )))
}

async fn managed(
    state: &ApiState,
    caller: &domain::access::Caller,
    id: Uuid,
) -> Result<referral_service::Model, ApiError> {
    Ok(staff::managed_referral(&state.db, caller, id).await?)
}

/// Replaces a referral service (officers, admins).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Referral service id")),
    request_body = ReferralRequest,
    responses((status = 200, body = ReferralResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `PUT /api/v1/referral-services/{id}` (the path below is relative to its scope).
#[put("")]
pub async fn replace_referral(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<ReferralRequest>,
) -> ApiResult<HttpResponse> {
    let row = managed(&state, &caller.0, id.into_inner()).await?;
    let service = parse(body.0)?;
    let txn = state.db.begin_write().await?;
    let row = referrals::update(&txn, row, caller.0.user_id, service).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(ReferralResponse::from(row)))
}

/// Removes a referral service (officers, admins).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Referral service id")),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem))
)]
// `DELETE /api/v1/referral-services/{id}` (the path below is relative to its scope).
#[delete("")]
pub async fn delete_referral(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = managed(&state, &caller.0, id.into_inner()).await?;
    let txn = state.db.begin_write().await?;
    referrals::delete(&txn, row, caller.0.user_id).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
