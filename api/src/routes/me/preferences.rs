//! `PATCH /me/preferences`: the caller's email language and daily digest.

use actix_web::{HttpResponse, patch, web};
use domain::{
    notifications::{self, PreferenceChange, Preferences},
    values::Locale,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// Settings to change; absent ones stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreferencesRequest {
    /// `en`, `es` or `fr`: the language of the caller's emails.
    #[schema(pattern = "^(en|es|fr)$")]
    pub locale: Option<String>,
    /// Whether the caller gets the daily findings digest. Invitations and
    /// priority findings are always sent.
    pub digest_enabled: Option<bool>,
}

/// The caller's preferences.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreferencesResponse {
    /// `en`, `es` or `fr`; `null` means the organization's default.
    pub locale: Option<String>,
    /// Whether the caller gets the daily findings digest.
    pub digest_enabled: bool,
}

impl From<Preferences> for PreferencesResponse {
    fn from(p: Preferences) -> Self {
        Self {
            locale: p.locale.map(|l| l.code().to_string()),
            digest_enabled: p.digest_enabled,
        }
    }
}

/// Changes the caller's language and whether they get the daily findings digest.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = PreferencesRequest,
    responses(
        (status = 200, body = PreferencesResponse),
        (status = 401, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[patch("/preferences")]
pub async fn update_preferences(
    state: web::Data<ApiState>,
    caller: Authenticated,
    body: JsonBody<PreferencesRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let locale = match body.locale.as_deref() {
        // `Locale::parse` accepts regions (`es-MX`); the contract asks for the bare code.
        Some(raw) => Some(
            ["en", "es", "fr"]
                .contains(&raw)
                .then(|| Locale::parse(raw))
                .flatten()
                .ok_or_else(|| ApiError::invalid_field("locale", "must be en, es or fr"))?,
        ),
        None => None,
    };
    let change = PreferenceChange {
        locale,
        digest_enabled: body.digest_enabled,
    };
    let saved = notifications::update_preferences(&state.db, caller.0.user_id, change).await?;
    Ok(HttpResponse::Ok().json(PreferencesResponse::from(saved)))
}
