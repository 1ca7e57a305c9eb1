//! Suppliers: create with invitation, list with filters and pagination, read,
//! edit, archive, CSV import all-or-nothing, and the role and tenant rules.

use domain::entities::supplier;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn creating_a_supplier_invites_its_contact() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let response = app
        .create_supplier(
            &company,
            &json!({"name": "Selangor Circuits", "country": "my", "sector": "electronics",
                    "contact_email": "Farah@Selangor.example", "contact_name": "Farah"}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["country"], "MY");
    assert_eq!(body["company_id"], company.id.as_str());
    assert_eq!(body["risk_score"], Value::Null);
    assert_eq!(body["risk_band"], Value::Null);
    app.run_jobs().await;
    let code = app.last_code_for("farah@selangor.example");
    let token: Value = app
        .accept_invitation(&code, "supplier-password-1")
        .await
        .json()
        .await
        .unwrap();
    let me: Value = app
        .me(token["access_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["memberships"][0]["kind"], "supplier");
    assert_eq!(me["memberships"][0]["role"], "supplier");
    assert_eq!(me["memberships"][0]["organization_id"], body["id"]);
}

#[tokio::test]
async fn every_invalid_field_is_named() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let response = app
        .create_supplier(
            &company,
            &json!({"name": "", "country": "XX", "sector": "spaceships", "contact_email": "nope"}),
        )
        .await;
    let problem = assert_problem(response, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "country", "sector", "contact_email"]);
    assert_eq!(supplier::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn list_filters_searches_and_paginates() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    for (name, country, sector) in [
        ("Alpha Garments", "BD", "apparel_textiles"),
        ("Beta Electronics", "MY", "electronics"),
        ("Gamma Garments", "BD", "apparel_textiles"),
        ("Delta Fishing", "TH", "fishing"),
    ] {
        let r = app
            .create_supplier(&company, &json!({"name": name, "country": country, "sector": sector, "contact_email": format!("{}@x.example", name.replace(' ', "."))}))
            .await;
        assert_eq!(r.status(), 201);
    }
    let get = |query: &str| {
        let path = format!("/companies/{}/suppliers{query}", company.id);
        let token = company.token.clone();
        let app = &app;
        async move {
            app.get_api(&path, Some(&token))
                .await
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let all = get("").await;
    assert_eq!(all["total"], 4);
    assert_eq!(all["page"], 1);
    assert_eq!(all["per_page"], 50);
    assert_eq!(all["items"][0]["name"], "Alpha Garments");
    assert_eq!(get("?country=BD").await["total"], 2);
    assert_eq!(get("?sector=fishing").await["items"][0]["name"], "Delta Fishing");
    assert_eq!(get("?q=garm").await["total"], 2);
    let page2 = get("?per_page=3&page=2").await;
    assert_eq!(page2["items"].as_array().unwrap().len(), 1);
    assert_eq!(page2["total"], 4);
    assert_eq!(get("?risk_band=low").await["total"], 0);
    let bad = app
        .get_api(
            &format!("/companies/{}/suppliers?per_page=500", company.id),
            Some(&company.token),
        )
        .await;
    assert_problem(bad, 422).await;
    let bad = app
        .get_api(
            &format!("/companies/{}/suppliers?risk_band=purple", company.id),
            Some(&company.token),
        )
        .await;
    assert_problem(bad, 422).await;
}

#[tokio::test]
async fn edit_and_archive() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let created: Value = app
        .create_supplier(&company, &json!({"name": "Old Name", "country": "NP", "sector": "construction", "contact_email": "c@x.example"}))
        .await
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let updated = app
        .patch_json(
            &format!("/suppliers/{id}"),
            &company.token,
            &json!({"name": "New Name", "country": "IN"}),
        )
        .await;
    assert_eq!(updated.status(), 200);
    let updated: Value = updated.json().await.unwrap();
    assert_eq!(updated["name"], "New Name");
    assert_eq!(updated["country"], "IN");
    let bad = app
        .patch_json(
            &format!("/suppliers/{id}"),
            &company.token,
            &json!({"country": "ZZ"}),
        )
        .await;
    assert_problem(bad, 422).await;
    let archived = app
        .post_json(
            &format!("/suppliers/{id}/archive"),
            Some(&company.token),
            &json!({}),
        )
        .await;
    assert_eq!(archived.status(), 200);
    let list: Value = app
        .get_api(
            &format!("/companies/{}/suppliers", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 0, "archived suppliers are hidden");
    let list: Value = app
        .get_api(
            &format!("/companies/{}/suppliers?include_archived=true", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
}

#[tokio::test]
async fn csv_import_is_all_or_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let import = |body: &'static str| {
        app.client
            .post(app.url(&format!("/api/v1/companies/{}/suppliers/import", company.id)))
            .bearer_auth(&company.token)
            .header("content-type", "text/csv")
            .body(body)
            .send()
    };
    let bad = import(
        "name,country,sector,contact_email,contact_name\n\
         Good One,BD,apparel_textiles,a@x.example,Ana\n\
         Bad Country,QQ,apparel_textiles,b@x.example,\n\
         Bad Email,BD,apparel_textiles,not-an-email,\n",
    )
    .await
    .unwrap();
    let problem = assert_problem(bad, 422).await;
    let errors = problem["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["row"], 3);
    assert_eq!(errors[0]["column"], "country");
    assert_eq!(errors[1]["row"], 4);
    assert_eq!(errors[1]["column"], "contact_email");
    assert_eq!(
        supplier::Entity::find().count(&app.db).await.unwrap(),
        0,
        "nothing created"
    );

    let missing_column = import("name,country\nX,BD\n").await.unwrap();
    assert_problem(missing_column, 422).await;
    let wrong_type = app
        .client
        .post(app.url(&format!("/api/v1/companies/{}/suppliers/import", company.id)))
        .bearer_auth(&company.token)
        .json(&json!([]))
        .send()
        .await
        .unwrap();
    assert_problem(wrong_type, 415).await;

    let good = import(
        "name,country,sector,contact_email,contact_name\n\
         Good One,BD,apparel_textiles,a@x.example,Ana\n\
         \"Two, Ltd\",VN,food_processing,b@x.example,\n",
    )
    .await
    .unwrap();
    assert_eq!(good.status(), 201);
    let body: Value = good.json().await.unwrap();
    assert_eq!(body["created"], 2);
    app.run_jobs().await;
    assert_eq!(app.outbox().len(), 2, "each contact is invited");
}

/// The 2026 sector review split `fishing` and `cleaning_security`; keys stored or
/// exported before it still import and read, next to the new ones.
#[tokio::test]
async fn sector_keys_from_before_the_review_still_import_and_read() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let imported = app
        .client
        .post(app.url(&format!("/api/v1/companies/{}/suppliers/import", company.id)))
        .bearer_auth(&company.token)
        .header("content-type", "text/csv")
        .body(
            "name,country,sector,contact_email,contact_name\n\
             Old Fleet,TH,fishing,a@x.example,\n\
             Old Guard,QA,cleaning_security,b@x.example,\n\
             New Fleet,TH,fishing_at_sea,c@x.example,\n\
             Shrimp Farm,VN,aquaculture,d@x.example,\n\
             New Guard,QA,security,e@x.example,\n",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(imported.status(), 201);
    let body: Value = imported.json().await.unwrap();
    assert_eq!(body["created"], 5);
    let listed = app
        .get_api(
            &format!("/companies/{}/suppliers?sector=cleaning_security", company.id),
            Some(&company.token),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["name"], "Old Guard");

    let sectors: Value = app
        .get_api("/reference/sectors", Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let sector = |key: &str| {
        sectors
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .cloned()
            .unwrap_or_else(|| panic!("{key}"))
    };
    assert_eq!(
        sector("cleaning_security")["replaced_by"],
        json!(["cleaning", "security"])
    );
    assert_eq!(
        sector("fishing")["replaced_by"],
        json!(["fishing_at_sea", "aquaculture", "seafood_processing"])
    );
    assert_eq!(sector("security")["replaced_by"], json!([]));
    assert_eq!(sector("healthcare")["risk"], 55.0);

    let unknown = app
        .create_supplier(&company, &json!({"name": "Nowhere", "country": "TH", "sector": "fishing_sea", "contact_email": "f@x.example"}))
        .await;
    let problem = assert_problem(unknown, 422).await;
    assert_eq!(problem["errors"][0]["field"], "sector");
}

#[tokio::test]
async fn roles_and_tenants() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    let mine = app.supplier_with_user(&company, "Mine").await;
    let sibling = app.supplier_with_user(&company, "Sibling").await;
    let theirs = app.supplier_with_user(&other, "Theirs").await;
    let advisor = app.advisor_of(&company).await;

    // An advisor reads but cannot create or change suppliers.
    assert_eq!(
        app.get_api(&format!("/companies/{}/suppliers", company.id), Some(&advisor))
            .await
            .status(),
        200
    );
    let denied = app
        .post_json(
            &format!("/companies/{}/suppliers", company.id),
            Some(&advisor),
            &json!({"name": "X", "country": "BD", "sector": "other", "contact_email": "x@x.example"}),
        )
        .await;
    assert_problem(denied, 403).await;
    assert_problem(
        app.patch_json(
            &format!("/suppliers/{}", mine.supplier_id),
            &advisor,
            &json!({"name": "Y"}),
        )
        .await,
        403,
    )
    .await;

    // A supplier user sees its own supplier only, and no company list.
    assert_eq!(
        app.get_api(&format!("/suppliers/{}", mine.supplier_id), Some(&mine.token))
            .await
            .status(),
        200
    );
    assert_problem(
        app.get_api(&format!("/suppliers/{}", sibling.supplier_id), Some(&mine.token))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.get_api(&format!("/companies/{}/suppliers", company.id), Some(&mine.token))
            .await,
        404,
    )
    .await;

    // Another company's supplier is 404 on every route.
    for path in [
        format!("/suppliers/{}", theirs.supplier_id),
        format!("/suppliers/{}/assessments", theirs.supplier_id),
    ] {
        assert_problem(app.get_api(&path, Some(&company.token)).await, 404).await;
    }
    assert_problem(
        app.patch_json(
            &format!("/suppliers/{}", theirs.supplier_id),
            &company.token,
            &json!({"name": "Z"}),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        app.post_json(
            &format!("/suppliers/{}/archive", theirs.supplier_id),
            Some(&company.token),
            &json!({}),
        )
        .await,
        404,
    )
    .await;
}
