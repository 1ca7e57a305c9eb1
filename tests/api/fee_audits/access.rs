//! Who may see and do what (fee-audit.md, "Personal data"; api-contract.md, "Roles
//! and tenants"): another tenant's ids are 404 on every route.

use serde_json::{Value, json};

use super::{AUDIT, RATES, advisor_token, company_with_rates, supplier_with_user, uploaded_audit};
use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn an_advisor_reads_audits_but_cannot_upload_or_repay() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;
    let id = audit["id"].as_str().unwrap();
    let advisor = advisor_token(&app, &company).await;

    assert_problem(app.upload_fee_audit(&supplier.id, &advisor, AUDIT).await, 403).await;
    let repay = "worker_ref,amount,currency,paid_on\nW1,1,USD,2026-03-01\n";
    assert_problem(app.upload_repayments(id, &advisor, repay).await, 403).await;
    assert_eq!(app.get_fee_audit(id, &advisor).await.status(), 200);
    assert_eq!(app.list_fee_audits(&supplier.id, &advisor).await.status(), 200);
}

#[tokio::test]
async fn a_supplier_sees_its_own_audits_only_and_cannot_upload() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let mine = supplier_with_user(&app, &company, "Kain Garments").await;
    let other = supplier_with_user(&app, &company, "Batik Works").await;
    let my_audit = uploaded_audit(&app, &company, &mine.id).await;
    let other_audit = uploaded_audit(&app, &company, &other.id).await;
    let other_id = other_audit["id"].as_str().unwrap();

    let read: Value = app
        .get_fee_audit(my_audit["id"].as_str().unwrap(), &mine.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["workers"].as_array().unwrap().len(), 4);
    let list: Value = app
        .list_fee_audits(&mine.id, &mine.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);

    assert_problem(app.get_fee_audit(other_id, &mine.token).await, 404).await;
    assert_problem(app.list_fee_audits(&other.id, &mine.token).await, 404).await;
    let repay = "worker_ref,amount,currency,paid_on\nW1,1,USD,2026-03-01\n";
    assert_problem(app.upload_repayments(other_id, &mine.token, repay).await, 404).await;
    assert_problem(app.upload_fee_audit(&mine.id, &mine.token, AUDIT).await, 403).await;
    // The company's registry and rates are not the supplier's to see.
    assert_problem(app.list_recruiters(&company.id, &mine.token).await, 404).await;
    assert_problem(app.list_fx_rates(&company.id, &mine.token, "").await, 404).await;
}

#[tokio::test]
async fn another_companys_ids_are_404_on_every_route() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;
    let id = audit["id"].as_str().unwrap();
    let recruiters: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    let recruiter = recruiters["items"][0]["id"].as_str().unwrap();
    let stranger = app.registered_company().await;
    let t = stranger.token.as_str();
    let repay = "worker_ref,amount,currency,paid_on\nW1,1,USD,2026-03-01\n";

    assert_problem(app.upload_fee_audit(&supplier.id, t, AUDIT).await, 404).await;
    assert_problem(app.list_fee_audits(&supplier.id, t).await, 404).await;
    assert_problem(app.get_fee_audit(id, t).await, 404).await;
    assert_problem(app.upload_repayments(id, t, repay).await, 404).await;
    assert_problem(app.upload_fx_rates(&company.id, t, RATES).await, 404).await;
    assert_problem(app.list_fx_rates(&company.id, t, "").await, 404).await;
    assert_problem(app.list_recruiters(&company.id, t).await, 404).await;
    assert_problem(app.get_recruiter(recruiter, t).await, 404).await;
    assert_problem(
        app.patch_recruiter(recruiter, t, &json!({"iris_status": "none"}))
            .await,
        404,
    )
    .await;
    // Unknown ids look the same.
    let nil = uuid::Uuid::nil().to_string();
    assert_problem(app.get_fee_audit(&nil, &company.token).await, 404).await;
    assert_problem(app.get_recruiter(&nil, &company.token).await, 404).await;
}
