//! `POST /fee-audits/{id}/repayments`: outstanding amounts go down, over-repayment is
//! shown, bad files store nothing, and a settled audit's repay action becomes `done`.

use domain::entities::{corrective_action, finding, repayment};
use sea_orm::EntityTrait;
use serde_json::Value;

use super::{company_with_rates, count, supplier_with_user, uploaded_audit};
use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn repayments_reduce_what_is_owed_and_over_repayment_is_reported() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;
    let id = audit["id"].as_str().unwrap();

    // The supplier repays: W1 exactly what they paid in NPR (USD 967.50), W2 USD 100
    // where 75.00 was owed.
    let csv = "worker_ref,amount,currency,paid_on\nW1,129000,NPR,2026-03-01\nW2,100,USD,2026-03-02\n";
    let response = app.upload_repayments(id, &supplier.token, csv).await;

    assert_eq!(response.status(), 201);
    let after: Value = response.json().await.unwrap();
    let worker = |r: &str| {
        after["workers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["worker_ref"] == r)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            worker("W1")["repaid_usd"].as_str(),
            worker("W1")["remaining_usd"].as_str()
        ),
        (Some("967.50"), Some("0.00"))
    );
    assert_eq!(worker("W2")["remaining_usd"], "0.00");
    assert_eq!(worker("W2")["over_repaid_usd"], "25.00");
    assert_eq!(worker("W4")["remaining_usd"], "300.00");
    let totals = &after["repayments"];
    assert_eq!(totals["total_outstanding_usd"], "1342.50");
    assert_eq!(totals["total_repaid_usd"], "1067.50");
    assert_eq!(
        totals["total_remaining_usd"], "300.00",
        "over-repaying W2 does not pay off W4"
    );
    assert_eq!(totals["total_over_repaid_usd"], "25.00");
    assert_eq!(totals["workers_still_owed"], 1);
    assert_eq!(totals["settled"], false);
    let action = corrective_action::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(action.status, "open", "still owed");

    // The last worker is repaid: nothing is owed, the repay action waits for verification.
    let response = app
        .upload_repayments(
            id,
            &company.token,
            "worker_ref,amount,currency,paid_on\nW4,300,USD,2026-03-03\n",
        )
        .await;
    assert_eq!(response.status(), 201);
    let settled: Value = response.json().await.unwrap();
    assert_eq!(settled["repayments"]["total_remaining_usd"], "0.00");
    assert_eq!(settled["repayments"]["settled"], true);
    let action = corrective_action::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(action.status, "done");
    // An officer verifies the repayment: the finding closes.
    let verified = app
        .client
        .patch(app.url(&format!("/api/v1/actions/{}", action.id)))
        .bearer_auth(&company.token)
        .json(&serde_json::json!({"status": "verified"}))
        .send()
        .await
        .unwrap();
    assert_eq!(verified.status(), 200);
    let closed = finding::Entity::find_by_id(action.finding_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(closed.status, "closed");
    assert_eq!(count::<repayment::Entity>(&app).await, 3);
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    assert_eq!(read["repayments"], settled["repayments"]);
}

#[tokio::test]
async fn an_unknown_worker_or_bad_row_is_422_and_nothing_is_recorded() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Kain Garments").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;
    let id = audit["id"].as_str().unwrap();
    let csv = "worker_ref,amount,currency,paid_on\nW1,100,USD,2026-03-01\nW9,10,USD,2026-03-01\nW2,-5,USD,2026-03-01\n";

    let problem = assert_problem(app.upload_repayments(id, &supplier.token, csv).await, 422).await;

    let errors: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    assert_eq!(errors, [(3, "worker_ref"), (4, "amount")]);
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("W9"));
    assert_eq!(count::<repayment::Entity>(&app).await, 0);
    let read: Value = app.get_fee_audit(id, &company.token).await.json().await.unwrap();
    assert_eq!(read["repayments"]["total_repaid_usd"], "0.00");
}
