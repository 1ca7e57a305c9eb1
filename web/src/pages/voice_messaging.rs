//! The SMS/WhatsApp messaging settings of a company's worker voice
//! (`GET/POST /companies/{cid}/voice/messaging`), for its admins: other staff see
//! the 403 page, anyone else the 404 page. The same use case as
//! `PUT /api/v1/companies/{cid}/voice/messaging`. Secrets are write-only: the
//! form never shows them back, only whether each is set; a secret left empty
//! keeps the stored one. A refused form is shown again with the reason beside
//! each field and without the secrets typed, nothing stored.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    error::DomainError,
    transaction::BeginWrite as _,
    voice::messaging::settings::{self, SettingsForm, SettingsView},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    i18n::Tr,
    pages::see_other,
    state::PortalState,
};

/// One field of the form.
pub struct FieldRow {
    name: &'static str,
    label: String,
    /// A write-only secret: a password box, never filled in.
    secret: bool,
    /// What the box shows (never a secret).
    value: String,
    /// For a secret: "set" or "not set", in the visitor's words.
    status: String,
    error: Option<String>,
}

/// The page.
#[derive(Template)]
#[template(path = "voice_messaging.html")]
pub struct MessagingPage {
    l: Layout,
    action: String,
    back: String,
    fields: Vec<FieldRow>,
    /// When the settings last changed (empty before the first save).
    updated: String,
    saved: bool,
}

/// The form (no `Debug`: it holds secrets).
#[derive(Deserialize, Default)]
pub struct MessagingForm {
    #[serde(default)]
    account_sid: String,
    #[serde(default)]
    auth_token: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    api_base: String,
    #[serde(default)]
    whatsapp_phone_number_id: String,
    #[serde(default)]
    whatsapp_app_secret: String,
    #[serde(default)]
    whatsapp_verify_token: String,
    #[serde(default)]
    whatsapp_access_token: String,
    #[serde(default)]
    whatsapp_api_base: String,
}

/// `?saved=1` after a save.
#[derive(Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

/// The reason a field was refused, in the visitor's words.
fn field_error(t: Tr, field: &str) -> String {
    match field {
        "account_sid" => t.get("err-voice-messaging-account-sid"),
        "auth_token" => t.get("err-voice-messaging-auth-token"),
        "from" => t.get("err-voice-messaging-from"),
        "api_base" | "whatsapp_api_base" => t.get("err-voice-messaging-api-base"),
        "whatsapp_phone_number_id" => t.get("err-voice-messaging-phone-number-id"),
        _ => t.get("err-voice-messaging-whatsapp-secret"),
    }
}

/// The form's fields: the typed values (`typed`) or the stored ones (`view`);
/// secrets only as set or not set.
fn fields(
    t: Tr,
    view: Option<&SettingsView>,
    typed: Option<&MessagingForm>,
    errors: &BTreeMap<String, String>,
) -> Vec<FieldRow> {
    let set = view.map(|v| v.secrets_set).unwrap_or_default();
    let shown = |typed_value: Option<&String>, stored: Option<String>| {
        typed_value.cloned().or(stored).unwrap_or_default()
    };
    let status = |is_set: bool| {
        if is_set {
            t.get("voice-messaging-secret-set")
        } else {
            t.get("voice-messaging-secret-not-set")
        }
    };
    let plain = |name: &'static str, label: String, value: String| FieldRow {
        name,
        label,
        secret: false,
        value,
        status: String::new(),
        error: errors.get(name).cloned(),
    };
    let secret = |name: &'static str, label: String, is_set: bool| FieldRow {
        name,
        label,
        secret: true,
        value: String::new(),
        status: status(is_set),
        error: errors.get(name).cloned(),
    };
    vec![
        plain(
            "account_sid",
            t.get("voice-messaging-account-sid"),
            shown(typed.map(|f| &f.account_sid), view.map(|v| v.account_sid.clone())),
        ),
        secret("auth_token", t.get("voice-messaging-auth-token"), set.auth_token),
        plain(
            "from",
            t.get("voice-messaging-from"),
            shown(typed.map(|f| &f.from), view.map(|v| v.from.clone())),
        ),
        plain(
            "api_base",
            t.get("voice-messaging-api-base"),
            shown(typed.map(|f| &f.api_base), view.map(|v| v.api_base.clone())),
        ),
        plain(
            "whatsapp_phone_number_id",
            t.get("voice-messaging-phone-number-id"),
            shown(
                typed.map(|f| &f.whatsapp_phone_number_id),
                view.and_then(|v| v.whatsapp_phone_number_id.clone()),
            ),
        ),
        secret(
            "whatsapp_app_secret",
            t.get("voice-messaging-app-secret"),
            set.whatsapp_app_secret,
        ),
        secret(
            "whatsapp_verify_token",
            t.get("voice-messaging-verify-token"),
            set.whatsapp_verify_token,
        ),
        secret(
            "whatsapp_access_token",
            t.get("voice-messaging-access-token"),
            set.whatsapp_access_token,
        ),
        plain(
            "whatsapp_api_base",
            t.get("voice-messaging-whatsapp-api-base"),
            shown(
                typed.map(|f| &f.whatsapp_api_base),
                view.map(|v| v.whatsapp_api_base.clone()),
            ),
        ),
    ]
}

fn page(
    member: &Member,
    cid: Uuid,
    view: Option<&SettingsView>,
    fields: Vec<FieldRow>,
    saved: bool,
) -> MessagingPage {
    MessagingPage {
        l: member.layout(),
        action: format!("/companies/{cid}/voice/messaging"),
        back: format!("/companies/{cid}/voice"),
        fields,
        updated: view
            .map(|v| v.updated_at.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default(),
        saved,
    }
}

/// `GET /companies/{cid}/voice/messaging`.
#[get("/companies/{cid}/voice/messaging")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let view = settings::current(&state.db, &member.caller, *cid)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let rows = fields(t, view.as_ref(), None, &BTreeMap::new());
    member.render(&page(&member, *cid, view.as_ref(), rows, query.saved.is_some()))
}

/// An empty box is "not given" (a secret left empty keeps the stored one).
fn given(raw: &str) -> Option<String> {
    let raw = raw.trim();
    (!raw.is_empty()).then(|| raw.to_string())
}

/// `POST /companies/{cid}/voice/messaging`.
#[post("/companies/{cid}/voice/messaging")]
pub async fn save(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<MessagingForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let voice = state
        .voice
        .clone()
        .ok_or(member.fail(crate::error::ErrorKind::Internal))?;
    let typed = form.0;
    let settings_form = SettingsForm {
        provider: domain::voice::messaging::provider::TWILIO.to_string(),
        account_sid: typed.account_sid.clone(),
        auth_token: given(&typed.auth_token),
        from: typed.from.clone(),
        api_base: given(&typed.api_base),
        whatsapp_app_secret: given(&typed.whatsapp_app_secret),
        whatsapp_verify_token: given(&typed.whatsapp_verify_token),
        whatsapp_access_token: given(&typed.whatsapp_access_token),
        whatsapp_phone_number_id: given(&typed.whatsapp_phone_number_id),
        whatsapp_api_base: given(&typed.whatsapp_api_base),
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    match settings::save(&txn, &voice.key, &member.caller, *cid, settings_form).await {
        Ok(_) => {
            txn.commit().await.or_page(t)?;
            Ok(see_other(&format!("/companies/{cid}/voice/messaging?saved=1")).finish())
        }
        Err(DomainError::Invalid(refused)) => {
            drop(txn);
            let errors: BTreeMap<String, String> = refused
                .iter()
                .map(|e| (e.field.to_string(), field_error(t, &e.field)))
                .collect();
            let view = settings::current(&state.db, &member.caller, *cid)
                .await
                .map_err(|e| PortalError::from_domain(e, t))?;
            let rows = fields(t, view.as_ref(), Some(&typed), &errors);
            let mut response = member.render(&page(&member, *cid, view.as_ref(), rows, false))?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(other) => Err(PortalError::from_domain(other, t)),
    }
}
