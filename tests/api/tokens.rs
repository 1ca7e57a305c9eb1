//! Access tokens: expired, tampered, `alg: none`, wrong audience or issuer → 401.

use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::json;

use crate::helpers::{assert_problem, spawn_app};

const SECRET: &[u8] = b"test-secret-test-secret-test-secret-42";

fn b64(value: &serde_json::Value) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string())
}

fn signed(claims: &serde_json::Value, secret: &[u8], algorithm: Algorithm) -> String {
    encode(
        &Header::new(algorithm),
        claims,
        &EncodingKey::from_secret(secret).unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn bad_tokens_are_401() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let me: serde_json::Value = app.me(&company.token).await.json().await.unwrap();
    let sub = me["user"]["id"].as_str().unwrap();
    let now = chrono::Utc::now().timestamp();
    let sid = crate::sessions::session_id(&company.token);
    let good = json!({"sub": sub, "sid": sid, "iat": now, "exp": now + 600, "iss": "fairhire", "aud": "fairhire-api"});

    // Sanity: a token we forge with the right secret and claims works.
    assert_eq!(
        app.me(&signed(&good, SECRET, Algorithm::HS256)).await.status(),
        200
    );

    let mut expired = good.clone();
    expired["iat"] = json!(now - 7200);
    expired["exp"] = json!(now - 3600);
    let mut wrong_audience = good.clone();
    wrong_audience["aud"] = json!("fairhire-portal");
    let mut wrong_issuer = good.clone();
    wrong_issuer["iss"] = json!("someone-else");
    let mut tampered = company.token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let alg_none = format!("{}.{}.", b64(&json!({"alg": "none", "typ": "JWT"})), b64(&good));
    let other_algorithm = signed(&good, SECRET, Algorithm::HS512);
    let other_secret = signed(&good, b"another-secret-another-secret-another", Algorithm::HS256);
    // A token without a session, or with a session that does not exist, is refused.
    let mut no_session = good.clone();
    no_session.as_object_mut().unwrap().remove("sid");
    let mut unknown_session = good.clone();
    unknown_session["sid"] = json!(uuid::Uuid::now_v7());

    for (name, token) in [
        ("expired", signed(&expired, SECRET, Algorithm::HS256)),
        (
            "wrong audience",
            signed(&wrong_audience, SECRET, Algorithm::HS256),
        ),
        ("wrong issuer", signed(&wrong_issuer, SECRET, Algorithm::HS256)),
        ("tampered", tampered),
        ("alg none", alg_none),
        ("HS512", other_algorithm),
        ("other secret", other_secret),
        ("garbage", "not.a.token".to_string()),
        ("no session", signed(&no_session, SECRET, Algorithm::HS256)),
        (
            "unknown session",
            signed(&unknown_session, SECRET, Algorithm::HS256),
        ),
    ] {
        let response = app.me(&token).await;
        assert_eq!(response.status(), 401, "{name}");
        assert_problem(response, 401).await;
    }
}
