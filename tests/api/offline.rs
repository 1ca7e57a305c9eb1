//! Answering offline through CSV, and answers carried over to the next assessment.

use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{TestApp, assert_problem, spawn_app},
};

#[tokio::test]
async fn a_supplier_answers_through_a_csv_file() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Offline Ltd").await;
    let created_id = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &created_id)
        .await;

    let download = app
        .client
        .get(app.url(&format!("/api/v1/assessments/{id}/answers.csv?locale=es")))
        .bearer_auth(&supplier.token)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), 200);
    assert!(
        download.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = download.text().await.unwrap();
    assert!(text.contains("fees.paid") && text.contains("unknown = We do not know"));

    let upload = |body: &'static str| {
        app.client
            .put(app.url(&format!("/api/v1/assessments/{id}/answers.csv")))
            .bearer_auth(&supplier.token)
            .header("content-type", "text/csv")
            .body(body)
            .send()
    };
    let bad = upload("key,answer\nfees.paid,perhaps\nhours.max_weekly,500\n")
        .await
        .unwrap();
    let problem = assert_problem(bad, 422).await;
    assert_eq!(problem["errors"][0]["row"], 2);
    assert_eq!(problem["errors"][1]["row"], 3);
    assert_eq!(problem["errors"][1]["column"], "answer");
    let stored: Value = app
        .get_api(&format!("/assessments/{id}"), Some(&supplier.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored["answers"], json!({}), "nothing saved");

    let good = upload("key,answer\nfees.paid,We do not know\nhours.max_weekly,\"61,5\"\n")
        .await
        .unwrap();
    assert_eq!(good.status(), 200);
    let saved: Value = good.json().await.unwrap();
    assert_eq!(saved["answers"]["fees.paid"], "unknown");
    assert_eq!(saved["answers"]["hours.max_weekly"], 61.5);
    assert_eq!(saved["status"], "in_progress");

    // The officer may download but not upload; another company sees nothing.
    assert_problem(
        app.client
            .put(app.url(&format!("/api/v1/assessments/{id}/answers.csv")))
            .bearer_auth(&company.token)
            .header("content-type", "text/csv")
            .body("key,answer\n")
            .send()
            .await
            .unwrap(),
        403,
    )
    .await;
    let other = app.registered_company().await;
    assert_problem(
        app.get_api(&format!("/assessments/{id}/answers.csv"), Some(&other.token))
            .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn the_next_assessment_starts_from_the_previous_answers() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Returning Ltd").await;
    let created_id = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let questionnaire = created_id;
    let first = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    app.save_answers(
        &supplier.token,
        &first,
        &json!({"fees.paid": "no", "hours.max_weekly": 50}),
    )
    .await;
    assert_eq!(app.submit(&supplier.token, &first).await.status(), 202);

    // Version 2 of the same questionnaire: answers carry over, marked.
    let v2_id = app
        .company_questionnaire(&company, &small_definition("small", 2))
        .await;
    let second = app.send_assessment(&company, &supplier.supplier_id, &v2_id).await;
    let body: Value = app
        .get_api(&format!("/assessments/{second}"), Some(&supplier.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        body["answers"],
        json!({"fees.paid": "no", "hours.max_weekly": 50})
    );
    let mut carried: Vec<String> = body["carried_over"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    carried.sort();
    assert_eq!(carried, ["fees.paid", "hours.max_weekly"]);

    // Confirming one (sending it, unchanged) clears its mark.
    let saved: Value = app
        .save_answers(&supplier.token, &second, &json!({"fees.paid": "no"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saved["carried_over"], json!(["hours.max_weekly"]));
    // A save answers with what it stored, not read back: the same as a read.
    let path = format!("/assessments/{second}");
    let stored = read_json(&app, &path, &supplier.token).await;
    assert_eq!(saved["answers"], stored["answers"]);
    assert_eq!(saved["carried_over"], stored["carried_over"]);

    // Changing the other carried answer confirms it too; `null` removes one.
    let saved: Value = app
        .save_answers(
            &supplier.token,
            &second,
            &json!({"hours.max_weekly": 45, "fees.paid": null}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saved["answers"], json!({"hours.max_weekly": 45}));
    assert_eq!(saved["carried_over"], json!([]));
    let stored = read_json(&app, &path, &supplier.token).await;
    assert_eq!(saved["answers"], stored["answers"]);
    assert_eq!(stored["carried_over"], json!([]));
}

async fn read_json(app: &TestApp, path: &str, token: &str) -> Value {
    app.get_api(path, Some(token)).await.json().await.unwrap()
}
