//! problem+json for malformed JSON (400), over-size bodies (413), wrong content
//! type (415), validation (422) and unknown routes (404).

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn malformed_json_is_400() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .unwrap();
    assert_problem(response, 400).await;
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "text/plain")
        .body("email=a")
        .send()
        .await
        .unwrap();
    assert_problem(response, 415).await;
}

#[tokio::test]
async fn oversize_json_is_413() {
    let app = spawn_app().await;
    let huge = format!(
        "{{\"email\": \"{}\", \"password\": \"x\"}}",
        "a".repeat(2 * 1024 * 1024)
    );
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_problem(response, 413).await;
}

#[tokio::test]
async fn wrong_field_type_is_422_naming_the_field() {
    let app = spawn_app().await;
    let response = app
        .post_json(
            "/auth/login",
            None,
            &serde_json::json!({"email": 42, "password": "x"}),
        )
        .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(problem["errors"][0]["field"], "email");
    let response = app
        .post_json("/auth/login", None, &serde_json::json!({"email": "a@b.org"}))
        .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(problem["errors"][0]["field"], "password");
}

#[tokio::test]
async fn unknown_api_route_is_a_problem_404() {
    let app = spawn_app().await;
    assert_problem(app.get_api("/no/such/route", None).await, 404).await;
}

#[tokio::test]
async fn health_routes_answer() {
    let app = spawn_app().await;
    assert_eq!(
        app.client
            .get(app.url("/health/live"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        app.client
            .get(app.url("/health/ready"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}
