//! Products and tiers (issue #21): a product is added, read with its chain,
//! edited and deleted, every change audited; suppliers and sites are linked to it
//! in a role; a supplier's own suppliers are tier 2 and beyond, with loops
//! refused; raw-material origins are kept; products are imported by CSV, all or
//! nothing, with every bad row named; an advisor reads but may not change;
//! another company sees none of it (404).

use domain::entities::audit_event;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::{Company, TestApp, assert_problem, spawn_app};

impl TestApp {
    /// Adds a product as the company and returns its id.
    pub async fn product_of(&self, company: &Company, sku: &str, name: &str) -> String {
        let response = self
            .post_json(
                &format!("/companies/{}/products", company.id),
                Some(&company.token),
                &json!({"sku": sku, "name": name, "hs_code": "6109.10", "description": "Knitted cotton"}),
            )
            .await;
        assert_eq!(response.status(), 201, "add product");
        let product: Value = response.json().await.unwrap();
        product["id"].as_str().unwrap().to_string()
    }

    /// Adds a supplier without a user and returns its id.
    pub async fn plain_supplier(&self, company: &Company, name: &str, country: &str) -> String {
        let email = format!("{}@tier.example", uuid::Uuid::new_v4().simple());
        let response = self
            .create_supplier(
                company,
                &json!({"name": name, "country": country, "sector": "apparel_textiles", "contact_email": email}),
            )
            .await;
        assert_eq!(response.status(), 201, "create supplier");
        let supplier: Value = response.json().await.unwrap();
        supplier["id"].as_str().unwrap().to_string()
    }

    /// `GET /products/{id}` as `token`, read as JSON.
    pub async fn product(&self, id: &str, token: &str) -> Value {
        let response = self.get_api(&format!("/products/{id}"), Some(token)).await;
        assert_eq!(response.status(), 200, "read product");
        response.json().await.unwrap()
    }
}

async fn actions(app: &TestApp, id: &str) -> Vec<String> {
    let id: uuid::Uuid = id.parse().unwrap();
    audit_event::Entity::find()
        .filter(audit_event::Column::EntityId.eq(id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn a_product_is_added_read_edited_and_deleted() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let id = app.product_of(&company, "TS-100", "Crew-neck T-shirt").await;
    let read = app.product(&id, &company.token).await;
    assert_eq!(read["sku"], "TS-100");
    assert_eq!(read["hs_code"], "610910", "the HS code keeps its digits");
    assert_eq!(read["sources"], json!([]));

    let patched = app
        .patch_json(
            &format!("/products/{id}"),
            &company.token,
            &json!({"hs_code": null, "name": "Tee"}),
        )
        .await;
    assert_eq!(patched.status(), 200);
    let read = app.product(&id, &company.token).await;
    assert_eq!(read["hs_code"], Value::Null);
    assert_eq!(read["name"], "Tee");
    assert_eq!(read["description"], "Knitted cotton", "fields not sent are kept");

    let list: Value = app
        .get_api(
            &format!("/companies/{}/products", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], id.as_str());

    assert_eq!(
        app.delete_api(&format!("/products/{id}"), &company.token)
            .await
            .status(),
        204
    );
    assert_problem(
        app.get_api(&format!("/products/{id}"), Some(&company.token))
            .await,
        404,
    )
    .await;
    assert_eq!(
        actions(&app, &id).await,
        ["product.created", "product.updated", "product.deleted"]
    );
}

#[tokio::test]
async fn bad_fields_are_named_and_a_taken_sku_is_refused() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/products", company.id);
    let refused = app
        .post_json(
            &path,
            Some(&company.token),
            &json!({"name": " ", "hs_code": "61A"}),
        )
        .await;
    let problem = assert_problem(refused, 422).await;
    assert_eq!(fields(&problem), ["sku", "name", "hs_code"]);
    app.product_of(&company, "TS-1", "Tee").await;
    let again = app
        .post_json(
            &path,
            Some(&company.token),
            &json!({"name": "Other", "sku": "TS-1"}),
        )
        .await;
    assert_eq!(fields(&assert_problem(again, 422).await), ["sku"]);
    let list: Value = app
        .get_api(&path, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1, "nothing stored on failure");
}

#[tokio::test]
async fn the_chain_shows_makers_sites_tiers_and_origins() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let product = app.product_of(&company, "TS-200", "Polo shirt").await;
    let maker = app.plain_supplier(&company, "Dhaka Knitwear", "BD").await;
    let site = app.site_of(&company, &maker, "Gazipur Plant", "BD").await;
    let mill = app.plain_supplier(&company, "Chittagong Fabric Mill", "BD").await;
    let spinner = app.plain_supplier(&company, "Tashkent Yarns", "UZ").await;

    let linked = app
        .post_json(
            &format!("/products/{product}/links"),
            Some(&company.token),
            &json!({"supplier_id": maker, "site_id": site, "role": "assembly"}),
        )
        .await;
    assert_eq!(linked.status(), 201);
    for (buyer, seller, material) in [(&maker, &mill, "fabric"), (&mill, &spinner, "cotton yarn")] {
        let added = app
            .post_json(
                &format!("/suppliers/{buyer}/sub-suppliers"),
                Some(&company.token),
                &json!({"supplier_id": seller, "material": material}),
            )
            .await;
        assert_eq!(added.status(), 201);
    }
    let origin = app
        .post_json(
            &format!("/products/{product}/origins"),
            Some(&company.token),
            &json!({"material": "cotton", "country": "uz", "share": 0.6}),
        )
        .await;
    assert_eq!(origin.status(), 201);

    let read = app.product(&product, &company.token).await;
    assert_eq!(read["sources"][0]["supplier"]["name"], "Dhaka Knitwear");
    assert_eq!(read["sources"][0]["site_name"], "Gazipur Plant");
    assert_eq!(read["sources"][0]["role"], "assembly");
    let tiers: Vec<(u64, &str, &str)> = read["sub_suppliers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["tier"].as_u64().unwrap(),
                l["supplier"]["name"].as_str().unwrap(),
                l["material"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        tiers,
        [
            (2, "Chittagong Fabric Mill", "fabric"),
            (3, "Tashkent Yarns", "cotton yarn")
        ]
    );
    assert_eq!(read["origins"][0]["country"], "UZ");
    assert_eq!(read["origins"][0]["share"], 0.6);

    // The spinner buying from the maker would close a loop; a supplier cannot
    // supply itself; a site of another supplier and an unknown role are refused.
    for (buyer, body, field) in [
        (&spinner, json!({"supplier_id": maker}), "supplier_id"),
        (&mill, json!({"supplier_id": mill}), "supplier_id"),
        (&mill, json!({"supplier_id": spinner}), "supplier_id"),
        (&mill, json!({"supplier_id": maker, "site_id": site}), "site_id"),
    ] {
        let refused = app
            .post_json(
                &format!("/suppliers/{buyer}/sub-suppliers"),
                Some(&company.token),
                &body,
            )
            .await;
        assert_eq!(fields(&assert_problem(refused, 422).await), [field], "{body}");
    }
    let bad_role = app
        .post_json(
            &format!("/products/{product}/links"),
            Some(&company.token),
            &json!({"supplier_id": mill, "role": "weaving"}),
        )
        .await;
    assert_eq!(fields(&assert_problem(bad_role, 422).await), ["role"]);
    let read = app.product(&product, &company.token).await;
    assert_eq!(
        read["sources"].as_array().unwrap().len(),
        1,
        "nothing stored on failure"
    );
    assert_eq!(read["sub_suppliers"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_csv_import_is_all_or_nothing_with_every_bad_row_named() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    app.product_of(&company, "TS-1", "Tee").await;
    let path = format!("/companies/{}/products/import", company.id);
    let bad =
        "sku,name,hs_code,description\nJK-1,Jacket,6201.40,Padded\nTS-1,Taken,,\nJK-1,Twice,,\nSH-1,,12,\n";
    let problem = assert_problem(app.post_csv(&path, Some(&company.token), bad).await, 422).await;
    let rows: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    assert_eq!(rows, [(4, "sku"), (5, "name"), (5, "hs_code")]);
    // The file is clean but one SKU is the company's already.
    let taken = "sku,name\nJK-1,Jacket\nTS-1,Taken\n";
    let problem = assert_problem(app.post_csv(&path, Some(&company.token), taken).await, 422).await;
    assert_eq!(problem["errors"][0]["row"], 3);
    let list_path = format!("/companies/{}/products", company.id);
    let list: Value = app
        .get_api(&list_path, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1, "nothing created");

    let good = "sku,name,hs_code\nJK-1,Jacket,6201.40\nSH-1,Shorts,\n";
    let created = app.post_csv(&path, Some(&company.token), good).await;
    assert_eq!(created.status(), 201);
    assert_eq!(created.json::<Value>().await.unwrap()["created"], 2);
    let list: Value = app
        .get_api(&list_path, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 3);
}

#[tokio::test]
async fn advisors_read_managers_change_and_other_tenants_see_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let product = app.product_of(&company, "TS-1", "Tee").await;
    let supplier = app.supplier_with_user(&company, "Own Supplier").await;
    let advisor = app.advisor_of(&company).await;
    let path = format!("/products/{product}");
    let list_path = format!("/companies/{}/products", company.id);

    assert_eq!(app.get_api(&path, Some(&advisor)).await.status(), 200);
    assert_eq!(app.get_api(&list_path, Some(&advisor)).await.status(), 200);
    assert_problem(app.patch_json(&path, &advisor, &json!({"name": "X"})).await, 403).await;
    assert_problem(
        app.post_json(&list_path, Some(&advisor), &json!({"name": "X", "sku": "X"}))
            .await,
        403,
    )
    .await;

    // A supplier's user is not one of the company's members: products are the
    // company's record, so they are not there for it.
    assert_problem(app.get_api(&path, Some(&supplier.token)).await, 404).await;
    assert_problem(
        app.post_json(
            &format!("/suppliers/{}/sub-suppliers", supplier.supplier_id),
            Some(&supplier.token),
            &json!({"supplier_id": supplier.supplier_id}),
        )
        .await,
        403,
    )
    .await;

    let other = app.registered_company().await;
    assert_problem(app.get_api(&path, Some(&other.token)).await, 404).await;
    assert_problem(
        app.patch_json(&path, &other.token, &json!({"name": "X"})).await,
        404,
    )
    .await;
    assert_problem(app.delete_api(&path, &other.token).await, 404).await;
    assert_problem(app.get_api(&list_path, Some(&other.token)).await, 404).await;
    // Another company's supplier cannot be linked to this product.
    let theirs = app.plain_supplier(&other, "Their Supplier", "MY").await;
    let refused = app
        .post_json(
            &format!("/products/{product}/links"),
            Some(&company.token),
            &json!({"supplier_id": theirs, "role": "assembly"}),
        )
        .await;
    assert_eq!(fields(&assert_problem(refused, 422).await), ["supplier_id"]);
    assert_eq!(app.product(&product, &company.token).await["name"], "Tee");
}
