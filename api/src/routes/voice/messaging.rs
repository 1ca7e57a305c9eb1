//! A company's SMS and WhatsApp settings for worker voice (admins only). The
//! secrets are write-only: sealed at rest, never in an answer or a log.

use actix_web::{HttpResponse, get, put, web};
use chrono::{DateTime, Utc};
use domain::{transaction::BeginWrite as _, voice::messaging::settings};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// The settings to store. Secrets omitted on a later `PUT` keep their stored
/// value; WhatsApp is on when `whatsapp_phone_number_id` is given.
#[derive(Deserialize, ToSchema)]
pub struct MessagingRequest {
    /// `twilio`.
    pub provider: String,
    /// Twilio Account SID (`AC` and 32 hexadecimal digits).
    pub account_sid: String,
    /// Twilio auth token (write-only; required the first time).
    pub auth_token: Option<String>,
    /// The sending number, E.164 (`+14155550100`).
    pub from: String,
    /// Twilio's API base (default `https://api.twilio.com`).
    pub api_base: Option<String>,
    /// Meta app secret, signs WhatsApp webhooks (write-only).
    pub whatsapp_app_secret: Option<String>,
    /// The verify token you type in Meta's webhook set-up (write-only).
    pub whatsapp_verify_token: Option<String>,
    /// Graph API access token that sends WhatsApp messages (write-only).
    pub whatsapp_access_token: Option<String>,
    /// The WhatsApp business phone number ID (digits).
    pub whatsapp_phone_number_id: Option<String>,
    /// Graph API base with its version (default `https://graph.facebook.com/v21.0`).
    pub whatsapp_api_base: Option<String>,
}

/// The settings as shown: never a secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessagingResponse {
    /// `twilio`.
    pub provider: String,
    /// The sending number.
    pub from: String,
    /// Twilio's API base.
    pub api_base: String,
    /// Twilio Account SID.
    pub account_sid: String,
    /// The WhatsApp phone number ID, when WhatsApp is on.
    pub whatsapp_phone_number_id: Option<String>,
    /// The Graph API base.
    pub whatsapp_api_base: String,
    /// When they last changed.
    pub updated_at: DateTime<Utc>,
}

impl From<settings::SettingsView> for MessagingResponse {
    fn from(v: settings::SettingsView) -> Self {
        Self {
            provider: v.provider,
            from: v.from,
            api_base: v.api_base,
            account_sid: v.account_sid,
            whatsapp_phone_number_id: v.whatsapp_phone_number_id,
            whatsapp_api_base: v.whatsapp_api_base,
            updated_at: v.updated_at,
        }
    }
}

/// Sets the company's SMS and WhatsApp provider (admins; other staff 403).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    request_body = MessagingRequest,
    responses((status = 200, body = MessagingResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `PUT /api/v1/companies/{cid}/voice/messaging` (the path below is relative to its scope).
#[put("/voice/messaging")]
pub async fn put_messaging(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<MessagingRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let form = settings::SettingsForm {
        provider: body.provider,
        account_sid: body.account_sid,
        auth_token: body.auth_token,
        from: body.from,
        api_base: body.api_base,
        whatsapp_app_secret: body.whatsapp_app_secret,
        whatsapp_verify_token: body.whatsapp_verify_token,
        whatsapp_access_token: body.whatsapp_access_token,
        whatsapp_phone_number_id: body.whatsapp_phone_number_id,
        whatsapp_api_base: body.whatsapp_api_base,
    };
    let txn = state.db.begin_write().await?;
    let view = settings::save(&txn, &state.voice.key, &caller.0, cid.into_inner(), form).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(MessagingResponse::from(view)))
}

/// The company's SMS and WhatsApp settings, without secrets (admins).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 200, body = MessagingResponse), (status = 403, body = Problem), (status = 404, body = Problem))
)]
// `GET /api/v1/companies/{cid}/voice/messaging` (the path below is relative to its scope).
#[get("/voice/messaging")]
pub async fn get_messaging(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = settings::show(&state.db, &caller.0, cid.into_inner()).await?;
    Ok(HttpResponse::Ok().json(MessagingResponse::from(view)))
}
