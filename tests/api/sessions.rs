//! Sign-in sessions: each sign-in is a session listed at `GET /me/sessions`;
//! ending one (`DELETE /me/sessions/{id}`) makes its token a 401 while the
//! others keep working; another person's session is a 404.

use base64::Engine;
use serde_json::Value;

use crate::helpers::{assert_problem, spawn_app};

/// The `sid` claim of an access token (read, not verified: the server does that).
pub fn session_id(token: &str) -> String {
    let payload = token.split('.').nth(1).expect("a JWT");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .expect("base64url");
    let claims: Value = serde_json::from_slice(&bytes).expect("JSON claims");
    claims["sid"].as_str().expect("a sid claim").to_string()
}

async fn delete(app: &crate::helpers::TestApp, path: &str, token: &str) -> reqwest::Response {
    app.client
        .delete(app.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_ended_session_token_gets_401_and_the_others_keep_working() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let first = company.token.clone();
    let login = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header(
            "user-agent",
            "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
        )
        .json(&serde_json::json!({"email": company.email, "password": "a-long-password-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let second = login.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();

    let listed: Vec<Value> = app
        .get_api("/me/sessions", Some(&second))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    let current: Vec<&Value> = listed.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0]["id"], session_id(&second).as_str());
    assert_eq!(current[0]["user_agent"], "Firefox on Linux");
    // The network prefix, never the full address.
    assert_eq!(current[0]["ip_prefix"], "127.0.0.0/24");

    let ended = delete(&app, &format!("/me/sessions/{}", session_id(&first)), &second).await;
    assert_eq!(ended.status(), 204);
    assert_problem(app.me(&first).await, 401).await;
    assert_eq!(app.me(&second).await.status(), 200);
    let listed: Vec<Value> = app
        .get_api("/me/sessions", Some(&second))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);

    // Ending it again, or someone else's session, is a 404.
    assert_problem(
        delete(&app, &format!("/me/sessions/{}", session_id(&first)), &second).await,
        404,
    )
    .await;
    let other = app.registered_company().await;
    assert_problem(
        delete(
            &app,
            &format!("/me/sessions/{}", session_id(&other.token)),
            &second,
        )
        .await,
        404,
    )
    .await;
    assert_eq!(app.me(&other.token).await.status(), 200, "untouched");

    // Ending one's own current session signs this token out too.
    assert_eq!(
        delete(&app, &format!("/me/sessions/{}", session_id(&second)), &second)
            .await
            .status(),
        204
    );
    assert_problem(app.me(&second).await, 401).await;

    // Each sign-in and each ended session is in the company's audit trail.
    use domain::entities::audit_event;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let actions: Vec<String> = audit_event::Entity::find()
        .filter(audit_event::Column::CompanyId.eq(uuid::Uuid::parse_str(&company.id).unwrap()))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.signed_in").count(),
        2,
        "{actions:?}"
    );
    assert_eq!(
        actions.iter().filter(|a| *a == "auth.session_ended").count(),
        2,
        "{actions:?}"
    );
}

#[tokio::test]
async fn a_wrong_password_is_recorded_without_the_password() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    assert_eq!(
        app.login(&company.email, "not-the-password-9").await.status(),
        401
    );
    use domain::entities::audit_event;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let failed = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("auth.sign_in_failed"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0].company_id.map(|c| c.to_string()),
        Some(company.id.clone())
    );
    let stored = serde_json::to_string(&failed[0].after).unwrap();
    assert!(
        stored.contains("password") && !stored.contains("not-the-password-9"),
        "{stored}"
    );
}
