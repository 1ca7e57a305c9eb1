//! Exports: the CSV and JSON files match what the API shows, cells that a
//! spreadsheet would run are defused, and another tenant's export is a 404.

use serde_json::{Value, json};

use crate::{
    fee_audits::{add_supplier, company_with_rates, uploaded_audit},
    helpers::{TestApp, assert_problem, spawn_app},
    webhooks::submitted_assessment,
};

/// The records of a CSV response, header first.
async fn csv_rows(app: &TestApp, path: &str, token: &str) -> Vec<Vec<String>> {
    let response = app.get_api(path, Some(token)).await;
    assert_eq!(response.status(), 200, "{path}");
    let content_type = response.headers()["content-type"].to_str().unwrap().to_string();
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let text = response.text().await.unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[tokio::test]
async fn the_suppliers_export_lists_every_supplier_with_its_risk_and_defuses_formulas() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    for name in ["=HYPERLINK(\"http://evil\")", "Acme, \"Ltd\""] {
        let body = json!({"name": name, "country": "MY", "sector": "electronics",
                          "contact_email": format!("c-{}@example.org", uuid::Uuid::new_v4().simple())});
        assert_eq!(app.create_supplier(&company, &body).await.status(), 201);
    }
    let rows = csv_rows(
        &app,
        &format!("/companies/{}/exports/suppliers.csv", company.id),
        &company.token,
    )
    .await;
    assert_eq!(rows[0][..3], ["id", "name", "country"]);
    let listed: Value = app
        .get_api(
            &format!("/companies/{}/suppliers", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let items = listed["items"].as_array().unwrap();
    assert_eq!(rows.len(), 1 + items.len());
    for item in items {
        let row = rows
            .iter()
            .find(|r| r[0] == item["id"].as_str().unwrap())
            .expect("every supplier exported");
        let name = item["name"].as_str().unwrap();
        let expected = if name.starts_with('=') {
            format!("'{name}")
        } else {
            name.to_string()
        };
        assert_eq!(row[1], expected);
        assert_eq!(row[2], item["country"].as_str().unwrap());
        assert_eq!(row[7], item["risk_band"].as_str().unwrap_or_default());
    }

    let other = app.registered_company().await;
    assert_problem(
        app.get_api(
            &format!("/companies/{}/exports/suppliers.csv", company.id),
            Some(&other.token),
        )
        .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn findings_and_assessment_exports_match_the_api() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let (_, _, assessment) = submitted_assessment(&app, &company).await;
    app.run_jobs().await;

    let findings: Value = app
        .get_api(
            &format!("/assessments/{assessment}/findings"),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let findings = findings.as_array().unwrap();
    assert!(!findings.is_empty());
    let first = findings[0]["id"].as_str().unwrap();
    let action = app
        .post_json(
            &format!("/findings/{first}/actions"),
            Some(&company.token),
            &json!({"description": "-Return fees", "due_date": "2030-01-31"}),
        )
        .await;
    assert_eq!(action.status(), 201);

    let rows = csv_rows(
        &app,
        &format!("/companies/{}/exports/findings.csv", company.id),
        &company.token,
    )
    .await;
    assert_eq!(rows[0][0], "finding_id");
    assert_eq!(rows.len(), 1 + findings.len());
    for finding in findings {
        let row = rows
            .iter()
            .find(|r| r[0] == finding["id"].as_str().unwrap())
            .unwrap();
        assert_eq!(row[5], finding["severity"].as_str().unwrap());
        assert_eq!(row[8], finding["title"].as_str().unwrap());
    }
    let with_action = rows.iter().find(|r| r[0] == first).unwrap();
    assert_eq!(with_action[13], "'-Return fees");
    assert_eq!(with_action[14], "2030-01-31");

    let shown: Value = app
        .get_api(&format!("/assessments/{assessment}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let exported = app
        .get_api(
            &format!("/assessments/{assessment}/export.json"),
            Some(&company.token),
        )
        .await;
    assert_eq!(exported.status(), 200);
    let exported: Value = exported.json().await.unwrap();
    assert_eq!(exported["assessment"], shown);
    assert_eq!(exported["assessment"]["answers"]["hours.max_weekly"], 66);

    let other = app.registered_company().await;
    for path in [
        format!("/assessments/{assessment}/export.json"),
        format!("/companies/{}/exports/findings.csv", company.id),
    ] {
        assert_problem(app.get_api(&path, Some(&other.token)).await, 404).await;
    }
}

#[tokio::test]
async fn the_fee_audit_export_has_one_line_per_worker_as_the_api_shows() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Penang Assembly").await;
    let audit = uploaded_audit(&app, &company, &sid).await;
    let id = audit["id"].as_str().or(audit["audit"]["id"].as_str()).unwrap();
    let shown: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    let rows = csv_rows(&app, &format!("/fee-audits/{id}/export.csv"), &company.token).await;
    let workers = shown["workers"].as_array().unwrap();
    assert_eq!(rows.len(), 1 + workers.len());
    assert_eq!(rows[0][0], "worker_ref");
    for (row, worker) in rows[1..].iter().zip(workers) {
        assert_eq!(row[0], worker["worker_ref"].as_str().unwrap());
        assert_eq!(row[6], worker["fees_usd"].as_str().unwrap());
        assert_eq!(row[8], worker["outstanding_usd"].as_str().unwrap());
        assert_eq!(row[12], worker["debt_bondage_risk"].to_string());
    }

    let other = app.registered_company().await;
    assert_problem(
        app.get_api(&format!("/fee-audits/{id}/export.csv"), Some(&other.token))
            .await,
        404,
    )
    .await;
}
