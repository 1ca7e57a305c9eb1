//! The providers' webhooks for worker voice by SMS and WhatsApp (no login: the
//! provider's signature is the credential). The signature is checked before the
//! message is read or anything stored: a missing or wrong one is a `403` and
//! changes nothing. Neither the sender's number nor the words are logged.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use domain::voice::messaging::{self, conversation::Inbound, provider, signature};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::{
    error::{ApiError, ApiResult, Problem},
    state::ApiState,
};

/// The fields of Twilio's incoming-message webhook this door reads (Twilio
/// sends more; all are signed and all are kept in the signature check).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct TwilioInbound {
    /// The worker's number (never stored in clear).
    pub from: String,
    /// The channel's number.
    pub to: Option<String>,
    /// What the worker wrote.
    pub body: Option<String>,
    /// Twilio's id of the message: a retry with the same id gets the same answer.
    pub message_sid: String,
    /// The Twilio account.
    pub account_sid: Option<String>,
}

fn header<'a>(req: &'a HttpRequest, name: &str) -> Option<&'a str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

fn refused() -> ApiError {
    ApiError::Forbidden("the request's signature does not match: it was not sent by the provider".into())
}

/// `text` safe inside XML.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Twilio's webhook for a message to the channel's number; answers TwiML with
/// the conversation's next step.
#[utoipa::path(
    tag = "worker voice (providers)",
    params(("channel_token" = String, Path, description = "The channel's public token")),
    request_body(content = TwilioInbound, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "TwiML `<Response><Message>…</Message></Response>`", content_type = "application/xml", body = String),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)
    )
)]
// `POST /api/v1/voice/inbound/twilio/{channel_token}` (the path below is relative to its scope).
#[post("/inbound/twilio/{channel_token}")]
pub async fn twilio_inbound(
    state: web::Data<ApiState>,
    req: HttpRequest,
    channel_token: web::Path<String>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let door = messaging::door(&state.db, &state.voice.key, &channel_token).await?;
    let params = std::str::from_utf8(&body)
        .ok()
        .and_then(|text| web::Query::<Vec<(String, String)>>::from_query(text).ok())
        .map(web::Query::into_inner)
        .ok_or_else(refused)?;
    // Twilio signs the URL it called: the public address and the path as routed.
    let url = format!(
        "{}{}",
        state.config.public_url.trim_end_matches('/'),
        req.uri().path_and_query().map_or(req.path(), |p| p.as_str())
    );
    if !signature::twilio_valid(
        &door.secrets.auth_token,
        &url,
        &params,
        header(&req, signature::TWILIO_HEADER),
    ) {
        return Err(refused());
    }
    let get = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let (Some(from), Some(message_id)) = (get("From"), get("MessageSid")) else {
        return Err(ApiError::invalid_field(
            "From",
            "From and MessageSid are required",
        ));
    };
    if from.is_empty() || from.len() > 64 || message_id.is_empty() || message_id.len() > 64 {
        return Err(ApiError::invalid_field(
            "MessageSid",
            "From and MessageSid must be 1 to 64 characters",
        ));
    }
    let answer = messaging::handle(
        &state.db,
        &state.voice.key,
        &door,
        Inbound {
            provider: provider::TWILIO,
            from,
            message_id,
            body: get("Body").unwrap_or_default(),
        },
        &state.config.public_url,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{}</Message></Response>",
            xml_escape(&answer.text)
        )))
}

/// Meta's webhook verification request.
#[derive(Debug, Deserialize, IntoParams)]
pub struct VerifyQuery {
    /// `subscribe`.
    #[serde(rename = "hub.mode")]
    #[param(rename = "hub.mode")]
    pub mode: Option<String>,
    /// The verify token set in the messaging settings.
    #[serde(rename = "hub.verify_token")]
    #[param(rename = "hub.verify_token")]
    pub verify_token: Option<String>,
    /// Echoed back when the token matches.
    #[serde(rename = "hub.challenge")]
    #[param(rename = "hub.challenge")]
    pub challenge: Option<String>,
}

/// Meta's webhook verification: echoes `hub.challenge` when `hub.verify_token`
/// is the one in the messaging settings.
#[utoipa::path(
    tag = "worker voice (providers)",
    params(("channel_token" = String, Path, description = "The channel's public token"), VerifyQuery),
    responses(
        (status = 200, description = "The challenge", content_type = "text/plain", body = String),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)
    )
)]
// `GET /api/v1/voice/inbound/whatsapp/{channel_token}` (the path below is relative to its scope).
#[get("/inbound/whatsapp/{channel_token}")]
pub async fn whatsapp_verify(
    state: web::Data<ApiState>,
    channel_token: web::Path<String>,
    query: web::Query<VerifyQuery>,
) -> ApiResult<HttpResponse> {
    let door = messaging::door(&state.db, &state.voice.key, &channel_token).await?;
    let Some(expected) = door.secrets.whatsapp_verify_token.as_deref() else {
        return Err(ApiError::NotFound("WhatsApp channel".into()));
    };
    let query = query.into_inner();
    if query.mode.as_deref() != Some("subscribe") {
        return Err(ApiError::invalid_field("hub.mode", "must be subscribe"));
    }
    if !signature::same_secret(expected, query.verify_token.as_deref().unwrap_or_default()) {
        return Err(ApiError::Forbidden(
            "hub.verify_token does not match the messaging settings".into(),
        ));
    }
    let challenge = query.challenge.unwrap_or_default();
    if challenge.is_empty()
        || challenge.len() > 256
        || !challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ApiError::invalid_field(
            "hub.challenge",
            "must be 1 to 256 letters, digits, - or _",
        ));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(challenge))
}

/// A WhatsApp Cloud API webhook body (the parts this door reads; contacts'
/// profile names and everything else are ignored, never stored).
#[derive(Debug, Deserialize, ToSchema)]
pub struct WhatsAppWebhook {
    /// `whatsapp_business_account`.
    pub object: Option<String>,
    /// The entries.
    #[serde(default)]
    pub entry: Vec<WhatsAppEntry>,
}

/// One entry.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WhatsAppEntry {
    /// Its changes.
    #[serde(default)]
    pub changes: Vec<WhatsAppChange>,
}

/// One change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WhatsAppChange {
    /// `messages`.
    pub field: Option<String>,
    /// The messages (status updates have none).
    pub value: Option<WhatsAppValue>,
}

/// A change's value.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WhatsAppValue {
    /// Incoming messages.
    #[serde(default)]
    pub messages: Vec<WhatsAppMessage>,
}

/// An incoming message.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WhatsAppMessage {
    /// The worker's number (never stored in clear).
    pub from: String,
    /// Meta's message id: a retry with the same id gets the same answer.
    pub id: String,
    /// `text` (other kinds are answered with the current step again).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The text.
    pub text: Option<WhatsAppText>,
}

/// A text message's body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WhatsAppText {
    /// What the worker wrote.
    pub body: String,
}

/// Meta's webhook for WhatsApp messages to the channel's number; each answer is
/// sent back through the Graph API by a job.
#[utoipa::path(
    tag = "worker voice (providers)",
    params(("channel_token" = String, Path, description = "The channel's public token")),
    request_body = WhatsAppWebhook,
    responses(
        (status = 200, description = "Received"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)
    )
)]
// `POST /api/v1/voice/inbound/whatsapp/{channel_token}` (the path below is relative to its scope).
#[post("/inbound/whatsapp/{channel_token}")]
pub async fn whatsapp_inbound(
    state: web::Data<ApiState>,
    req: HttpRequest,
    channel_token: web::Path<String>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let door = messaging::door(&state.db, &state.voice.key, &channel_token).await?;
    let Some(app_secret) = door.secrets.whatsapp_app_secret.as_deref() else {
        return Err(ApiError::NotFound("WhatsApp channel".into()));
    };
    if !signature::whatsapp_valid(app_secret, &body, header(&req, signature::WHATSAPP_HEADER)) {
        return Err(refused());
    }
    // serde's message could quote the body (a number): say only what is wrong.
    let webhook: WhatsAppWebhook = serde_json::from_slice(&body)
        .map_err(|_| ApiError::invalid_field("body", "is not a WhatsApp Cloud API webhook body"))?;
    let messages = webhook
        .entry
        .into_iter()
        .flat_map(|e| e.changes)
        .filter_map(|c| c.value)
        .flat_map(|v| v.messages);
    for message in messages {
        if message.from.is_empty()
            || message.from.len() > 64
            || message.id.is_empty()
            || message.id.len() > 256
        {
            return Err(ApiError::invalid_field("messages", "from and id must be given"));
        }
        let text = match (message.kind.as_deref(), message.text) {
            (Some("text") | None, Some(text)) => text.body,
            _ => String::new(),
        };
        messaging::handle(
            &state.db,
            &state.voice.key,
            &door,
            Inbound {
                provider: provider::WHATSAPP,
                from: message.from,
                message_id: message.id,
                body: text,
            },
            &state.config.public_url,
        )
        .await?;
    }
    Ok(HttpResponse::Ok().json(serde_json::json!({"received": true})))
}
