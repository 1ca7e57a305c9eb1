//! The recruiter registry: one entry per recruiter across suppliers (matched by
//! normalised name and country), figures from each supplier's latest audit, and the
//! licence and IRIS details the company records.

use serde_json::{Value, json};

use super::{add_supplier, advisor_token, company_with_rates, uploaded_audit};
use crate::helpers::{assert_problem, spawn_app};

/// Supplier B's audit: one worker paid USD `amount` to "SUNRISE  MANPOWER." (the same
/// recruiter as "Sunrise Manpower", spelt differently) on a USD 300 wage.
fn second_audit(amount: u32) -> String {
    format!(
        "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on\n\
         X1,NP,SUNRISE  MANPOWER.,NP,2026-02-01,300,USD,recruitment_fee,{amount},USD,2026-01-20\n"
    )
}

#[tokio::test]
async fn the_registry_sums_the_latest_audit_of_every_supplier() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (a, _) = add_supplier(&app, &company, "Kain Garments").await;
    let (b, _) = add_supplier(&app, &company, "Batik Works").await;
    uploaded_audit(&app, &company, &a).await;
    let first_b = app.upload_fee_audit(&b, &company.token, &second_audit(400)).await;
    assert_eq!(first_b.status(), 201);
    // A newer audit of B supersedes the first one: it is not added to it.
    let latest_b = app.upload_fee_audit(&b, &company.token, &second_audit(500)).await;
    assert_eq!(latest_b.status(), 201);
    let latest_b: Value = latest_b.json().await.unwrap();

    let response = app.list_recruiters(&company.id, &company.token).await;

    assert_eq!(response.status(), 200);
    let list: Value = response.json().await.unwrap();
    assert_eq!(list["total"], 2);
    let sunrise = &list["items"][0];
    assert_eq!(sunrise["name"], "Sunrise Manpower");
    assert_eq!(sunrise["country"], "NP");
    assert_eq!(sunrise["suppliers"], 2);
    assert_eq!(sunrise["workers"], 3);
    assert_eq!(sunrise["workers_who_paid"], 3);
    assert_eq!(
        sunrise["fees_usd"], "1617.50",
        "1,117.50 from A and 500.00 from B's latest audit"
    );
    assert_eq!(
        sunrise["debt_bondage_risks"], 2,
        "W1 of A (loan) and X1 of B (1.67 months)"
    );
    assert_eq!(sunrise["iris_certified"], false);
    assert_eq!(sunrise["licence_number"], Value::Null);
    let dhaka = &list["items"][1];
    assert_eq!(
        (
            &dhaka["name"],
            &dhaka["suppliers"],
            &dhaka["workers"],
            &dhaka["workers_who_paid"],
            &dhaka["fees_usd"]
        ),
        (
            &json!("Dhaka Links"),
            &json!(1),
            &json!(2),
            &json!(1),
            &json!("300.00")
        )
    );

    // One recruiter, per supplier.
    let id = sunrise["id"].as_str().unwrap();
    let detail: Value = app.get_recruiter(id, &company.token).await.json().await.unwrap();
    assert_eq!(detail["fees_usd"], "1617.50");
    let shares = detail["by_supplier"].as_array().unwrap();
    let of_b = shares.iter().find(|s| s["supplier_id"] == b.as_str()).unwrap();
    assert_eq!(
        (&of_b["fee_audit_id"], &of_b["fees_usd"]),
        (&latest_b["id"], &json!("500.00"))
    );
}

#[tokio::test]
async fn officers_record_licence_and_iris_certification_and_advisors_may_not() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let (a, _) = add_supplier(&app, &company, "Kain Garments").await;
    uploaded_audit(&app, &company, &a).await;
    let list: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    // The licences and IRIS status as recorded (recruiter_registry.rs covers the rest);
    // the contract's list fields follow them.
    let changes = json!({"licences": [{"number": "RA-1234/2024", "issuing_country": "NP",
                                       "authority": "Department of Foreign Employment", "expires_on": "2027-06-30"}],
                         "iris_status": "certified", "iris_status_on": "2026-01-10",
                         "iris_source": "IOM IRIS list"});

    let response = app.patch_recruiter(&id, &company.token, &changes).await;

    assert_eq!(response.status(), 200);
    let updated: Value = response.json().await.unwrap();
    assert_eq!(updated["licence_number"], "RA-1234/2024");
    assert_eq!(updated["licence_expires_on"], "2027-06-30");
    assert_eq!(updated["iris_certified"], true);
    assert_eq!(updated["fees_usd"], "1117.50", "the figures come with it");
    // An empty list clears; an absent field stays.
    let cleared: Value = app
        .patch_recruiter(&id, &company.token, &json!({"licences": []}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (&cleared["licence_number"], &cleared["iris_certified"]),
        (&Value::Null, &json!(true))
    );
    let bad = app
        .patch_recruiter(
            &id,
            &company.token,
            &json!({"licences": [{"number": "RA-1", "issuing_country": "NP", "authority": "DoFE",
                                  "expires_on": "30/06/2027"}]}),
        )
        .await;
    assert_problem(bad, 422).await;

    let advisor = advisor_token(&app, &company).await;
    assert_eq!(
        app.get_recruiter(&id, &advisor).await.status(),
        200,
        "advisors read"
    );
    assert_problem(
        app.patch_recruiter(&id, &advisor, &json!({"iris_status": "none"}))
            .await,
        403,
    )
    .await;
}
