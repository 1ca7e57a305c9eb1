//! Saving answers reads its caller in the assessment's own statement (issue
//! #23, `domain::access::readable::assessment_asked`), and refuses exactly what
//! a separately loaded caller is refused, in the same order: a refused token
//! (401, or the second-factor enrolment's 403) before a path or body that does
//! not parse, before "not found or not yours" (404), before the role (403).

use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    helpers::{TestApp, assert_problem, spawn_app},
    sessions::session_id,
};

/// `PUT /assessments/{path}/answers` with `body` as it is written.
async fn put_raw(app: &TestApp, token: &str, path: &str, body: &str) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/assessments/{path}/answers")))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

const DRAFT: &str = r#"{"answers": {"fees.paid": "no"}}"#;

/// Ends the sign-in session of `token`, as its user does
/// (`DELETE /me/sessions/{sid}`).
async fn end_session(app: &TestApp, token: &str) {
    let ended = app
        .client
        .delete(app.url(&format!("/api/v1/me/sessions/{}", session_id(token))))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(ended.status(), 204);
}

#[tokio::test]
async fn a_save_refuses_in_the_order_a_loaded_caller_is_refused() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let (supplier, id) = app.small_assessment(&company, "Penang Wire").await;
    let other = app.registered_company().await;
    let missing = Uuid::now_v7().to_string();

    // The supplier's own user saves; what they saved comes back.
    let saved = put_raw(&app, &supplier.token, &id, DRAFT).await;
    assert_eq!(saved.status(), 200);
    let saved: Value = saved.json().await.unwrap();
    assert_eq!(saved["answers"], json!({"fees.paid": "no"}));
    // A live caller's own mistakes: the body (400, 422), the path (404 for an
    // id that is none, or no such assessment).
    assert_problem(put_raw(&app, &supplier.token, &id, "{not json").await, 400).await;
    assert_problem(
        put_raw(&app, &supplier.token, &id, r#"{"answers": 3}"#).await,
        422,
    )
    .await;
    assert_problem(put_raw(&app, &supplier.token, "not-an-id", DRAFT).await, 404).await;
    assert_problem(put_raw(&app, &supplier.token, &missing, DRAFT).await, 404).await;
    // The company's officer reaches the assessment but does not answer it (403);
    // another company's officer does not reach it at all (404).
    let officer = assert_problem(put_raw(&app, &company.token, &id, DRAFT).await, 403).await;
    assert!(
        officer["detail"]
            .as_str()
            .unwrap()
            .contains("supplier's own users"),
        "{officer}"
    );
    assert_problem(put_raw(&app, &other.token, &id, DRAFT).await, 404).await;
    // An API key of the company is the company (403); a read-only one may not
    // write at all; another company's key does not reach it.
    let (_, officer_key) = app.api_key(&company, "officer").await;
    let (_, read_key) = app.api_key(&company, "read_only").await;
    let (_, other_key) = app.api_key(&other, "officer").await;
    assert_problem(put_raw(&app, &officer_key, &id, DRAFT).await, 403).await;
    let read_only = assert_problem(put_raw(&app, &read_key, &id, DRAFT).await, 403).await;
    assert!(
        read_only["detail"].as_str().unwrap().contains("read-only"),
        "{read_only}"
    );
    assert_problem(put_raw(&app, &other_key, &id, DRAFT).await, 404).await;

    // A session that has ended: 401 whatever else is wrong with the request,
    // and nothing is stored.
    end_session(&app, &supplier.token).await;
    for (path, body) in [
        (id.as_str(), DRAFT),
        (id.as_str(), "{not json"),
        (id.as_str(), r#"{"answers": 3}"#),
        ("not-an-id", DRAFT),
        (missing.as_str(), DRAFT),
    ] {
        assert_problem(put_raw(&app, &supplier.token, path, body).await, 401).await;
    }
    assert_problem(
        put_raw(&app, &supplier.token, &id, r#"{"answers": {"fees.paid": "yes"}}"#).await,
        401,
    )
    .await;
    let stored: Value = app
        .get_api(&format!("/assessments/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored["answers"], json!({"fees.paid": "no"}), "{stored}");
    // Not a token at all: 401 too.
    assert_problem(put_raw(&app, "not-a-token", &id, DRAFT).await, 401).await;
}

#[tokio::test]
async fn a_company_requiring_a_second_factor_refuses_a_save_until_enrolment() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let (_, id) = app.small_assessment(&company, "Johor Cables").await;
    app.require_second_factor(&company).await;
    // The officer who has not enrolled is sent to enrol, before the role's
    // 403 and before a body that does not parse.
    for body in [DRAFT, "{not json"] {
        let refused = assert_problem(put_raw(&app, &company.token, &id, body).await, 403).await;
        assert_eq!(
            refused["type"], "https://fairhire.dev/problems/mfa-enrolment-required",
            "{refused}"
        );
    }
}
