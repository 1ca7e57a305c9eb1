//! The supplier profile (issue #19): workforce size, migrant share and worker
//! origins on the supplier resource (create, PATCH, GET, list), every validation
//! error named, other tenants kept out; the CSV import's profile columns; the
//! portal shows the profile with country names and an officer edits it.

use domain::{
    entities::{supplier, supplier_profile},
    suppliers::profile::declared_origins,
};
use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    helpers::{assert_problem, spawn_app},
    portal_flow::Portal,
};

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_profile_is_created_patched_and_read() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let created = app
        .create_supplier(
            &company,
            &json!({"name": "Gulf Build", "country": "QA", "sector": "construction",
                    "contact_email": "hr@gulf.example", "workforce_size": 1200,
                    "migrant_worker_share": 0.9,
                    "worker_origins": [{"country": "np", "share": 0.5}, {"country": "BD", "share": 0.3}]}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let body: Value = created.json().await.unwrap();
    assert_eq!(body["workforce_size"], 1200);
    assert_eq!(body["migrant_worker_share"], 0.9);
    assert_eq!(
        body["worker_origins"],
        json!([{"country": "NP", "share": 0.5}, {"country": "BD", "share": 0.3}])
    );
    let id = body["id"].as_str().unwrap().to_string();
    let sid: Uuid = id.parse().unwrap();
    let origins = declared_origins(&app.db, sid).await.unwrap();
    let origins: Vec<(String, String)> = origins
        .iter()
        .map(|(c, s)| (c.as_str().to_string(), s.to_string()))
        .collect();
    assert_eq!(
        origins,
        [
            ("NP".to_string(), "0.5".to_string()),
            ("BD".to_string(), "0.3".to_string())
        ]
    );

    // PATCH changes only what is sent; null clears a figure.
    let patched = app
        .patch_json(
            &format!("/suppliers/{id}"),
            &company.token,
            &json!({"migrant_worker_share": null, "worker_origins": [{"country": "IN", "share": 1}]}),
        )
        .await;
    assert_eq!(patched.status(), 200);
    let read: Value = app
        .get_api(&format!("/suppliers/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["workforce_size"], 1200);
    assert_eq!(read["migrant_worker_share"], Value::Null);
    assert_eq!(read["worker_origins"], json!([{"country": "IN", "share": 1.0}]));
    let list: Value = app
        .get_api(
            &format!("/companies/{}/suppliers", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["worker_origins"][0]["country"], "IN");

    // A supplier created without a profile has none, and no row.
    let bare: Value = app
        .create_supplier(
            &company,
            &json!({"name": "Bare", "country": "MY", "sector": "electronics", "contact_email": "b@bare.example"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(bare["workforce_size"], Value::Null);
    assert_eq!(bare["worker_origins"], json!([]));
    let bare_id: Uuid = bare["id"].as_str().unwrap().parse().unwrap();
    assert!(declared_origins(&app.db, bare_id).await.unwrap().is_empty());
    assert!(
        supplier_profile::Entity::find_by_id(bare_id)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn every_invalid_profile_field_is_named_and_nothing_is_stored() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let cases = [
        (json!({"workforce_size": -1}), vec!["workforce_size"]),
        (json!({"workforce_size": 12.5}), vec!["workforce_size"]),
        (json!({"migrant_worker_share": 35}), vec!["migrant_worker_share"]),
        (
            json!({"migrant_worker_share": -0.1}),
            vec!["migrant_worker_share"],
        ),
        (
            json!({"worker_origins": [{"country": "XX", "share": 0.2}]}),
            vec!["worker_origins[0].country"],
        ),
        (
            json!({"worker_origins": [{"country": "NP", "share": 0}]}),
            vec!["worker_origins[0].share"],
        ),
        (
            json!({"worker_origins": [{"country": "NP", "share": 0.2}, {"country": "np", "share": 0.2}]}),
            vec!["worker_origins[1].country"],
        ),
        (
            json!({"worker_origins": [{"country": "NP", "share": 0.7}, {"country": "BD", "share": 0.4}]}),
            vec!["worker_origins"],
        ),
        (json!({"worker_origins": "NP"}), vec!["worker_origins"]),
    ];
    for (extra, expected) in cases {
        let mut body = json!({"name": "Bad", "country": "QA", "sector": "construction", "contact_email": "x@bad.example"});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let problem = assert_problem(app.create_supplier(&company, &body).await, 422).await;
        assert_eq!(fields(&problem), expected, "{extra}");
    }
    assert_eq!(supplier::Entity::find().count(&app.db).await.unwrap(), 0);

    let good: Value = app
        .create_supplier(
            &company,
            &json!({"name": "Good", "country": "QA", "sector": "construction", "contact_email": "g@good.example",
                    "workforce_size": 10}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = good["id"].as_str().unwrap();
    let problem = assert_problem(
        app.patch_json(
            &format!("/suppliers/{id}"),
            &company.token,
            &json!({"workforce_size": -5, "migrant_worker_share": 2, "worker_origins": [{"country": "ZZ", "share": 2}]}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(
        fields(&problem),
        [
            "workforce_size",
            "migrant_worker_share",
            "worker_origins[0].country",
            "worker_origins[0].share",
            "worker_origins"
        ]
    );
    let read: Value = app
        .get_api(&format!("/suppliers/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["workforce_size"], 10, "nothing changed");
}

#[tokio::test]
async fn another_companys_supplier_profile_is_not_found() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    let theirs = app.supplier_with_user(&other, "Theirs").await;
    let patched = app
        .patch_json(
            &format!("/suppliers/{}", theirs.supplier_id),
            &company.token,
            &json!({"workforce_size": 5}),
        )
        .await;
    assert_problem(patched, 404).await;
    assert_problem(
        app.get_api(
            &format!("/suppliers/{}", theirs.supplier_id),
            Some(&company.token),
        )
        .await,
        404,
    )
    .await;
    assert_eq!(supplier_profile::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn the_csv_import_reads_the_profile_columns() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/suppliers/import", company.id);
    let bad = app
        .post_csv(
            &path,
            Some(&company.token),
            "name,country,sector,contact_email,contact_name,workforce_size,migrant_worker_share,worker_origins\n\
             Good One,QA,construction,a@x.example,Ana,300,0.8,NP:0.5; BD:0.3\n\
             Bad One,QA,construction,b@x.example,,lots,1.5,NP:0.9;BD:0.9\n",
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let errors: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            (3, "workforce_size"),
            (3, "migrant_worker_share"),
            (3, "worker_origins")
        ]
    );
    assert_eq!(supplier::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(supplier_profile::Entity::find().count(&app.db).await.unwrap(), 0);

    let good = app
        .post_csv(
            &path,
            Some(&company.token),
            "name,country,sector,contact_email,contact_name,workforce_size,migrant_worker_share,worker_origins\n\
             Good One,QA,construction,a@x.example,Ana,300,0.8,NP:0.5; BD:0.3\n\
             No Profile,MY,electronics,c@x.example,,,,\n",
        )
        .await;
    assert_eq!(good.status(), 201);
    let list: Value = app
        .get_api(
            &format!("/companies/{}/suppliers?q=good", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let one = &list["items"][0];
    assert_eq!(one["workforce_size"], 300);
    assert_eq!(one["migrant_worker_share"], 0.8);
    assert_eq!(
        one["worker_origins"],
        json!([{"country": "NP", "share": 0.5}, {"country": "BD", "share": 0.3}])
    );
    assert_eq!(supplier_profile::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn an_officer_edits_the_profile_in_the_portal() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let created: Value = app
        .create_supplier(
            &company,
            &json!({"name": "Doha Towers", "country": "QA", "sector": "construction", "contact_email": "d@doha.example"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let officer = Portal::new(&app, "fr");
    officer.login(&company.email, "a-long-password-1").await;
    let page = officer.get(&format!("/suppliers/{id}")).await;
    assert!(
        page.body.contains(&format!("/suppliers/{id}/profile")),
        "an edit link"
    );

    let path = format!("/suppliers/{id}/profile");
    assert_eq!(officer.get(&path).await.status, 200);
    let wrong = officer
        .post(
            &path,
            &[
                ("workforce_size", "850"),
                ("migrant_worker_share", "0.6"),
                ("worker_origins", "NP:0.5\nXX:0.2"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let origins = &wrong.body[wrong.body.find("for=\"worker_origins\"").unwrap()..];
    let origins = &origins[..origins.find("id=\"worker_origins\"").unwrap()];
    assert!(origins.contains("field-error"), "the error is beside the origins");
    assert!(origins.contains("worker_origins[1].country"));
    assert!(wrong.body.contains("value=\"850\""), "nothing typed is lost");
    assert_eq!(supplier_profile::Entity::find().count(&app.db).await.unwrap(), 0);

    let saved = officer
        .post(
            &path,
            &[
                ("workforce_size", "850"),
                ("migrant_worker_share", "0.6"),
                ("worker_origins", "NP:0.5\nin:0.25"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = officer.get(&format!("/suppliers/{id}")).await;
    assert!(page.body.contains("850"));
    assert!(page.body.contains("60%"));
    // Country names in the reader's language, not codes.
    assert!(page.body.contains("Népal — 50%"), "{}", page.body);
    assert!(page.body.contains("Inde — 25%"));
    let read: Value = app
        .get_api(&format!("/suppliers/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        read["worker_origins"],
        json!([{"country": "NP", "share": 0.5}, {"country": "IN", "share": 0.25}])
    );
}

/// A questionnaire asking the SAQ v2 recruiter questions (the gate and the list).
fn recruiters_definition() -> Value {
    json!({
        "key": "recruiter-check",
        "version": 1,
        "title": {"en": "Recruiters"},
        "default_locale": "en",
        "sections": [{
            "key": "recruiters",
            "title": {"en": "Recruiters"},
            "questions": [
                {"key": "rec.uses_recruiters", "type": "single_choice", "required": true,
                 "text": {"en": "Do you use recruiters?"}, "indicators": ["recruiter_due_diligence"], "weight": 2,
                 "options": [
                    {"value": "no", "label": {"en": "No"}, "risk": 0},
                    {"value": "yes", "label": {"en": "Yes"}, "risk": 30},
                    {"value": "unknown", "label": {"en": "We do not know"}, "risk": 70, "unknown": true}]},
                {"key": "rec.recruiters_used", "type": "text", "required": false,
                 "text": {"en": "List them: name; country"},
                 "show_if": {"question": "rec.uses_recruiters", "equals": "yes"}}
            ]
        }]
    })
}

#[tokio::test]
async fn recruiters_named_in_a_submitted_assessment_join_the_registry() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Gulf Build").await;
    let questionnaire = app
        .company_questionnaire(&company, &recruiters_definition())
        .await;
    let aid = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let answers = json!({"rec.uses_recruiters": "yes",
                         "rec.recruiters_used": "Alpha Manpower Ltd; NP\nBeta Brokers; Bangladesh\nalpha manpower ltd.; np"});
    assert_eq!(
        app.save_answers(&supplier.token, &aid, &answers).await.status(),
        200
    );
    let registry = || async {
        let list: Value = app
            .list_recruiters(&company.id, &company.token)
            .await
            .json()
            .await
            .unwrap();
        let mut names: Vec<(String, String)> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["name"].as_str().unwrap().to_string(),
                    r["country"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        names.sort();
        names
    };
    assert!(registry().await.is_empty(), "nothing before submit");
    assert_eq!(app.submit(&supplier.token, &aid).await.status(), 202);
    assert_eq!(
        registry().await,
        [
            ("Alpha Manpower Ltd".to_string(), "NP".to_string()),
            ("Beta Brokers".to_string(), "BD".to_string())
        ]
    );

    // A hidden answer (the gate says no recruiters) adds nothing.
    let other = app.supplier_with_user(&company, "Other").await;
    let aid = app
        .send_assessment(&company, &other.supplier_id, &questionnaire)
        .await;
    let hidden = json!({"rec.uses_recruiters": "no", "rec.recruiters_used": "Hidden Agency; IN"});
    app.save_answers(&other.token, &aid, &hidden).await;
    assert_eq!(app.submit(&other.token, &aid).await.status(), 202);
    assert_eq!(registry().await.len(), 2);
}
