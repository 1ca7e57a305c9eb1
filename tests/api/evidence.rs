//! Evidence files: upload checked by content, answer a file question with it,
//! download it back; the role, state and tenant rules.

use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{TestApp, assert_problem, spawn_app},
};

const PDF: &[u8] = b"%PDF-1.4\n% a tiny test document\n%%EOF\n";

async fn upload(
    app: &TestApp,
    token: &str,
    assessment: &str,
    name: &str,
    bytes: &[u8],
    key: Option<&str>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
    );
    if let Some(key) = key {
        form = form.text("question_key", key.to_string());
    }
    app.client
        .post(app.url(&format!("/api/v1/assessments/{assessment}/evidence")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_supplier_uploads_evidence_and_answers_with_it() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Evidence Ltd").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;

    let uploaded = upload(
        &app,
        &supplier.token,
        &id,
        "../../policy.pdf",
        PDF,
        Some("docs.policy"),
    )
    .await;
    assert_eq!(uploaded.status(), 201);
    let file: Value = uploaded.json().await.unwrap();
    assert_eq!(file["content_type"], "application/pdf");
    assert_eq!(file["filename"], "policy.pdf", "no path kept");
    let file_id = file["id"].as_str().unwrap();

    let saved = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"docs.policy": file_id, "fees.paid": "no", "hours.max_weekly": 40}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(
        app.submit(&supplier.token, &id).await.status(),
        202,
        "the whole supplier path through the API"
    );

    // The officer reads the list and downloads the same bytes.
    let listed: Value = app
        .get_api(&format!("/assessments/{id}/evidence"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let download = app
        .get_api(&format!("/evidence/{file_id}"), Some(&company.token))
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("policy.pdf")
    );
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    // After submitting, no more uploads.
    assert_problem(
        upload(&app, &supplier.token, &id, "late.pdf", PDF, None).await,
        409,
    )
    .await;
}

#[tokio::test]
async fn uploads_are_checked_by_content() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Checked Ltd").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let html = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
    for (name, bytes) in [
        ("invoice.pdf", &html[..]),
        ("tool.pdf", &b"MZ\x90\x00\x03\x00\x00\x00"[..]),
        ("empty.pdf", &b""[..]),
    ] {
        let problem = assert_problem(upload(&app, &supplier.token, &id, name, bytes, None).await, 422).await;
        assert_eq!(problem["errors"][0]["field"], "file", "{name}");
    }
    let problem = assert_problem(
        upload(&app, &supplier.token, &id, "a.pdf", PDF, Some("fees.paid")).await,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "question_key");
    let csv = upload(
        &app,
        &supplier.token,
        &id,
        "payroll.csv",
        b"worker,amount\nW1,100\n",
        None,
    )
    .await;
    assert_eq!(csv.status(), 201);
}

#[tokio::test]
async fn another_assessments_file_and_other_tenants_are_refused() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Mine").await;
    let sibling = app.supplier_with_user(&company, "Sibling").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let mine = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let theirs = app
        .send_assessment(&company, &sibling.supplier_id, &questionnaire)
        .await;
    let file: Value = upload(&app, &sibling.token, &theirs, "p.pdf", PDF, None)
        .await
        .json()
        .await
        .unwrap();
    let file_id = file["id"].as_str().unwrap();

    // Naming the sibling's file in my answers is a 422 naming the key.
    let problem = assert_problem(
        app.save_answers(&supplier.token, &mine, &json!({"docs.policy": file_id}))
            .await,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "docs.policy");

    // The sibling's file, list and upload are 404 to me and to another company.
    let other = app.registered_company().await;
    for token in [&supplier.token, &other.token] {
        assert_problem(
            app.get_api(&format!("/evidence/{file_id}"), Some(token)).await,
            404,
        )
        .await;
        assert_problem(
            app.get_api(&format!("/assessments/{theirs}/evidence"), Some(token))
                .await,
            404,
        )
        .await;
        assert_problem(upload(&app, token, &theirs, "x.pdf", PDF, None).await, 404).await;
    }
    // The company's officer reads but does not upload.
    assert_problem(upload(&app, &company.token, &mine, "x.pdf", PDF, None).await, 403).await;
}
