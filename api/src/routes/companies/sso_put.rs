//! `PUT /companies/{cid}/sso`: sets the company's single sign-on (admins).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, put, web};
use domain::sso::SsoSettingsInput;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::companies::sso_get::SsoSettingsResponse,
    state::ApiState,
};

/// The settings, replaced as a whole.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SsoSettingsRequest {
    /// The issuer URL: https, or http on localhost/127.0.0.1 only.
    pub issuer: String,
    /// Our client id at the provider.
    pub client_id: String,
    /// Our client secret there (write-only); omit to keep the stored one.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// The ID-token claim that carries the role, e.g. `groups`.
    pub role_claim: String,
    /// Claim value → `admin`, `officer` or `advisor`.
    #[serde(default)]
    pub role_map: BTreeMap<String, String>,
    /// The role when no claim value maps; `null` refuses such sign-ins.
    #[serde(default)]
    pub default_role: Option<String>,
    /// The email domains the provider may sign in (at least one).
    pub email_domains: Vec<String>,
    /// Refuse password login for the company's staff.
    #[serde(default)]
    pub sso_required: bool,
}

/// Sets the company's OpenID Connect provider. The issuer's discovery document is
/// fetched first; if it fails, the 422 names `issuer` and nothing is stored.
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    request_body = SsoSettingsRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 200, body = SsoSettingsResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[put("/sso")]
pub async fn put_sso(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<SsoSettingsRequest>,
) -> ApiResult<HttpResponse> {
    let b = body.0;
    let input = SsoSettingsInput {
        issuer: b.issuer,
        client_id: b.client_id,
        client_secret: b.client_secret,
        role_claim: b.role_claim,
        role_map: b.role_map,
        default_role: b.default_role,
        email_domains: b.email_domains,
        sso_required: b.sso_required,
    };
    let view = domain::sso::save_settings(
        &state.db,
        &caller.0,
        cid.into_inner(),
        input,
        &state.config.public_url,
    )
    .await?;
    Ok(HttpResponse::Ok().json(SsoSettingsResponse::from(view)))
}
