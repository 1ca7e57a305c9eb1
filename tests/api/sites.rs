//! Supplier sites (issue #25): added, listed, read, edited and deleted over the
//! API, every change audited; every bad field named; the company's officers and
//! admins change them, advisors and the supplier's own users only read them, and
//! another company sees none of it (404).

use domain::entities::audit_event;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::{Company, TestApp, assert_problem, spawn_app};

/// A site body with a name and country.
pub fn site_body(name: &str, country: &str) -> Value {
    json!({"name": name, "address": "Plot 7, Export Processing Zone", "country": country,
           "latitude": 23.81, "longitude": 90.41, "headcount": 850})
}

impl TestApp {
    /// `POST /suppliers/{sid}/sites` as `token`.
    pub async fn add_site(&self, supplier_id: &str, token: &str, body: &Value) -> reqwest::Response {
        self.post_json(&format!("/suppliers/{supplier_id}/sites"), Some(token), body)
            .await
    }

    /// Adds a site as the company and returns its id.
    pub async fn site_of(&self, company: &Company, supplier_id: &str, name: &str, country: &str) -> String {
        let response = self
            .add_site(supplier_id, &company.token, &site_body(name, country))
            .await;
        assert_eq!(response.status(), 201, "add site");
        let site: Value = response.json().await.unwrap();
        site["id"].as_str().unwrap().to_string()
    }

    /// `GET /suppliers/{sid}/sites` as `token`, read as JSON.
    pub async fn sites_of(&self, supplier_id: &str, token: &str) -> Value {
        self.get_api(&format!("/suppliers/{supplier_id}/sites"), Some(token))
            .await
            .json()
            .await
            .unwrap()
    }

    /// `DELETE /api/v1{path}` as `token`.
    pub async fn delete_api(&self, path: &str, token: &str) -> reqwest::Response {
        self.client
            .delete(self.url(&format!("/api/v1{path}")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }
}

async fn actions(app: &TestApp, site_id: &str) -> Vec<String> {
    let id: uuid::Uuid = site_id.parse().unwrap();
    audit_event::Entity::find()
        .filter(audit_event::Column::EntityId.eq(id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn a_site_is_added_listed_read_edited_and_deleted() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Dhaka Knitwear").await;
    let created = app
        .add_site(
            &supplier.supplier_id,
            &company.token,
            &site_body("Gazipur Plant", "bd"),
        )
        .await;
    assert_eq!(created.status(), 201);
    let site: Value = created.json().await.unwrap();
    assert_eq!(site["country"], "BD");
    assert_eq!(site["latitude"], 23.81);
    assert_eq!(site["headcount"], 850);
    assert_eq!(site["os_id"], Value::Null);
    let id = site["id"].as_str().unwrap().to_string();
    app.site_of(&company, &supplier.supplier_id, "Ashulia Plant", "BD")
        .await;

    let list = app.sites_of(&supplier.supplier_id, &company.token).await;
    assert_eq!(list["total"], 2);
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ashulia Plant", "Gazipur Plant"]);

    let patched = app
        .patch_json(
            &format!("/sites/{id}"),
            &company.token,
            &json!({"headcount": 0, "latitude": null, "longitude": null, "os_id": "bd2021079tdh72d"}),
        )
        .await;
    assert_eq!(patched.status(), 200);
    let read: Value = app
        .get_api(&format!("/sites/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["headcount"], 0);
    assert_eq!(read["latitude"], Value::Null);
    assert_eq!(read["os_id"], "BD2021079TDH72D");
    assert_eq!(read["name"], "Gazipur Plant", "fields not sent are kept");

    assert_eq!(
        app.delete_api(&format!("/sites/{id}"), &company.token)
            .await
            .status(),
        204
    );
    assert_problem(
        app.get_api(&format!("/sites/{id}"), Some(&company.token)).await,
        404,
    )
    .await;
    assert_eq!(
        actions(&app, &id).await,
        ["site.created", "site.updated", "site.deleted"]
    );
}

#[tokio::test]
async fn every_bad_field_is_named_and_nothing_is_stored() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Penang Parts").await;
    let refused = app
        .add_site(
            &supplier.supplier_id,
            &company.token,
            &json!({"name": "", "country": "XX", "latitude": 90.5, "longitude": -180.5,
                    "headcount": -3, "os_id": "not-an-id"}),
        )
        .await;
    let problem = assert_problem(refused, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "address",
            "name",
            "country",
            "latitude",
            "longitude",
            "headcount",
            "os_id"
        ]
    );
    let lone = app
        .add_site(
            &supplier.supplier_id,
            &company.token,
            &json!({"name": "Mill", "address": "1 Road", "country": "MY", "latitude": 3.1, "headcount": 5}),
        )
        .await;
    let problem = assert_problem(lone, 422).await;
    assert_eq!(problem["errors"][0]["field"], "longitude");
    let list = app.sites_of(&supplier.supplier_id, &company.token).await;
    assert_eq!(list["total"], 0);
}

#[tokio::test]
async fn readers_read_managers_change_and_other_tenants_see_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Johor Electronics").await;
    let id = app
        .site_of(&company, &supplier.supplier_id, "Johor Plant", "MY")
        .await;
    let site_path = format!("/sites/{id}");
    let list_path = format!("/suppliers/{}/sites", supplier.supplier_id);

    // The supplier's own user and an advisor read, but may not change.
    let advisor = app.advisor_of(&company).await;
    for token in [&supplier.token, &advisor] {
        assert_eq!(app.get_api(&site_path, Some(token)).await.status(), 200);
        assert_eq!(app.get_api(&list_path, Some(token)).await.status(), 200);
        assert_problem(
            app.patch_json(&site_path, token, &json!({"headcount": 1})).await,
            403,
        )
        .await;
        assert_problem(app.delete_api(&site_path, token).await, 403).await;
        assert_problem(
            app.add_site(&supplier.supplier_id, token, &site_body("Other", "MY"))
                .await,
            403,
        )
        .await;
    }

    // Another company: every door is a 404, and nothing changes.
    let other = app.registered_company().await;
    assert_problem(app.get_api(&site_path, Some(&other.token)).await, 404).await;
    assert_problem(app.get_api(&list_path, Some(&other.token)).await, 404).await;
    assert_problem(
        app.patch_json(&site_path, &other.token, &json!({"headcount": 1}))
            .await,
        404,
    )
    .await;
    assert_problem(app.delete_api(&site_path, &other.token).await, 404).await;
    assert_problem(
        app.add_site(&supplier.supplier_id, &other.token, &site_body("Other", "MY"))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.post_json(
            &format!("/sites/{id}/os-hub/match"),
            Some(&other.token),
            &json!({}),
        )
        .await,
        404,
    )
    .await;
    let read: Value = app
        .get_api(&site_path, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["headcount"], 850);
    assert_eq!(actions(&app, &id).await, ["site.created"]);
}
