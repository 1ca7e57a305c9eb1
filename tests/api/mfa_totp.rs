//! The TOTP second factor, with codes computed here from the returned secret
//! (RFC 6238 implemented in the test, checked against the RFC's own vectors):
//! enrol, confirm, sign in with a code; wrong and replayed codes refused; a
//! recovery code works once; turning it off; the company policy.

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, spawn_app};

/// RFC 4648 Base32 (no padding) to bytes.
fn base32(text: &str) -> Vec<u8> {
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut buffer, mut bits, mut out) = (0u64, 0, Vec::new());
    for c in text.chars() {
        buffer = (buffer << 5) | alphabet.find(c).expect("Base32") as u64;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

/// RFC 6238 with HMAC-SHA-1: the `digits`-digit code of time step `step`.
fn hotp(key: &[u8], step: u64, digits: u32) -> String {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let binary = u32::from_be_bytes(digest[offset..offset + 4].try_into().unwrap()) & 0x7fff_ffff;
    format!("{:0width$}", binary % 10u32.pow(digits), width = digits as usize)
}

/// The 6-digit code of `secret` (Base32) for time step `step`.
pub fn code(secret: &str, step: u64) -> String {
    hotp(&base32(secret), step, 6)
}

/// The current 30-second time step.
pub fn now_step() -> u64 {
    (chrono::Utc::now().timestamp() / 30) as u64
}

#[test]
fn the_tests_totp_matches_rfc_6238_appendix_b() {
    // https://datatracker.ietf.org/doc/rfc6238/ Appendix B, SHA-1 rows (8 digits).
    let key = b"12345678901234567890";
    for (time, expected) in [
        (59u64, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ] {
        assert_eq!(hotp(key, time / 30, 8), expected, "T = {time}");
    }
}

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")))
        .bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// Enrols and confirms a factor for the token's user; returns the secret, the
/// step whose code confirmed it, and the recovery codes.
pub async fn enrol(app: &TestApp, token: &str) -> (String, u64, Vec<String>) {
    let started = send(app, reqwest::Method::POST, "/me/mfa/totp", token, None).await;
    assert_eq!(started.status(), 200);
    let started: Value = started.json().await.unwrap();
    let secret = started["secret"].as_str().unwrap().to_string();
    let url = started["otpauth_url"].as_str().unwrap();
    assert!(
        url.starts_with("otpauth://totp/Fairhire%3A") && url.contains(&format!("secret={secret}")),
        "{url}"
    );
    assert!(url.contains("algorithm=SHA1") && url.contains("digits=6") && url.contains("period=30"));
    let step = now_step();
    let confirmed = send(
        app,
        reqwest::Method::POST,
        "/me/mfa/totp/confirm",
        token,
        Some(json!({"code": code(&secret, step)})),
    )
    .await;
    assert_eq!(confirmed.status(), 200);
    let body: Value = confirmed.json().await.unwrap();
    let codes: Vec<String> = body["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    (secret, step, codes)
}

async fn login(app: &TestApp, email: &str, totp: Option<&str>) -> reqwest::Response {
    let mut body = json!({"email": email, "password": "a-long-password-1"});
    if let Some(totp) = totp {
        body["totp"] = json!(totp);
    }
    app.post_json("/auth/login", None, &body).await
}

#[tokio::test]
async fn totp_codes_sign_in_once_each_and_recovery_codes_work_once() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let (secret, step, recovery) = enrol(&app, &company.token).await;
    assert_eq!(recovery.len(), 10);
    let mut unique = recovery.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 10, "ten different codes");

    // The password alone is no longer enough.
    let bare = login(&app, &company.email, None).await;
    let problem = assert_problem(bare, 401).await;
    assert_eq!(problem["mfa_required"], true, "{problem}");
    assert_eq!(problem["type"], "https://fairhire.dev/problems/mfa-required");

    // The code that confirmed enrolment was used: replaying it is refused.
    let replay = assert_problem(login(&app, &company.email, Some(&code(&secret, step))).await, 401).await;
    assert_eq!(replay["mfa_required"], true);
    // A wrong code is refused.
    let wrong = if code(&secret, step + 1) == "000000" {
        "111111"
    } else {
        "000000"
    };
    assert_problem(login(&app, &company.email, Some(wrong)).await, 401).await;

    // The next step's code works (one step of drift), once.
    let next = code(&secret, step + 1);
    let signed = login(&app, &company.email, Some(&next)).await;
    assert_eq!(signed.status(), 200);
    let token = signed.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(app.me(&token).await.status(), 200);
    assert_problem(login(&app, &company.email, Some(&next)).await, 401).await;

    // A recovery code works once (typed in upper case with spaces: still itself).
    let typed = recovery[3].to_uppercase().replace('-', " - ");
    assert_eq!(login(&app, &company.email, Some(&typed)).await.status(), 200);
    assert_problem(login(&app, &company.email, Some(&recovery[3])).await, 401).await;

    // Enrolling again while it is on is a conflict; the secret is not shown again.
    let again = send(&app, reqwest::Method::POST, "/me/mfa/totp", &company.token, None).await;
    let again = assert_problem(again, 409).await;
    assert!(!again.to_string().contains(&secret));

    // New recovery codes replace the old (proved with another recovery code).
    let renewed = send(
        &app,
        reqwest::Method::POST,
        "/me/mfa/recovery-codes",
        &company.token,
        Some(json!({"code": recovery[0]})),
    )
    .await;
    assert_eq!(renewed.status(), 200);
    let renewed: Value = renewed.json().await.unwrap();
    let fresh = renewed["recovery_codes"][0].as_str().unwrap().to_string();
    assert_problem(login(&app, &company.email, Some(&recovery[1])).await, 401).await;

    // Turning it off needs a code; a wrong one changes nothing.
    let refused = send(
        &app,
        reqwest::Method::DELETE,
        "/me/mfa/totp",
        &company.token,
        Some(json!({"code": "12345"})),
    )
    .await;
    assert_problem(refused, 422).await;
    let off = send(
        &app,
        reqwest::Method::DELETE,
        "/me/mfa/totp",
        &company.token,
        Some(json!({"code": fresh})),
    )
    .await;
    assert_eq!(off.status(), 204);
    assert_eq!(login(&app, &company.email, None).await.status(), 200);

    // Every step is in the audit trail, and no code or secret is.
    use domain::entities::audit_event;
    use sea_orm::EntityTrait;
    let events = audit_event::Entity::find().all(&app.db).await.unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    for action in [
        "mfa.totp_enrolled",
        "mfa.recovery_code_used",
        "mfa.recovery_codes_regenerated",
        "mfa.totp_removed",
        "auth.signed_in",
        "auth.sign_in_failed",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    let stored =
        serde_json::to_string(&events.iter().map(|e| (&e.before, &e.after)).collect::<Vec<_>>()).unwrap();
    assert!(!stored.contains(&secret) && !stored.contains(&next) && !stored.contains(&recovery[3]));
}

#[tokio::test]
async fn a_wrong_confirmation_code_turns_nothing_on() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let confirm_first = send(
        &app,
        reqwest::Method::POST,
        "/me/mfa/totp/confirm",
        &company.token,
        Some(json!({"code": "123456"})),
    )
    .await;
    assert_problem(confirm_first, 409).await;
    let started: Value = send(&app, reqwest::Method::POST, "/me/mfa/totp", &company.token, None)
        .await
        .json()
        .await
        .unwrap();
    let secret = started["secret"].as_str().unwrap();
    let step = now_step();
    let wrong = code(secret, step + 5);
    let refused = send(
        &app,
        reqwest::Method::POST,
        "/me/mfa/totp/confirm",
        &company.token,
        Some(json!({"code": wrong})),
    )
    .await;
    let problem = assert_problem(refused, 422).await;
    assert_eq!(problem["errors"][0]["field"], "code");
    assert_eq!(login(&app, &company.email, None).await.status(), 200, "still off");
}

#[tokio::test]
async fn a_company_policy_sends_staff_to_enrol_first() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cid = company.id.clone();
    let security = format!("/companies/{cid}/security");
    let suppliers = format!("/companies/{cid}/suppliers");

    // Another tenant's admin cannot see or change it.
    let other = app.registered_company().await;
    assert_problem(
        send(
            &app,
            reqwest::Method::PUT,
            &security,
            &other.token,
            Some(json!({"mfa_required": true})),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        send(
            &app,
            reqwest::Method::PUT,
            &security,
            &company.token,
            Some(json!({"mfa_required": "yes"})),
        )
        .await,
        422,
    )
    .await;

    let set = send(
        &app,
        reqwest::Method::PUT,
        &security,
        &company.token,
        Some(json!({"mfa_required": true})),
    )
    .await;
    assert_eq!(set.status(), 200);
    assert_eq!(set.json::<Value>().await.unwrap()["mfa_required"], true);

    // Until the admin enrols, everything but /me and enrolment is refused.
    let refused = assert_problem(app.get_api(&suppliers, Some(&company.token)).await, 403).await;
    assert_eq!(
        refused["type"],
        "https://fairhire.dev/problems/mfa-enrolment-required"
    );
    assert_eq!(app.me(&company.token).await.status(), 200);
    let theirs = format!("/companies/{}/suppliers", other.id);
    assert_eq!(
        app.get_api(&theirs, Some(&other.token)).await.status(),
        200,
        "other tenant unaffected"
    );

    enrol(&app, &company.token).await;
    assert_eq!(app.get_api(&suppliers, Some(&company.token)).await.status(), 200);
    let read = app.get_api(&security, Some(&company.token)).await;
    assert_eq!(read.json::<Value>().await.unwrap()["mfa_required"], true);

    // An invited advisor may read the policy but not change it, and must enrol too.
    assert_eq!(
        app.invite_advisor(&company, "advisor@example.org").await.status(),
        201
    );
    app.run_jobs().await;
    let outbox = app.outbox();
    let invitation =
        crate::helpers::invitation_code(&crate::helpers::parse_email(outbox.last().unwrap().as_bytes()));
    let accepted: Value = app
        .accept_invitation(&invitation, "advisor-password-1")
        .await
        .json()
        .await
        .unwrap();
    let advisor = accepted["access_token"].as_str().unwrap();
    let refused = assert_problem(app.get_api(&suppliers, Some(advisor)).await, 403).await;
    assert_eq!(
        refused["type"],
        "https://fairhire.dev/problems/mfa-enrolment-required"
    );
    enrol(&app, advisor).await;
    assert_problem(
        send(
            &app,
            reqwest::Method::PUT,
            &security,
            advisor,
            Some(json!({"mfa_required": false})),
        )
        .await,
        403,
    )
    .await;
}
