//! API keys: created by admins and shown once, accepted as a bearer token, scoped
//! to one company, read-only keys refused on every change, revoked keys refused.

use serde_json::{Value, json};

use crate::helpers::{Company, TestApp, assert_problem, spawn_app};

impl TestApp {
    /// `POST /companies/{cid}/api-keys`.
    pub async fn create_api_key(&self, company: &Company, name: &str, role: &str) -> reqwest::Response {
        self.post_json(
            &format!("/companies/{}/api-keys", company.id),
            Some(&company.token),
            &json!({"name": name, "role": role}),
        )
        .await
    }

    /// A new key's secret.
    pub async fn api_key(&self, company: &Company, role: &str) -> (String, String) {
        let response = self.create_api_key(company, "ERP sync", role).await;
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        (
            body["id"].as_str().unwrap().to_string(),
            body["key"].as_str().unwrap().to_string(),
        )
    }
}

fn supplier_body() -> Value {
    json!({"name": "Key Supplier", "country": "MY", "sector": "electronics",
           "contact_email": format!("k-{}@example.org", uuid::Uuid::new_v4().simple())})
}

#[tokio::test]
async fn a_key_is_shown_once_works_as_a_bearer_token_and_stops_working_when_revoked() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let response = app.create_api_key(&company, "ERP sync", "officer").await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    let key = created["key"].as_str().unwrap().to_string();
    assert!(key.starts_with("fh_") && key.len() >= 3 + 64, "{key}");
    assert_eq!(created["role"], "officer");

    let listed = app
        .get_api(&format!("/companies/{}/suppliers", company.id), Some(&key))
        .await;
    assert_eq!(listed.status(), 200);
    // An officer key may change things.
    let made = app
        .post_json(
            &format!("/companies/{}/suppliers", company.id),
            Some(&key),
            &supplier_body(),
        )
        .await;
    assert_eq!(made.status(), 201);

    let keys: Value = app
        .get_api(
            &format!("/companies/{}/api-keys", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let row = &keys["items"][0];
    assert!(row.get("key").is_none() && !row.to_string().contains(&key[3..]));
    assert!(row["last_used_at"].is_string(), "{row}");
    assert_eq!(row["prefix"], &key[..9]);

    let revoked = app
        .client
        .delete(app.url(&format!("/api/v1/api-keys/{}", created["id"].as_str().unwrap())))
        .bearer_auth(&company.token)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 200);
    assert_problem(
        app.get_api(&format!("/companies/{}/suppliers", company.id), Some(&key))
            .await,
        401,
    )
    .await;
    assert_problem(app.get_api("/reference/sectors", Some("fh_not-a-key")).await, 401).await;
}

#[tokio::test]
async fn a_read_only_key_reads_but_cannot_change_anything() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let (_, key) = app.api_key(&company, "read_only").await;
    assert_eq!(
        app.get_api(&format!("/companies/{}/suppliers", company.id), Some(&key))
            .await
            .status(),
        200
    );
    assert_problem(
        app.post_json(
            &format!("/companies/{}/suppliers", company.id),
            Some(&key),
            &supplier_body(),
        )
        .await,
        403,
    )
    .await;
    // Manager-only reads too: a read-only key reads as an advisor.
    assert_problem(
        app.get_api(&format!("/companies/{}/webhooks", company.id), Some(&key))
            .await,
        403,
    )
    .await;
}

#[tokio::test]
async fn a_key_sees_nothing_of_another_company_and_only_admins_manage_keys() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    let theirs: Value = app
        .create_supplier(&other, &supplier_body())
        .await
        .json()
        .await
        .unwrap();
    let (_, key) = app.api_key(&company, "officer").await;
    assert_problem(
        app.get_api(&format!("/companies/{}/suppliers", other.id), Some(&key))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.get_api(
            &format!("/suppliers/{}", theirs["id"].as_str().unwrap()),
            Some(&key),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        app.get_api(
            &format!("/companies/{}/exports/suppliers.csv", other.id),
            Some(&key),
        )
        .await,
        404,
    )
    .await;
    // A key (even an officer's) never makes keys; another company's admin gets 404.
    assert_problem(
        app.post_json(
            &format!("/companies/{}/api-keys", company.id),
            Some(&key),
            &json!({"name": "x", "role": "officer"}),
        )
        .await,
        403,
    )
    .await;
    assert_problem(app.create_api_key(&other, "x", "admin").await, 422).await;
    let (id, _) = app.api_key(&company, "read_only").await;
    let response = app
        .client
        .delete(app.url(&format!("/api/v1/api-keys/{id}")))
        .bearer_auth(&other.token)
        .send()
        .await
        .unwrap();
    assert_problem(response, 404).await;
}
