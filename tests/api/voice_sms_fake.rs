//! A local fake of the two messaging APIs worker voice sends through, checking
//! requests as the real ones do:
//!
//! - Twilio's `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (Twilio,
//!   "Messages resource", create): HTTP basic auth with the Account SID and auth
//!   token (401 otherwise), the same Account SID in the path (404 otherwise), a
//!   form body with `To`, `From` and `Body` (400 naming the missing one, with
//!   Twilio's error codes 21604, 21603 and 21602); answers `201` with a JSON
//!   message resource whose `sid` starts `SM`.
//! - Meta's Graph API `POST /v21.0/{phone_number_id}/messages` (WhatsApp Cloud
//!   API, "Send messages"): `Authorization: Bearer <token>` (401 otherwise),
//!   JSON with `messaging_product: "whatsapp"`, `to`, `type: "text"` and
//!   `text.body` (400 otherwise); answers with `messages[0].id` (`wamid.…`).
//!
//! Every accepted message is recorded; `fail_next` makes the next calls answer
//! 503, as a provider outage would.

use std::sync::{
    Arc, Mutex,
    atomic::{AtomicUsize, Ordering},
};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use base64::Engine as _;
use serde_json::{Value, json};

/// The Twilio account the fake knows.
pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
/// Its auth token.
pub const AUTH_TOKEN: &str = "fake-twilio-auth-token-0123456789";
/// The WhatsApp phone number id the fake knows.
pub const PHONE_NUMBER_ID: &str = "106540352242922";
/// The Graph API access token it accepts.
pub const ACCESS_TOKEN: &str = "fake-graph-access-token-0123456789";

/// One message the fake accepted.
#[derive(Debug, Clone)]
pub struct Sent {
    /// `twilio` or `whatsapp`.
    pub provider: &'static str,
    /// `To` / `to`.
    pub to: String,
    /// `From` (Twilio only).
    pub from: String,
    /// The text.
    pub body: String,
}

#[derive(Default)]
struct Shared {
    sent: Mutex<Vec<Sent>>,
    fail_next: AtomicUsize,
    calls: AtomicUsize,
}

/// A running fake.
pub struct FakeProvider {
    /// Its base URL (Twilio `api_base`).
    pub url: String,
    shared: Arc<Shared>,
}

impl FakeProvider {
    /// The Graph API base (`whatsapp_api_base`).
    pub fn graph_url(&self) -> String {
        format!("{}/v21.0", self.url)
    }

    /// Every message accepted, in order.
    pub fn sent(&self) -> Vec<Sent> {
        self.shared.sent.lock().unwrap().clone()
    }

    /// Every call received, accepted or not.
    pub fn calls(&self) -> usize {
        self.shared.calls.load(Ordering::SeqCst)
    }

    /// The next `n` calls answer 503.
    pub fn fail_next(&self, n: usize) {
        self.shared.fail_next.store(n, Ordering::SeqCst);
    }
}

fn outage(shared: &Shared) -> bool {
    shared.calls.fetch_add(1, Ordering::SeqCst);
    shared
        .fail_next
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
}

fn twilio_error(status: u16, code: u32, message: &str) -> HttpResponse {
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap()).json(json!({
        "code": code, "message": message, "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status
    }))
}

async fn twilio_messages(
    req: HttpRequest,
    account: web::Path<String>,
    body: web::Bytes,
    shared: web::Data<Shared>,
) -> HttpResponse {
    if outage(&shared) {
        return HttpResponse::ServiceUnavailable().finish();
    }
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"))
    );
    if req.headers().get("authorization").and_then(|v| v.to_str().ok()) != Some(expected.as_str()) {
        return twilio_error(401, 20003, "Authenticate");
    }
    if account.as_str() != ACCOUNT_SID {
        return twilio_error(404, 20404, "The requested resource was not found");
    }
    let form_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return twilio_error(400, 21602, "Message body is required.");
    }
    let params = web::Query::<Vec<(String, String)>>::from_query(std::str::from_utf8(&body).unwrap())
        .unwrap()
        .into_inner();
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let Some(to) = get("To").filter(|t| !t.is_empty()) else {
        return twilio_error(400, 21604, "A 'To' phone number is required.");
    };
    let Some(from) = get("From").filter(|t| !t.is_empty()) else {
        return twilio_error(400, 21603, "A 'From' phone number is required.");
    };
    let Some(text) = get("Body").filter(|t| !t.is_empty()) else {
        return twilio_error(400, 21602, "Message body is required.");
    };
    shared.sent.lock().unwrap().push(Sent {
        provider: "twilio",
        to: to.clone(),
        from: from.clone(),
        body: text.clone(),
    });
    let sid = format!("SM{}", uuid::Uuid::new_v4().simple());
    HttpResponse::Created().json(json!({
        "account_sid": ACCOUNT_SID, "sid": sid, "to": to, "from": from, "body": text,
        "status": "queued", "direction": "outbound-api", "num_segments": "1"
    }))
}

async fn graph_messages(
    req: HttpRequest,
    phone_number_id: web::Path<String>,
    body: web::Bytes,
    shared: web::Data<Shared>,
) -> HttpResponse {
    if outage(&shared) {
        return HttpResponse::ServiceUnavailable().finish();
    }
    let bearer = format!("Bearer {ACCESS_TOKEN}");
    if req.headers().get("authorization").and_then(|v| v.to_str().ok()) != Some(bearer.as_str()) {
        return HttpResponse::Unauthorized().json(json!({"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}}));
    }
    if phone_number_id.as_str() != PHONE_NUMBER_ID {
        return HttpResponse::BadRequest()
            .json(json!({"error": {"message": "Unsupported post request.", "code": 100}}));
    }
    let Ok(message) = serde_json::from_slice::<Value>(&body) else {
        return HttpResponse::BadRequest().json(json!({"error": {"message": "Invalid JSON", "code": 100}}));
    };
    let to = message["to"].as_str().unwrap_or_default().to_string();
    let text = message["text"]["body"].as_str().unwrap_or_default().to_string();
    if message["messaging_product"] != "whatsapp"
        || message["type"] != "text"
        || to.is_empty()
        || text.is_empty()
    {
        return HttpResponse::BadRequest()
            .json(json!({"error": {"message": "(#100) Invalid parameter", "code": 100}}));
    }
    shared.sent.lock().unwrap().push(Sent {
        provider: "whatsapp",
        to: to.clone(),
        from: String::new(),
        body: text,
    });
    HttpResponse::Ok().json(json!({
        "messaging_product": "whatsapp",
        "contacts": [{"input": to, "wa_id": to}],
        "messages": [{"id": format!("wamid.{}", uuid::Uuid::new_v4().simple())}]
    }))
}

/// Starts the fake on a free port.
pub fn start() -> FakeProvider {
    let shared = web::Data::new(Shared::default());
    let kept = shared.clone().into_inner();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(shared.clone())
            .route(
                "/2010-04-01/Accounts/{account}/Messages.json",
                web::post().to(twilio_messages),
            )
            .route(
                "/v21.0/{phone_number_id}/messages",
                web::post().to(graph_messages),
            )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let address = server.addrs()[0];
    tokio::spawn(server.run());
    FakeProvider {
        url: format!("http://{address}"),
        shared: kept,
    }
}
