//! `Idempotency-Key`: a replay returns the first response and creates nothing.

use domain::entities::invitation;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn a_replayed_key_creates_nothing_new() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let send = |key: &'static str, email: &'static str| {
        app.client
            .post(app.url(&format!("/api/v1/companies/{}/advisors", company.id)))
            .bearer_auth(&company.token)
            .header("Idempotency-Key", key)
            .json(&json!({"email": email}))
            .send()
    };
    let first = send("key-1", "adv@example.org").await.unwrap();
    assert_eq!(first.status(), 201);
    let first: serde_json::Value = first.json().await.unwrap();
    let again = send("key-1", "adv@example.org").await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers().get("idempotent-replayed").unwrap(), "true");
    let again: serde_json::Value = again.json().await.unwrap();
    assert_eq!(first, again);
    assert_eq!(invitation::Entity::find().count(&app.db).await.unwrap(), 1);

    // The same key with another body is refused, and creates nothing.
    assert_problem(send("key-1", "other@example.org").await.unwrap(), 422).await;
    assert_eq!(invitation::Entity::find().count(&app.db).await.unwrap(), 1);

    // A new key creates a new invitation.
    assert_eq!(send("key-2", "adv@example.org").await.unwrap().status(), 201);
    assert_eq!(invitation::Entity::find().count(&app.db).await.unwrap(), 2);
}

#[tokio::test]
async fn register_replay_does_not_create_a_second_company() {
    let app = spawn_app().await;
    let body = json!({"company_name": "Once Ltd", "name": "P", "email": "once@example.org", "password": "a-long-password-1"});
    for _ in 0..2 {
        let response = app
            .client
            .post(app.url("/api/v1/auth/register"))
            .header("Idempotency-Key", "register-once")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
    }
    assert_eq!(
        domain::entities::organization::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn two_api_keys_never_share_a_stored_response() {
    let app = spawn_app().await;
    let mut keys = Vec::new();
    for _ in 0..2 {
        let company = app.registered_company().await;
        let created: serde_json::Value = app
            .post_json(
                &format!("/companies/{}/api-keys", company.id),
                Some(&company.token),
                &json!({"name": "erp", "role": "officer"}),
            )
            .await
            .json()
            .await
            .unwrap();
        keys.push((company.id, created["key"].as_str().unwrap().to_string()));
    }
    let body = json!({"email": "same@example.org"});
    for (company_id, key) in &keys {
        let response = app
            .client
            .post(app.url(&format!("/api/v1/companies/{company_id}/advisors")))
            .bearer_auth(key)
            .header("Idempotency-Key", "shared-key")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        assert!(
            response.headers().get("idempotent-replayed").is_none(),
            "a fresh request per key"
        );
    }
    assert_eq!(invitation::Entity::find().count(&app.db).await.unwrap(), 2);
}
