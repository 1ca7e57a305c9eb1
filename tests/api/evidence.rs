//! Evidence files: upload checked by content, answer a file question with it,
//! download it back; the role, state and tenant rules.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use sha2_hmac::{Digest, Sha256};

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
    assert_eq!(file["size_bytes"], PDF.len());
    assert_eq!(file["sha256"], hex(&Sha256::digest(PDF)));
    assert_eq!(file["question_key"], "docs.policy");
    let file_id = file["id"].as_str().unwrap();

    // The bytes are stored under ids only, never under the name the client sent.
    let stored = app
        .settings
        .data_dir
        .join(format!("files/evidence/{}/{id}/{file_id}", company.id));
    assert_eq!(std::fs::read(&stored).unwrap(), PDF);
    // The audit trail records the upload, without the content or the name.
    let audit = domain::entities::audit_event::Entity::find()
        .filter(domain::entities::audit_event::Column::Action.eq("evidence.uploaded"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    let after = audit[0].after.clone().unwrap().to_string();
    assert!(
        !after.contains("policy.pdf") && !after.contains("tiny test document"),
        "{after}"
    );

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
    assert_eq!(listed[0]["id"], file_id);
    let download = app
        .get_api(&format!("/evidence/{file_id}"), Some(&company.token))
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        download.headers()["content-disposition"],
        "attachment; filename=\"policy.pdf\""
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

#[tokio::test]
async fn a_file_over_the_limit_is_413_and_nothing_is_stored() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Big Files Ltd").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    // One byte over the default limit of 20 MiB.
    let mut big = PDF.to_vec();
    big.resize(20 * 1024 * 1024 + 1, b' ');

    assert_problem(
        upload(&app, &supplier.token, &id, "big.pdf", &big, None).await,
        413,
    )
    .await;

    let listed: Value = app
        .get_api(&format!("/assessments/{id}/evidence"), Some(&supplier.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed, json!([]));
}

#[tokio::test]
async fn an_upload_must_be_multipart_with_a_file_part() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Form Ltd").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;

    let json = app
        .post_json(
            &format!("/assessments/{id}/evidence"),
            Some(&supplier.token),
            &json!({"file": "policy"}),
        )
        .await;
    assert_problem(json, 415).await;

    let no_file = app
        .client
        .post(app.url(&format!("/api/v1/assessments/{id}/evidence")))
        .bearer_auth(&supplier.token)
        .multipart(reqwest::multipart::Form::new().text("question_key", "docs.policy"))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(no_file, 422).await;
    assert_eq!(problem["errors"][0]["field"], "file");
}

#[tokio::test]
async fn a_name_outside_ascii_survives_the_download_header() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Accents SARL").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let file: Value = upload(&app, &supplier.token, &id, "politique \"é\".pdf", PDF, None)
        .await
        .json()
        .await
        .unwrap();

    let download = app
        .get_api(
            &format!("/evidence/{}", file["id"].as_str().unwrap()),
            Some(&supplier.token),
        )
        .await;

    assert_eq!(download.status(), 200);
    assert_eq!(
        download.headers()["content-disposition"],
        "attachment; filename=\"politique ___.pdf\"; filename*=UTF-8''politique%20%22%C3%A9%22.pdf"
    );
}

#[tokio::test]
async fn a_retried_upload_with_an_idempotency_key_stores_one_file() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Retry Ltd").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    // A client retrying sends the very same bytes, boundary included.
    let mut body = b"--fh-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.pdf\"\r\n\
        Content-Type: application/pdf\r\n\r\n"
        .to_vec();
    body.extend_from_slice(PDF);
    body.extend_from_slice(b"\r\n--fh-boundary--\r\n");
    let send = || {
        app.client
            .post(app.url(&format!("/api/v1/assessments/{id}/evidence")))
            .bearer_auth(&supplier.token)
            .header("Content-Type", "multipart/form-data; boundary=fh-boundary")
            .header("Idempotency-Key", "upload-1")
            .body(body.clone())
            .send()
    };

    let first: Value = send().await.unwrap().json().await.unwrap();
    let again = send().await.unwrap();

    assert_eq!(again.status(), 201);
    assert_eq!(again.json::<Value>().await.unwrap()["id"], first["id"]);
    let listed: Value = app
        .get_api(&format!("/assessments/{id}/evidence"), Some(&supplier.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
