//! A company's messaging settings: which provider, its account, the sending
//! number and, optionally, the WhatsApp Cloud API. Admins only. Secrets (the
//! auth token, the WhatsApp app secret, verify token and access token) are
//! write-only: sealed with the worker-voice key (the row id as associated data),
//! never returned and never logged; a `PUT` that omits one keeps the stored one.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::provider;
use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::voice_messaging,
    error::{DomainError, FieldError},
    values::Role,
    voice::seal::VoiceKey,
};

/// Twilio's API when `api_base` is not given.
pub const DEFAULT_TWILIO_API: &str = "https://api.twilio.com";
/// The Graph API version the WhatsApp Cloud API is called at when not given.
pub const DEFAULT_WHATSAPP_API: &str = "https://graph.facebook.com/v21.0";

/// Checks the caller is an admin of `company` (not a read-only key): other
/// staff get `Forbidden`, anyone else `NotFound`.
pub fn require_admin(caller: &Caller, company: Uuid) -> Result<(), DomainError> {
    match caller.company_role(company)? {
        Role::Supplier => Err(DomainError::NotFound("company")),
        _ if caller.read_only => Err(DomainError::Forbidden("this API key is read-only")),
        Role::Admin => Ok(()),
        _ => Err(DomainError::Forbidden(
            "only the company's admins manage messaging settings",
        )),
    }
}

/// The settings as typed (no `Debug`: it holds secrets).
#[derive(Clone, Default)]
pub struct SettingsForm {
    /// `twilio`.
    pub provider: String,
    /// Twilio's Account SID.
    pub account_sid: String,
    /// Twilio's auth token (kept when `None` and already stored).
    pub auth_token: Option<String>,
    /// The company's sending number, E.164.
    pub from: String,
    /// Twilio's API base.
    pub api_base: Option<String>,
    /// Meta app secret (signs WhatsApp webhooks).
    pub whatsapp_app_secret: Option<String>,
    /// The verify token Meta's webhook set-up sends back.
    pub whatsapp_verify_token: Option<String>,
    /// The Graph API access token (sends WhatsApp messages).
    pub whatsapp_access_token: Option<String>,
    /// The WhatsApp business phone number id.
    pub whatsapp_phone_number_id: Option<String>,
    /// The Graph API base, with its version.
    pub whatsapp_api_base: Option<String>,
}

/// The settings as shown: nothing secret.
#[derive(Debug, Clone)]
pub struct SettingsView {
    /// `twilio`.
    pub provider: String,
    /// Twilio's Account SID.
    pub account_sid: String,
    /// The sending number.
    pub from: String,
    /// Twilio's API base.
    pub api_base: String,
    /// The WhatsApp phone number id, when WhatsApp is set up.
    pub whatsapp_phone_number_id: Option<String>,
    /// The Graph API base.
    pub whatsapp_api_base: String,
    /// When they last changed.
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// Whether each write-only secret is stored (never the secret itself), so a
    /// form can say "set" or "not set".
    pub secrets_set: SecretsSet,
}

/// Which secrets are stored.
#[derive(Debug, Clone, Copy, Default)]
pub struct SecretsSet {
    /// Twilio's auth token.
    pub auth_token: bool,
    /// Meta's app secret.
    pub whatsapp_app_secret: bool,
    /// Meta's verify token.
    pub whatsapp_verify_token: bool,
    /// The Graph API access token.
    pub whatsapp_access_token: bool,
}

impl From<&voice_messaging::Model> for SettingsView {
    fn from(row: &voice_messaging::Model) -> Self {
        Self {
            provider: row.provider.clone(),
            account_sid: row.account_sid.clone(),
            from: row.from_number.clone(),
            api_base: row.api_base.clone(),
            whatsapp_phone_number_id: row.whatsapp_phone_number_id.clone(),
            whatsapp_api_base: row.whatsapp_api_base.clone(),
            updated_at: row.updated_at,
            secrets_set: SecretsSet {
                auth_token: !row.auth_token_sealed.is_empty(),
                whatsapp_app_secret: row.whatsapp_app_secret_sealed.is_some(),
                whatsapp_verify_token: row.whatsapp_verify_token_sealed.is_some(),
                whatsapp_access_token: row.whatsapp_access_token_sealed.is_some(),
            },
        }
    }
}

/// The opened secrets, for the inbound doors and the sending job.
#[derive(Clone)]
pub struct Secrets {
    /// Twilio's auth token.
    pub auth_token: String,
    /// Meta's app secret.
    pub whatsapp_app_secret: Option<String>,
    /// Meta's verify token.
    pub whatsapp_verify_token: Option<String>,
    /// The Graph API access token.
    pub whatsapp_access_token: Option<String>,
}

/// Opens the sealed secrets of `row`.
pub fn open_secrets(key: &VoiceKey, row: &voice_messaging::Model) -> Result<Secrets, DomainError> {
    let open = |sealed: &Option<String>| -> Result<Option<String>, DomainError> {
        sealed.as_deref().map(|s| key.open(row.id, s)).transpose()
    };
    Ok(Secrets {
        auth_token: key.open(row.id, &row.auth_token_sealed)?,
        whatsapp_app_secret: open(&row.whatsapp_app_secret_sealed)?,
        whatsapp_verify_token: open(&row.whatsapp_verify_token_sealed)?,
        whatsapp_access_token: open(&row.whatsapp_access_token_sealed)?,
    })
}

/// Company `company_id`'s settings row, if any.
pub async fn of_company<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<Option<voice_messaging::Model>, DomainError> {
    Ok(voice_messaging::Entity::find()
        .filter(voice_messaging::Column::CompanyId.eq(company_id))
        .one(db)
        .await?)
}

/// The settings of `company_id` for one of its admins; `NotFound` when none.
pub async fn show<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<SettingsView, DomainError> {
    current(db, caller, company_id)
        .await?
        .ok_or(DomainError::NotFound("messaging settings"))
}

/// The settings of `company_id` for one of its admins, `None` before the first
/// save (the portal's form starts empty then).
pub async fn current<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
) -> Result<Option<SettingsView>, DomainError> {
    require_admin(caller, company_id)?;
    Ok(of_company(db, company_id)
        .await?
        .map(|row| SettingsView::from(&row)))
}

/// A base URL: `http(s)://host[:port][/path]`, no query, no credentials; kept
/// without a trailing slash. Where it may point is checked again at sending time
/// against private addresses (as webhooks are).
fn base_url(field: &str, raw: Option<&str>, default: &str, errors: &mut Vec<FieldError>) -> String {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty()).unwrap_or(default);
    match url::Url::parse(raw) {
        Ok(url)
            if matches!(url.scheme(), "https" | "http")
                && url.host_str().is_some()
                && url.query().is_none()
                && url.fragment().is_none()
                && url.username().is_empty()
                && url.password().is_none()
                && raw.len() <= 300 =>
        {
            raw.trim_end_matches('/').to_string()
        }
        _ => {
            errors.push(FieldError::new(
                field,
                "must be an http(s) URL without query or credentials, such as https://api.twilio.com",
            ));
            String::new()
        }
    }
}

/// A secret: printable ASCII without spaces, `min..=max` long.
fn secret(
    field: &str,
    raw: Option<&str>,
    min: usize,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let raw = raw?.trim();
    if raw.len() < min || raw.len() > max || !raw.bytes().all(|b| b.is_ascii_graphic()) {
        errors.push(FieldError::new(
            field,
            format!("must be {min} to {max} visible ASCII characters without spaces"),
        ));
        return None;
    }
    Some(raw.to_string())
}

/// Whether `raw` is an E.164 number: `+` and 8 to 15 digits (ITU-T E.164 allows
/// at most 15 digits).
fn e164(raw: &str) -> bool {
    raw.strip_prefix('+')
        .is_some_and(|d| (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Checks and stores the settings of `company_id` (admins), in the caller's
/// transaction; the audit row names what changed, never a secret.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    caller: &Caller,
    company_id: Uuid,
    form: SettingsForm,
) -> Result<SettingsView, DomainError> {
    require_admin(caller, company_id)?;
    let existing = of_company(db, company_id).await?;
    let mut errors = Vec::new();
    if form.provider.trim() != provider::TWILIO {
        errors.push(FieldError::new("provider", "must be twilio"));
    }
    // Twilio's Account SID: "AC" and 32 hexadecimal digits.
    let account_sid = form.account_sid.trim().to_string();
    let sid_ok = account_sid.len() == 34
        && account_sid.starts_with("AC")
        && account_sid[2..].bytes().all(|b| b.is_ascii_hexdigit());
    if !sid_ok {
        errors.push(FieldError::new(
            "account_sid",
            "must be your Twilio Account SID: AC followed by 32 hexadecimal digits",
        ));
    }
    let auth_token = secret("auth_token", form.auth_token.as_deref(), 16, 128, &mut errors);
    if auth_token.is_none() && existing.is_none() && !errors.iter().any(|e| e.field == "auth_token") {
        errors.push(FieldError::new("auth_token", "is required the first time"));
    }
    let from = form.from.trim().to_string();
    if !e164(&from) {
        errors.push(FieldError::new(
            "from",
            "must be the sending number in E.164 form, such as +14155550100",
        ));
    }
    let api_base = base_url(
        "api_base",
        form.api_base.as_deref(),
        DEFAULT_TWILIO_API,
        &mut errors,
    );
    let whatsapp_api_base = base_url(
        "whatsapp_api_base",
        form.whatsapp_api_base.as_deref(),
        DEFAULT_WHATSAPP_API,
        &mut errors,
    );
    let app_secret = secret(
        "whatsapp_app_secret",
        form.whatsapp_app_secret.as_deref(),
        16,
        128,
        &mut errors,
    );
    let verify_token = secret(
        "whatsapp_verify_token",
        form.whatsapp_verify_token.as_deref(),
        8,
        200,
        &mut errors,
    );
    let access_token = secret(
        "whatsapp_access_token",
        form.whatsapp_access_token.as_deref(),
        16,
        2048,
        &mut errors,
    );
    let phone_number_id = form
        .whatsapp_phone_number_id
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    if let Some(id) = &phone_number_id {
        if id.len() > 32 || !id.bytes().all(|b| b.is_ascii_digit()) {
            errors.push(FieldError::new(
                "whatsapp_phone_number_id",
                "must be the digits of the phone number ID shown in Meta's WhatsApp Manager",
            ));
        }
        // WhatsApp needs all three secrets, given now or kept from before.
        let kept = |f: fn(&voice_messaging::Model) -> &Option<String>| {
            existing.as_ref().is_some_and(|row| f(row).is_some())
        };
        for (field, given, stored) in [
            (
                "whatsapp_app_secret",
                app_secret.is_some(),
                kept(|r| &r.whatsapp_app_secret_sealed),
            ),
            (
                "whatsapp_verify_token",
                verify_token.is_some(),
                kept(|r| &r.whatsapp_verify_token_sealed),
            ),
            (
                "whatsapp_access_token",
                access_token.is_some(),
                kept(|r| &r.whatsapp_access_token_sealed),
            ),
        ] {
            if !given && !stored && !errors.iter().any(|e| e.field == field) {
                errors.push(FieldError::new(field, "is required to use WhatsApp"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let now = clock::now();
    let id = existing.as_ref().map_or_else(Uuid::now_v7, |row| row.id);
    let seal = |value: &Option<String>| -> Result<Option<String>, DomainError> {
        value.as_deref().map(|v| key.seal(id, v)).transpose()
    };
    let whatsapp_on = phone_number_id.is_some();
    let keep_or = |new: Option<String>, old: Option<String>| if whatsapp_on { new.or(old) } else { None };
    let (old_app, old_verify, old_access) = existing.as_ref().map_or((None, None, None), |row| {
        (
            row.whatsapp_app_secret_sealed.clone(),
            row.whatsapp_verify_token_sealed.clone(),
            row.whatsapp_access_token_sealed.clone(),
        )
    });
    let auth_sealed = match (&auth_token, &existing) {
        (Some(token), _) => key.seal(id, token)?,
        (None, Some(row)) => row.auth_token_sealed.clone(),
        (None, None) => return Err(DomainError::invalid("auth_token", "is required the first time")),
    };
    let active = voice_messaging::ActiveModel {
        id: Set(id),
        company_id: Set(company_id),
        provider: Set(provider::TWILIO.to_string()),
        account_sid: Set(account_sid),
        auth_token_sealed: Set(auth_sealed),
        from_number: Set(from),
        api_base: Set(api_base),
        whatsapp_app_secret_sealed: Set(keep_or(seal(&app_secret)?, old_app)),
        whatsapp_verify_token_sealed: Set(keep_or(seal(&verify_token)?, old_verify)),
        whatsapp_access_token_sealed: Set(keep_or(seal(&access_token)?, old_access)),
        whatsapp_phone_number_id: Set(phone_number_id),
        whatsapp_api_base: Set(whatsapp_api_base),
        updated_by: Set(Some(caller.user_id)),
        created_at: Set(existing.as_ref().map_or(now, |row| row.created_at)),
        updated_at: Set(now),
    };
    let row = if existing.is_some() {
        active.update(db).await?
    } else {
        active.insert(db).await?
    };
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(caller.user_id),
            action: "voice_messaging.saved",
            entity_type: "voice_messaging",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({
                "provider": row.provider, "api_base": row.api_base,
                "auth_token_changed": auth_token.is_some(),
                "whatsapp": row.whatsapp_phone_number_id.is_some(),
            })),
        },
    )
    .await?;
    Ok(SettingsView::from(&row))
}
