//! Register, login, `/me`, and the login throttle.

use serde_json::Value;

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn register_then_login_then_me() {
    let app = spawn_app().await;
    let response = app
        .register("Acme Textiles", "Ana@Example.org", "a-long-password-1")
        .await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["user"]["email"], "ana@example.org");
    assert_eq!(body["organization"]["name"], "Acme Textiles");
    assert_eq!(body["organization"]["kind"], "company");
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["expires_in"].as_u64().unwrap() > 0);

    let login = app.login("ana@example.org", "a-long-password-1").await;
    assert_eq!(login.status(), 200);
    let token: Value = login.json().await.unwrap();
    let token = token["access_token"].as_str().unwrap();

    let me: Value = app.me(token).await.json().await.unwrap();
    assert_eq!(me["user"]["email"], "ana@example.org");
    assert_eq!(me["memberships"][0]["organization_name"], "Acme Textiles");
    assert_eq!(me["memberships"][0]["kind"], "company");
    assert_eq!(me["memberships"][0]["role"], "admin");
}

#[tokio::test]
async fn register_validates_every_field_at_once() {
    let app = spawn_app().await;
    let response = app
        .post_json(
            "/auth/register",
            None,
            &serde_json::json!({"company_name": " ", "name": "", "email": "not-an-email", "password": "short"}),
        )
        .await;
    let problem = assert_problem(response, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["company_name", "name", "email", "password"]);
}

#[tokio::test]
async fn registering_an_email_twice_is_a_conflict() {
    let app = spawn_app().await;
    assert_eq!(
        app.register("A", "dup@example.org", "a-long-password-1")
            .await
            .status(),
        201
    );
    assert_problem(
        app.register("B", "DUP@example.org", "a-long-password-1").await,
        409,
    )
    .await;
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_401() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let wrong = assert_problem(app.login(&company.email, "not-the-password").await, 401).await;
    let unknown = assert_problem(app.login("nobody@example.org", "not-the-password").await, 401).await;
    assert_eq!(wrong, unknown);
}

#[tokio::test]
async fn a_burst_of_wrong_passwords_is_throttled() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let mut statuses = Vec::new();
    for _ in 0..20 {
        statuses.push(
            app.login(&company.email, "wrong-password-x")
                .await
                .status()
                .as_u16(),
        );
    }
    assert!(statuses.contains(&429), "no 429 in {statuses:?}");
    let first_429 = statuses.iter().position(|s| *s == 429).unwrap();
    assert!(statuses[..first_429].iter().all(|s| *s == 401));
    // While throttled, even the right password is refused.
    let response = app.login(&company.email, "a-long-password-1").await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn me_without_a_token_is_401() {
    let app = spawn_app().await;
    assert_problem(app.get_api("/me", None).await, 401).await;
}

#[tokio::test]
async fn another_tenants_company_is_404() {
    let app = spawn_app().await;
    let mine = app.registered_company().await;
    let theirs = app.registered_company().await;
    assert_eq!(
        app.get_api(&format!("/companies/{}", mine.id), Some(&mine.token))
            .await
            .status(),
        200
    );
    assert_problem(
        app.get_api(&format!("/companies/{}", theirs.id), Some(&mine.token))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.invite_advisor(
            &crate::helpers::Company {
                id: theirs.id.clone(),
                token: mine.token.clone(),
                email: String::new(),
            },
            "x@example.org",
        )
        .await,
        404,
    )
    .await;
}
