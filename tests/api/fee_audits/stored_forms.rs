//! The per-worker results as stored: exact figures in chunks that read back exactly,
//! and audits stored before chunks (a `fee_audit_workers` row each, with typed columns
//! or, older still, a JSON document) still read, repaid and shown the same.

use domain::entities::{fee_audit_worker, fee_audit_worker_chunk};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::{Value, json};

use super::{company_with_rates, supplier_with_user, uploaded_audit};
use crate::helpers::{TestApp, spawn_app};

/// A decimal's text without trailing zeros (`"967.5000"` → `"967.5"`).
fn trimmed(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// The body of `audit` as the forms stored before scoring model 2 can show it: they
/// keep no sex, deduction or recruitment cost per worker (the summary keeps its own).
fn without_model_2_workers(audit: &Value) -> Value {
    let mut audit = audit.clone();
    for worker in audit["workers"].as_array_mut().unwrap() {
        worker["sex"] = json!("unknown");
        worker["deducted_from_wages"] = json!(false);
        worker["monthly_earnings_usd"] = Value::Null;
        worker["loan_interest_usd"] = Value::Null;
        worker["recruitment_cost_indicator"] = Value::Null;
    }
    audit
}

fn audit_id(audit: &Value) -> uuid::Uuid {
    audit["id"].as_str().unwrap().parse().unwrap()
}

async fn stored(app: &TestApp, audit: &Value) -> Vec<fee_audit_worker::Model> {
    let mut rows = fee_audit_worker::Entity::find()
        .filter(fee_audit_worker::Column::FeeAuditId.eq(audit_id(audit)))
        .all(&app.db)
        .await
        .unwrap();
    rows.sort_by(|a, b| a.worker_ref.cmp(&b.worker_ref));
    rows
}

/// Rewrites a freshly uploaded audit as audits were stored before chunks: a
/// `fee_audit_workers` row each, in the typed columns.
async fn store_as_rows(app: &TestApp, audit: &Value) {
    let id = audit_id(audit);
    let workers = domain::fee_audit::store::stored_workers(&app.db, id)
        .await
        .unwrap();
    fee_audit_worker_chunk::Entity::delete_many()
        .filter(fee_audit_worker_chunk::Column::FeeAuditId.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    for worker in &workers {
        let row = domain::fee_audit::store::new_row(id, worker).unwrap();
        fee_audit_worker::Entity::insert(row)
            .exec_without_returning(&app.db)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn worker_figures_are_stored_exact_and_shown_rounded() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;

    let workers = domain::fee_audit::store::stored_workers(&app.db, audit_id(&audit))
        .await
        .unwrap();
    let w1 = &workers[0];
    assert_eq!(w1.worker_ref, "W1");
    // W1: NPR 129,000 at 0.0075 = USD 967.50 on a USD 300 wage: 3.225 months exactly.
    let text = |value: rust_decimal::Decimal| trimmed(&value.to_string()).to_string();
    assert_eq!(
        (
            text(w1.fees_usd),
            text(w1.outstanding_usd),
            text(w1.monthly_wage_usd),
            text(w1.months_of_wages)
        ),
        ("967.5".into(), "967.5".into(), "300".into(), "3.225".into())
    );
    assert_eq!((w1.paid, w1.loan, w1.debt_bondage_risk), (true, true, true));
    assert_eq!(w1.recruiters, ["Sunrise Manpower"]);

    // Read back: the same body as the upload's answer, months rounded half away from zero.
    let id = audit["id"].as_str().unwrap();
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    assert_eq!(read, audit);
    assert_eq!(read["workers"][0]["months_of_wages"], "3.23");
}

#[tokio::test]
async fn an_audit_stored_as_typed_rows_reads_and_repays_the_same() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;
    store_as_rows(&app, &audit).await;

    let rows = stored(&app, &audit).await;
    let w1 = &rows[0];
    assert_eq!(w1.worker_ref, "W1");
    assert_eq!(w1.result, json!({}), "the typed form keeps nothing in `result`");
    let text = |value: &Option<String>| trimmed(value.as_deref().unwrap()).to_string();
    assert_eq!(
        (text(&w1.fees_usd), text(&w1.months_of_wages)),
        ("967.5".into(), "3.225".into())
    );
    assert_eq!(w1.recruiters.as_deref(), Some(r#"["Sunrise Manpower"]"#));

    let id = audit["id"].as_str().unwrap();
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    assert_eq!(
        read,
        without_model_2_workers(&audit),
        "an audit stored as rows is shown as it was"
    );

    // Repaying writes the total into the worker's row.
    let csv = "worker_ref,amount,currency,paid_on\nW1,129000,NPR,2026-03-01\n";
    let response = app.upload_repayments(id, &supplier.token, csv).await;
    assert_eq!(response.status(), 201);
    let rows = stored(&app, &audit).await;
    assert_eq!(trimmed(&rows[0].repaid_usd), "967.5");
    assert!(rows[1..].iter().all(|row| row.repaid_usd == "0.00"));
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    assert_eq!(read["workers"][0]["remaining_usd"], "0.00");
    assert_eq!(read["repayments"]["total_remaining_usd"], "375.00");
}

#[tokio::test]
async fn an_audit_stored_as_json_documents_reads_and_repays_the_same() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;
    store_as_rows(&app, &audit).await;

    // Rewrite every worker as uploads stored them before the typed columns: the money
    // rounded in the document, the exact amounts under "exact", the columns NULL.
    for row in stored(&app, &audit).await {
        let shown = |value: &Option<String>| {
            let exact: f64 = value.as_deref().unwrap().parse().unwrap();
            format!("{exact:.2}")
        };
        let exact = |value: &Option<String>| value.clone().unwrap();
        let document = json!({
            "worker_ref": row.worker_ref,
            "nationality": row.nationality,
            "hire_date": row.hire_date,
            "monthly_wage": shown(&row.monthly_wage),
            "wage_currency": row.wage_currency,
            "monthly_wage_usd": shown(&row.monthly_wage_usd),
            "fees_usd": shown(&row.fees_usd),
            "reimbursed_usd": shown(&row.reimbursed_usd),
            "outstanding_usd": shown(&row.outstanding_usd),
            "months_of_wages": shown(&row.months_of_wages),
            "paid": row.paid,
            "loan": row.loan,
            "debt_bondage_risk": row.debt_bondage_risk,
            "recruiters": serde_json::from_str::<Value>(row.recruiters.as_deref().unwrap()).unwrap(),
            "exact": {
                "fees_usd": exact(&row.fees_usd),
                "reimbursed_usd": exact(&row.reimbursed_usd),
                "outstanding_usd": exact(&row.outstanding_usd),
                "months_of_wages": exact(&row.months_of_wages),
            },
        });
        let mut old = row.into_active_model();
        old.result = Set(document);
        old.nationality = Set(None);
        old.hire_date = Set(None);
        old.monthly_wage = Set(None);
        old.wage_currency = Set(None);
        old.monthly_wage_usd = Set(None);
        old.fees_usd = Set(None);
        old.reimbursed_usd = Set(None);
        old.outstanding_usd = Set(None);
        old.months_of_wages = Set(None);
        old.paid = Set(None);
        old.loan = Set(None);
        old.debt_bondage_risk = Set(None);
        old.recruiters = Set(None);
        old.update(&app.db).await.unwrap();
    }
    assert!(
        stored(&app, &audit)
            .await
            .iter()
            .all(|row| row.nationality.is_none())
    );

    let id = audit["id"].as_str().unwrap();
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    assert_eq!(
        read,
        without_model_2_workers(&audit),
        "an old audit is shown as it was"
    );

    // Repaying reads the old rows' exact amounts: W1 owed exactly 967.50.
    let csv = "worker_ref,amount,currency,paid_on\nW1,129000,NPR,2026-03-01\n";
    let response = app.upload_repayments(id, &supplier.token, csv).await;
    assert_eq!(response.status(), 201);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["workers"][0]["worker_ref"], "W1");
    assert_eq!(after["workers"][0]["remaining_usd"], "0.00");
    assert_eq!(after["workers"][0]["over_repaid_usd"], "0.00");
    assert_eq!(after["repayments"]["total_remaining_usd"], "375.00");
    assert_eq!(after["repayments"]["workers_still_owed"], 2);
}

/// Worker references and recruiter names are the auditor's own text: quotes, commas,
/// backslashes and braces are stored and read back as written (inside the CSV of a
/// chunk).
#[tokio::test]
async fn any_text_in_names_is_stored_as_written() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let csv = "\
worker_ref,nationality,recruiter,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on
\"W,1 \"\"x\"\" \\ {y}\",BD,\"Agency \"\"A\"\", {Ltd} \\ NULL\",2026-03-01,1000,USD,medical,300,USD,2026-02-25
NULL,BD,Plain Agency,2026-03-01,1000,USD,none,0,USD,2026-02-25
";
    let response = app.upload_fee_audit(&supplier.id, &company.token, csv).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    let id = created["id"].as_str().unwrap();
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    let workers = read["workers"].as_array().unwrap();
    assert_eq!(workers.len(), 2);
    assert_eq!(workers[0]["worker_ref"], "NULL");
    assert_eq!(workers[1]["worker_ref"], "W,1 \"x\" \\ {y}");
    assert_eq!(workers[1]["recruiters"], json!(["Agency \"A\", {Ltd} \\ NULL"]));
    assert_eq!(workers[1]["fees_usd"], "300.00");
}
