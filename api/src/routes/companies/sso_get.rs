//! `GET /companies/{cid}/sso`: the company's single sign-on settings (admins).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, web};
use domain::sso::SsoSettingsView;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// A company's OpenID Connect settings. The client secret is write-only: only
/// whether one is stored is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct SsoSettingsResponse {
    /// The company.
    pub company_id: Uuid,
    /// The issuer URL (its discovery document was checked when saved).
    pub issuer: String,
    /// Our client id at the provider.
    pub client_id: String,
    /// Whether a client secret is stored.
    pub client_secret_set: bool,
    /// The ID-token claim that carries the role (a string or an array of strings).
    pub role_claim: String,
    /// Claim value → `admin`, `officer` or `advisor`.
    pub role_map: BTreeMap<String, String>,
    /// The role given when no claim value maps; `null` refuses such sign-ins.
    pub default_role: Option<String>,
    /// The email domains the provider may sign in.
    pub email_domains: Vec<String>,
    /// Password login is refused for the company's staff.
    pub sso_required: bool,
    /// The redirect URI to register at the provider.
    pub redirect_uri: String,
    /// Last change.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl From<SsoSettingsView> for SsoSettingsResponse {
    fn from(v: SsoSettingsView) -> Self {
        Self {
            company_id: v.company_id,
            issuer: v.issuer,
            client_id: v.client_id,
            client_secret_set: v.client_secret_set,
            role_claim: v.role_claim,
            role_map: v
                .role_map
                .into_iter()
                .map(|(k, r)| (k, r.as_str().to_string()))
                .collect(),
            default_role: v.default_role.map(|r| r.as_str().to_string()),
            email_domains: v.email_domains,
            sso_required: v.sso_required,
            redirect_uri: v.redirect_uri,
            updated_at: v.updated_at,
        }
    }
}

/// The company's single sign-on settings (admins; 404 until configured).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 200, body = SsoSettingsResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
    )
)]
#[get("/sso")]
pub async fn get_sso(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view =
        domain::sso::get_settings(&state.db, &caller.0, cid.into_inner(), &state.config.public_url).await?;
    Ok(HttpResponse::Ok().json(SsoSettingsResponse::from(view)))
}
