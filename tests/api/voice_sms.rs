//! Worker voice by SMS and WhatsApp (issue #20, acceptance 2): the SMS
//! conversation end to end against a fake Twilio in English and Spanish, a bad
//! signature refused with nothing stored, a staff reply delivered once, WhatsApp
//! verification and signed messages answered through a fake Graph API, closing
//! a case forgets the number, and no phone number anywhere in the database or
//! the logs. Run on SQLite and on PostgreSQL
//! (`FAIRHIRE_TEST_DATABASE_URL=… cargo test --test api voice_sms`).

use std::sync::{Arc, Mutex, OnceLock};

use hmac::{Hmac, KeyInit, Mac};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::{
    helpers::{Options, TestApp, assert_problem, spawn_app_with},
    portal_security::snapshot,
    voice::{VoiceWorld, every_stored_text, voice_world},
    voice_sms_fake::{self, ACCESS_TOKEN, ACCOUNT_SID, AUTH_TOKEN, FakeProvider, PHONE_NUMBER_ID},
};

/// The English-speaking worker's number (E.164).
const WORKER_EN: &str = "+8801712345678";
/// The Spanish-speaking worker's number.
const WORKER_ES: &str = "+5215512345678";
/// The WhatsApp worker's number, as WhatsApp sends it (no `+`).
const WORKER_WA: &str = "8801898765432";
/// The company's sending number.
const COMPANY_FROM: &str = "+14155550100";
const APP_SECRET: &str = "fake-meta-app-secret-0123456789";
const VERIFY_TOKEN: &str = "verify-me-please";

/// Everything the process logs from now on, for the scan (one subscriber for
/// the whole test binary; the other tests' lines land here too, harmlessly).
fn captured_logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_ansi(false)
            .with_writer(move || Capture(writer.clone()))
            .finish();
        // Another test may have installed one first: then nothing is captured
        // and the scan's own check (the inbound route is in the logs) fails.
        let _ = tracing::subscriber::set_global_default(subscriber);
        buffer
    })
    .clone()
}

struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn app_with_fake() -> (TestApp, VoiceWorld, FakeProvider) {
    let fake = voice_sms_fake::start();
    let app = spawn_app_with(Options {
        allow_private_webhooks: true,
        ..Options::default()
    })
    .await;
    let world = voice_world(&app).await;
    let saved = app
        .put_json(
            &format!("/companies/{}/voice/messaging", world.company.id),
            &world.company.token,
            &json!({
                "provider": "twilio", "account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN,
                "from": COMPANY_FROM, "api_base": fake.url,
                "whatsapp_app_secret": APP_SECRET, "whatsapp_verify_token": VERIFY_TOKEN,
                "whatsapp_access_token": ACCESS_TOKEN, "whatsapp_phone_number_id": PHONE_NUMBER_ID,
                "whatsapp_api_base": fake.graph_url(),
            }),
        )
        .await;
    assert_eq!(saved.status(), 200, "messaging settings");
    (app, world, fake)
}

impl TestApp {
    /// `PUT` JSON to an API path with a token.
    pub async fn put_json(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client
            .put(self.url(&format!("/api/v1{path}")))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Sends an SMS to the channel as Twilio does: form-encoded, signed with
    /// `auth_token` over the public URL and the sorted parameters.
    pub async fn twilio_sms(
        &self,
        channel: &str,
        from: &str,
        sid: &str,
        body: &str,
        auth_token: &str,
    ) -> reqwest::Response {
        let path = format!("/api/v1/voice/inbound/twilio/{channel}");
        let params: Vec<(String, String)> = [
            ("MessageSid", sid),
            ("AccountSid", ACCOUNT_SID),
            ("From", from),
            ("To", COMPANY_FROM),
            ("Body", body),
            ("NumMedia", "0"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let signed_url = format!("{}{path}", self.settings.public_url);
        let signature = domain::voice::messaging::signature::twilio_sign(auth_token, &signed_url, &params);
        self.client
            .post(self.url(&path))
            .header("X-Twilio-Signature", signature)
            .form(&params)
            .send()
            .await
            .unwrap()
    }
}

/// The TwiML message text of an answer.
async fn twiml(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    let xml = response.text().await.unwrap();
    let start = xml.find("<Response><Message>").expect("TwiML") + "<Response><Message>".len();
    let end = xml.find("</Message></Response>").expect("TwiML");
    xml[start..end]
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value after `label` on its line.
fn after(text: &str, label: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("{label} in {text}"));
    line[label.len()..].trim().to_string()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let backend = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(backend, sql.to_string()))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// Every stored text, and the captured logs, hold none of the numbers in any
/// spelling (E.164 and without `+`).
async fn assert_no_number_anywhere(app: &TestApp, numbers: &[&str]) {
    let stored = every_stored_text(app).await;
    assert!(!stored.is_empty());
    let logs = String::from_utf8_lossy(&captured_logs().lock().unwrap()).into_owned();
    assert!(
        logs.contains("/voice/inbound/twilio/"),
        "the logs were captured (the inbound requests are in them)"
    );
    for number in numbers {
        let bare = number.trim_start_matches('+');
        for spelling in [format!("+{bare}"), bare.to_string()] {
            assert!(
                !stored.iter().any(|row| row.contains(&spelling)),
                "{spelling} is stored somewhere"
            );
            assert!(!logs.contains(&spelling), "{spelling} is in the logs");
        }
    }
}

#[tokio::test]
async fn voice_sms_conversation_in_english_and_spanish_a_reply_delivered_once_and_the_number_forgotten() {
    captured_logs();
    let (app, world, fake) = app_with_fake().await;
    let sms = |from: &'static str, sid: &'static str, body: &'static str| {
        app.twilio_sms(&world.token, from, sid, body, AUTH_TOKEN)
    };

    // English: the language menu (each language in its own name), the category
    // menu from Category::ALL, the words, then the case code and secret.
    let menu = twiml(sms(WORKER_EN, "SM00000000000000000000000000000001", "Hello").await).await;
    assert!(
        menu.contains("1 English") && menu.contains("2 Español") && menu.contains("3 Français"),
        "{menu}"
    );
    let categories = twiml(sms(WORKER_EN, "SM00000000000000000000000000000002", "1").await).await;
    assert!(categories.contains("What is the problem?"), "{categories}");
    let all = domain::voice::Category::ALL;
    assert!(
        categories.contains(&format!("{} Something else", all.len())),
        "{categories}"
    );
    let wrong = twiml(sms(WORKER_EN, "SM00000000000000000000000000000003", "42").await).await;
    assert!(
        wrong.starts_with("Please reply with one of the numbers."),
        "{wrong}"
    );
    let tell = twiml(sms(WORKER_EN, "SM00000000000000000000000000000004", "3").await).await;
    assert!(tell.starts_with("Tell us what happened"), "{tell}");
    let words = "Our wages for May were held back & the agent says we owe him <more>.";
    let receipt = app
        .twilio_sms(
            &world.token,
            WORKER_EN,
            "SM00000000000000000000000000000005",
            words,
            AUTH_TOKEN,
        )
        .await;
    let receipt = twiml(receipt).await;
    let code = after(&receipt, "Case code:");
    let secret = after(&receipt, "Secret:");
    assert!(
        receipt.contains("Reply STATUS here") && receipt.contains("http://portal.test/v/check"),
        "{receipt}"
    );
    assert!(receipt.contains("erase it when the case is closed"), "{receipt}");
    // Twilio retries a message it got no answer to: same answer, no second case.
    let again = app
        .twilio_sms(
            &world.token,
            WORKER_EN,
            "SM00000000000000000000000000000005",
            words,
            AUTH_TOKEN,
        )
        .await;
    assert_eq!(twiml(again).await, receipt);
    assert_eq!(app.voice_cases(&world.company).await["total"], 1);
    // The case is the web form's: sealed, read back with the code and secret.
    let seen: Value = app.voice_check(&code, &secret).await.json().await.unwrap();
    assert_eq!(seen["category"], all[2].key());
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM voice_cases WHERE locale = 'en'").await,
        1
    );

    // Spanish, from another number.
    let menu = twiml(sms(WORKER_ES, "SM00000000000000000000000000000011", "Hola").await).await;
    assert!(menu.contains("2 Español"), "{menu}");
    let categories = twiml(sms(WORKER_ES, "SM00000000000000000000000000000012", "2").await).await;
    assert!(categories.starts_with("¿Cuál es el problema?"), "{categories}");
    let tell = twiml(sms(WORKER_ES, "SM00000000000000000000000000000013", "2").await).await;
    assert!(tell.starts_with("Cuéntenos qué pasó"), "{tell}");
    let receipt = twiml(
        sms(
            WORKER_ES,
            "SM00000000000000000000000000000014",
            "El supervisor guarda nuestros pasaportes.",
        )
        .await,
    )
    .await;
    let code_es = after(&receipt, "Código del caso:");
    assert!(receipt.contains("Responda ESTADO aquí"), "{receipt}");
    assert_eq!(app.voice_cases(&world.company).await["total"], 2);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM voice_cases WHERE locale = 'es' AND category = 'documents_held'"
        )
        .await,
        1
    );
    assert!(
        fake.sent().is_empty(),
        "SMS answers go back as TwiML, not through the API"
    );

    // A staff reply goes back through Twilio's API, once.
    let cases = app.voice_cases(&world.company).await;
    let case_es = cases["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code_es.as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = "Hemos hablado con la fábrica: devolverán los pasaportes esta semana.";
    assert_eq!(
        app.voice_message(&case_es, &world.company.token, "reply", reply)
            .await
            .status(),
        201
    );
    assert_eq!(
        app.voice_message(&case_es, &world.company.token, "note", "Internal: visit Friday.")
            .await
            .status(),
        201
    );
    app.run_jobs().await;
    let sent = fake.sent();
    assert_eq!(sent.len(), 1, "one reply, the note stays internal: {sent:?}");
    assert_eq!(sent[0].to, WORKER_ES);
    assert_eq!(sent[0].from, COMPANY_FROM);
    assert_eq!(
        sent[0].body,
        format!("Respuesta sobre el caso {code_es}: {reply}")
    );
    // The job again (as after a lost lease): the recorded message id stops it.
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            "UPDATE jobs SET status = 'queued', finished_at = NULL WHERE kind = 'send_voice_message'"
                .to_string(),
        ))
        .await
        .unwrap();
    app.run_jobs().await;
    assert_eq!(fake.sent().len(), 1, "a retried job does not send twice");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM voice_outbound WHERE status = 'sent' AND provider_message_id LIKE 'SM%'"
        )
        .await,
        1
    );

    // STATUS (in Spanish) reads the case and its latest reply.
    let status = twiml(sms(WORKER_ES, "SM00000000000000000000000000000015", "estado").await).await;
    assert!(status.starts_with(&format!("Caso {code_es}: ")), "{status}");
    assert!(status.contains(reply), "{status}");

    // Closing the case forgets the number: the conversation row (hash and
    // sealed number) is gone, and the next message starts afresh.
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM voice_conversations c JOIN voice_cases v ON v.id = c.case_id WHERE v.code = '{code_es}'")).await,
        1
    );
    let closed = app
        .patch_json(
            &format!("/voice/cases/{case_es}"),
            &world.company.token,
            &json!({"status": "closed"}),
        )
        .await;
    assert_eq!(closed.status(), 200);
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM voice_conversations c JOIN voice_cases v ON v.id = c.case_id WHERE v.code = '{code_es}'")).await,
        0
    );
    let fresh = twiml(sms(WORKER_ES, "SM00000000000000000000000000000016", "estado").await).await;
    assert!(
        fresh.contains("1 English"),
        "a forgotten number starts again: {fresh}"
    );
    // A reply on the closed case has nowhere to go.
    assert_eq!(
        app.voice_message(&case_es, &world.company.token, "reply", "Closed.")
            .await
            .status(),
        201
    );
    app.run_jobs().await;
    assert_eq!(fake.sent().len(), 1);

    assert_no_number_anywhere(&app, &[WORKER_EN, WORKER_ES]).await;
}

#[tokio::test]
async fn voice_sms_a_bad_signature_is_refused_and_changes_nothing() {
    let (app, world, _fake) = app_with_fake().await;
    let before = snapshot(&app.db).await;
    // Signed with another token, unsigned, and tampered after signing.
    let forged = app
        .twilio_sms(
            &world.token,
            WORKER_EN,
            "SM1",
            "Hello",
            "not-the-auth-token-000000",
        )
        .await;
    assert_problem(forged, 403).await;
    let unsigned = app
        .client
        .post(app.url(&format!("/api/v1/voice/inbound/twilio/{}", world.token)))
        .form(&[("From", WORKER_EN), ("MessageSid", "SM2"), ("Body", "Hello")])
        .send()
        .await
        .unwrap();
    assert_problem(unsigned, 403).await;
    let path = format!("/api/v1/voice/inbound/twilio/{}", world.token);
    let params = vec![
        ("From".to_string(), WORKER_EN.to_string()),
        ("MessageSid".to_string(), "SM3".to_string()),
        ("Body".to_string(), "Hello".to_string()),
    ];
    let signature = domain::voice::messaging::signature::twilio_sign(
        AUTH_TOKEN,
        &format!("{}{path}", app.settings.public_url),
        &params,
    );
    let tampered = app
        .client
        .post(app.url(&path))
        .header("X-Twilio-Signature", signature)
        .form(&[("From", WORKER_EN), ("MessageSid", "SM3"), ("Body", "Hello!")])
        .send()
        .await
        .unwrap();
    assert_problem(tampered, 403).await;
    let whatsapp = app
        .client
        .post(app.url(&format!("/api/v1/voice/inbound/whatsapp/{}", world.token)))
        .header("X-Hub-Signature-256", "sha256=00")
        .header("content-type", "application/json")
        .body(whatsapp_body(WORKER_WA, "wamid.1", "Hello"))
        .send()
        .await
        .unwrap();
    assert_problem(whatsapp, 403).await;
    assert_eq!(
        snapshot(&app.db).await,
        before,
        "a refused message stores nothing"
    );
    // An unknown channel is a 404, signed or not.
    let unknown = app
        .twilio_sms("zzzzzzzzzzzzzzzz", WORKER_EN, "SM4", "Hello", AUTH_TOKEN)
        .await;
    assert_problem(unknown, 404).await;
    assert_eq!(snapshot(&app.db).await, before);
}

/// A WhatsApp Cloud API webhook body with one text message (the documented
/// shape, with the contact's profile name that must never be stored).
fn whatsapp_body(from: &str, id: &str, text: &str) -> String {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": PHONE_NUMBER_ID},
            "contacts": [{"profile": {"name": "Rahima Begum"}, "wa_id": from}],
            "messages": [{"from": from, "id": id, "timestamp": "1749416383", "type": "text", "text": {"body": text}}]
        }}]}]
    })
    .to_string()
}

fn meta_signature(body: &str) -> String {
    let mut mac = <Hmac<sha2_hmac::Sha256> as KeyInit>::new_from_slice(APP_SECRET.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    format!("sha256={}", hex_lower(&mac.finalize().into_bytes()))
}

fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn voice_whatsapp_verification_and_signed_messages_answered_through_the_graph_api() {
    let (app, world, fake) = app_with_fake().await;
    let path = format!("/api/v1/voice/inbound/whatsapp/{}", world.token);
    let verify = |token: &'static str| {
        app.client
            .get(app.url(&path))
            .query(&[
                ("hub.mode", "subscribe"),
                ("hub.verify_token", token),
                ("hub.challenge", "1158201444"),
            ])
            .send()
    };
    let ok = verify(VERIFY_TOKEN).await.unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.text().await.unwrap(), "1158201444");
    assert_problem(verify("wrong-token-123").await.unwrap(), 403).await;

    let post = |id: &'static str, text: &'static str| {
        let body = whatsapp_body(WORKER_WA, id, text);
        app.client
            .post(app.url(&path))
            .header("X-Hub-Signature-256", meta_signature(&body))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    assert_eq!(post("wamid.A1", "Hi").await.unwrap().status(), 200);
    app.run_jobs().await;
    let sent = fake.sent();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].provider, "whatsapp");
    assert_eq!(sent[0].to, WORKER_WA);
    assert!(sent[0].body.contains("1 English") && sent[0].body.contains("2 Español"));
    // Meta retries too: the same id is not answered twice.
    assert_eq!(post("wamid.A1", "Hi").await.unwrap().status(), 200);
    for (id, text) in [
        ("wamid.A2", "3"),
        ("wamid.A3", "1"),
        ("wamid.A4", "On nous fait payer des frais de recrutement."),
    ] {
        assert_eq!(post(id, text).await.unwrap().status(), 200);
    }
    app.run_jobs().await;
    let sent = fake.sent();
    assert_eq!(sent.len(), 4, "{sent:?}");
    assert!(sent[3].body.contains("Code du dossier :"), "{}", sent[3].body);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM voice_cases WHERE locale = 'fr' AND category = 'recruitment_fees'"
        )
        .await,
        1
    );
    let stored = every_stored_text(&app).await;
    assert!(
        !stored.iter().any(|row| row.contains("Rahima")),
        "the profile name is not kept"
    );
    assert!(
        !stored.iter().any(|row| row.contains(WORKER_WA)),
        "the number is not kept in clear"
    );
}

#[tokio::test]
async fn voice_messaging_settings_are_for_admins_and_never_show_a_secret() {
    let fake = voice_sms_fake::start();
    let app = spawn_app_with(Options::default()).await;
    let world = voice_world(&app).await;
    let path = format!("/companies/{}/voice/messaging", world.company.id);
    assert_problem(app.get_api(&path, Some(&world.company.token)).await, 404).await;
    let body = json!({"provider": "twilio", "account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN,
        "from": COMPANY_FROM, "api_base": fake.url});
    let saved = app.put_json(&path, &world.company.token, &body).await;
    assert_eq!(saved.status(), 200);
    let saved: Value = saved.json().await.unwrap();
    assert_eq!(saved["provider"], "twilio");
    assert_eq!(saved["from"], COMPANY_FROM);
    assert_eq!(saved["api_base"], fake.url.as_str());
    let shown = app
        .get_api(&path, Some(&world.company.token))
        .await
        .text()
        .await
        .unwrap();
    assert!(!shown.contains(AUTH_TOKEN), "{shown}");
    assert!(shown.contains(ACCOUNT_SID));
    assert!(
        !every_stored_text(&app)
            .await
            .iter()
            .any(|r| r.contains(AUTH_TOKEN)),
        "sealed at rest"
    );
    // A later PUT without the token keeps it; the default API base applies.
    let kept = app
        .put_json(
            &path,
            &world.company.token,
            &json!({"provider": "twilio", "account_sid": ACCOUNT_SID, "from": COMPANY_FROM}),
        )
        .await;
    assert_eq!(kept.status(), 200);
    assert_eq!(
        kept.json::<Value>().await.unwrap()["api_base"],
        "https://api.twilio.com"
    );
    // Bad values: every field named, nothing changed.
    let before = snapshot(&app.db).await;
    let bad = app
        .put_json(
            &path,
            &world.company.token,
            &json!({"provider": "nexmo", "account_sid": "AB12", "auth_token": "short",
            "from": "0171 234", "api_base": "ftp://x", "whatsapp_phone_number_id": "12a"}),
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for field in [
        "provider",
        "account_sid",
        "auth_token",
        "from",
        "api_base",
        "whatsapp_phone_number_id",
        "whatsapp_app_secret",
        "whatsapp_verify_token",
        "whatsapp_access_token",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    assert_eq!(snapshot(&app.db).await, before);
    // Least privilege: an advisor may not, a supplier user and another company get 404.
    let advisor = app.advisor_of(&world.company).await;
    assert_problem(app.put_json(&path, &advisor, &body).await, 403).await;
    assert_problem(app.get_api(&path, Some(&advisor)).await, 403).await;
    assert_problem(app.put_json(&path, &world.supplier_token, &body).await, 404).await;
    let other = app.registered_company().await;
    assert_problem(app.put_json(&path, &other.token, &body).await, 404).await;
}

/// Files a case by SMS from `from` (English, first category); its code.
async fn case_by_sms(app: &TestApp, channel: &str, from: &str, prefix: &str) -> String {
    for (n, body) in [
        "Hello",
        "1",
        "1",
        "The agent took three months of wages as a fee.",
    ]
    .iter()
    .enumerate()
    {
        let answer = twiml(
            app.twilio_sms(channel, from, &format!("{prefix}{n}"), body, AUTH_TOKEN)
                .await,
        )
        .await;
        if n == 3 {
            return after(&answer, "Case code:");
        }
    }
    unreachable!()
}

#[tokio::test]
async fn voice_sms_a_provider_outage_is_retried_and_a_refusal_is_not() {
    let (app, world, fake) = app_with_fake().await;
    let code = case_by_sms(&app, &world.token, WORKER_EN, "SMretry").await;
    let cases = app.voice_cases(&world.company).await;
    let id = cases["items"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(cases["items"][0]["code"], code.as_str());
    // Twilio answers 503 once: the job is retried with backoff and sends once.
    fake.fail_next(1);
    assert_eq!(
        app.voice_message(&id, &world.company.token, "reply", "We are looking into it.")
            .await
            .status(),
        201
    );
    // The retry may come within the same run (the backoff is 10 ms in tests) or
    // the next one.
    app.run_jobs().await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.run_jobs().await;
    assert_eq!(
        (fake.calls(), fake.sent().len()),
        (2, 1),
        "one 503, then one message"
    );
    assert_eq!(
        fake.sent()[0].body,
        format!("Reply about case {code}: We are looking into it.")
    );
    // A refusal (401: the auth token was changed to a wrong one) is recorded and
    // not retried.
    let changed = app
        .put_json(
            &format!("/companies/{}/voice/messaging", world.company.id),
            &world.company.token,
            &json!({"provider": "twilio", "account_sid": ACCOUNT_SID, "auth_token": "a-wrong-auth-token-000000",
                "from": COMPANY_FROM, "api_base": fake.url}),
        )
        .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(
        app.voice_message(&id, &world.company.token, "reply", "Second reply.")
            .await
            .status(),
        201
    );
    app.run_jobs().await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.run_jobs().await;
    assert_eq!((fake.calls(), fake.sent().len()), (3, 1));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM voice_outbound WHERE status = 'failed' AND error = 'the provider answered 401'").await,
        1
    );
}

/// The channel's pulse as staff read it through the API.
async fn channel_pulse(app: &TestApp, world: &VoiceWorld) -> Value {
    let response = app
        .get_api(
            &format!("/voice/channels/{}/pulse", world.channel["id"].as_str().unwrap()),
            Some(&world.company.token),
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn voice_sms_pulse_in_english_and_spanish_counted_with_link_answers_once_a_month() {
    captured_logs();
    let (app, world, _fake) = app_with_fake().await;
    let next = std::cell::Cell::new(100u32);
    let app_ref = &app;
    let sms = |from: &'static str, body: &'static str| {
        next.set(next.get() + 1);
        let sid = format!("SM{:032}", next.get());
        let token = world.token.clone();
        async move { twiml(app_ref.twilio_sms(&token, from, &sid, body, AUTH_TOKEN).await).await }
    };

    // English: the category menu offers the pulse as 0; five questions, one a
    // message, numbered options; a number out of range asks again.
    sms(WORKER_EN, "Hello").await;
    let categories = sms(WORKER_EN, "1").await;
    assert!(
        categories.ends_with("\n0 Answer five questions about your work"),
        "{categories}"
    );
    let first = sms(WORKER_EN, "0").await;
    assert!(first.contains("never with your phone number"), "{first}");
    assert!(
        first.ends_with("1/5 Did you pay money to anyone to get this job?\n1 Yes\n2 No"),
        "{first}"
    );
    let again = sms(WORKER_EN, "7").await;
    assert!(
        again.starts_with("Please reply with one of the numbers.\n1/5 "),
        "{again}"
    );
    let second = sms(WORKER_EN, "1").await;
    assert!(second.starts_with("2/5 If you paid"), "{second}");
    // Typed on a Bengali keypad: ৪ is 4 (more than three months).
    let third = sms(WORKER_EN, "৪").await;
    assert!(third.starts_with("3/5 Who holds your passport?"), "{third}");
    sms(WORKER_EN, "2").await; // the employer
    sms(WORKER_EN, "1").await; // free to leave
    let thanks = sms(WORKER_EN, "2").await; // the contract does not match
    assert_eq!(thanks, "Thank you. Your answers were received.");
    let sealed_left = count(
        &app,
        "SELECT COUNT(*) FROM voice_conversations WHERE pulse_sealed IS NOT NULL",
    )
    .await;
    assert_eq!(sealed_left, 0, "the answers are not kept on the conversation");

    // Spanish, by the pulse word in Spanish.
    sms(WORKER_ES, "Hola").await;
    sms(WORKER_ES, "2").await;
    let first = sms(WORKER_ES, "encuesta").await;
    assert!(first.contains("1/5 ¿"), "{first}");
    for option in ["2", "1", "1", "1"] {
        sms(WORKER_ES, option).await;
    }
    assert_eq!(
        sms(WORKER_ES, "1").await,
        "Gracias. Hemos recibido sus respuestas."
    );

    // Once a month: the same number is thanked, not counted again; its other
    // conversation (the category menu) carries on after.
    let twice = sms(WORKER_EN, "PULSE").await;
    assert_eq!(
        twice,
        "You have already answered these questions this month. Thank you."
    );
    let menu = sms(WORKER_EN, "3").await;
    assert!(menu.starts_with("Tell us what happened"), "{menu}");

    // Counted with the link's answers: four in all show nothing, five show counts.
    let hidden = channel_pulse(&app, &world).await;
    assert_eq!(hidden["shown"], false);
    for paid in ["no", "no"] {
        let response = app
            .post_json(
                &format!("/voice/{}/pulse", world.token),
                None,
                &json!({"paid_fee": paid, "fee_amount": "nothing", "passport_holder": "me",
                        "dormitory_free": "yes", "contract_matches": "yes"}),
            )
            .await;
        assert_eq!(response.status(), 201);
    }
    assert_eq!(channel_pulse(&app, &world).await["shown"], false, "four answers");
    let response = app
        .post_json(
            &format!("/voice/{}/pulse", world.token),
            None,
            &json!({"paid_fee": "no", "fee_amount": "nothing", "passport_holder": "me",
                    "dormitory_free": "yes", "contract_matches": "yes"}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let shown = channel_pulse(&app, &world).await;
    assert_eq!(shown["shown"], true);
    assert_eq!(shown["answers"], 5);
    assert_eq!(
        shown["questions"][0]["options"],
        json!([{"option": "yes", "count": 1}, {"option": "no", "count": 4}]),
        "the English worker paid, the Spanish one and the three by link did not"
    );
    assert_eq!(
        shown["questions"][1]["options"][3],
        json!({"option": "over_three_months", "count": 1})
    );
    assert_eq!(
        shown["questions"][2]["options"][1],
        json!({"option": "employer", "count": 1})
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM voice_pulse_answers").await, 5);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM voice_pulse_ballots").await, 2);
    assert_no_number_anywhere(&app, &[WORKER_EN, WORKER_ES]).await;
}
