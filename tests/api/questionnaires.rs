//! Questionnaire definitions: the built-in standard SAQ, uploads validated with
//! JSON paths, immutable versions, tenant isolation.

use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{assert_problem, spawn_app},
};

#[tokio::test]
async fn the_standard_saq_is_listed_and_readable() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let id = app.standard_questionnaire(&company).await;
    let body: Value = app
        .get_api(&format!("/questionnaires/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["key"], "ethical-recruitment-saq");
    assert_eq!(body["version"], 2, "new assessments get the current version");
    let list: Value = app
        .get_api(
            &format!("/companies/{}/questionnaires", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let versions: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["key"] == "ethical-recruitment-saq")
        .map(|q| q["version"].as_i64().unwrap())
        .collect();
    assert_eq!(
        versions,
        [2, 1],
        "version 1 stays for the assessments sent with it"
    );
    assert_eq!(body["builtin"], true);
    let questions: usize = body["definition"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["questions"].as_array().unwrap().len())
        .sum();
    assert!(questions >= 30, "{questions} questions");
    for locale in ["en", "es", "fr"] {
        assert!(
            body["title"][locale].as_str().is_some_and(|t| !t.is_empty()),
            "title in {locale}"
        );
    }
}

#[tokio::test]
async fn a_company_uploads_its_own_versions() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/questionnaires", company.id);
    let created = app
        .post_json(&path, Some(&company.token), &small_definition("small-check", 1))
        .await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    assert_eq!(created["key"], "small-check");
    assert_eq!(created["builtin"], false);

    let again = app
        .post_json(&path, Some(&company.token), &small_definition("small-check", 1))
        .await;
    assert_problem(again, 409).await;
    assert_eq!(
        app.post_json(&path, Some(&company.token), &small_definition("small-check", 2))
            .await
            .status(),
        201
    );

    let list: Value = app
        .get_api(&path, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        4,
        "standard (versions 1 and 2) + two versions"
    );
}

#[tokio::test]
async fn an_invalid_definition_names_the_bad_path() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/questionnaires", company.id);
    let mut bad = small_definition("bad", 1);
    bad["sections"][0]["questions"][0]["indicators"] = json!(["not_an_indicator"]);
    bad["sections"][0]["questions"][0]["options"][2]["value"] = json!("no");
    let problem = assert_problem(app.post_json(&path, Some(&company.token), &bad).await, 422).await;
    let fields: Vec<String> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert!(
        fields
            .iter()
            .any(|f| f.contains("sections[0].questions[0].indicators")),
        "{fields:?}"
    );
    assert!(
        fields
            .iter()
            .any(|f| f.contains("sections[0].questions[0].options[2]")),
        "{fields:?}"
    );

    let mut later = small_definition("later", 1);
    later["sections"][0]["questions"][0]["show_if"] = json!({"question": "hours.max_weekly", "equals": 5});
    let problem = assert_problem(app.post_json(&path, Some(&company.token), &later).await, 422).await;
    assert!(
        problem["errors"][0]["field"]
            .as_str()
            .unwrap()
            .contains("show_if")
    );

    let mut overlapping = small_definition("overlap", 1);
    overlapping["sections"][0]["questions"][2]["risk_ranges"] =
        json!([{"max": 65, "risk": 0}, {"min": 60, "risk": 100}]);
    assert_problem(
        app.post_json(&path, Some(&company.token), &overlapping).await,
        422,
    )
    .await;
}

#[tokio::test]
async fn another_companys_questionnaire_is_404() {
    let app = spawn_app().await;
    let mine = app.registered_company().await;
    let theirs = app.registered_company().await;
    let created: Value = app
        .post_json(
            &format!("/companies/{}/questionnaires", theirs.id),
            Some(&theirs.token),
            &small_definition("secret", 1),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    assert_problem(
        app.get_api(&format!("/questionnaires/{id}"), Some(&mine.token))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.get_api(
            &format!("/companies/{}/questionnaires", theirs.id),
            Some(&mine.token),
        )
        .await,
        404,
    )
    .await;
    let advisor = app.advisor_of(&mine).await;
    let denied = app
        .post_json(
            &format!("/companies/{}/questionnaires", mine.id),
            Some(&advisor),
            &small_definition("adv", 1),
        )
        .await;
    assert_problem(denied, 403).await;
}
