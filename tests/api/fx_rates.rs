//! `POST/GET /companies/{cid}/fx-rates`: all-or-nothing upload, replacement of a
//! (currency, date) already stored, filters and pagination, roles.

use domain::entities::fx_rate;
use serde_json::Value;

use crate::{
    fee_audits::{RATES, advisor_token, count},
    helpers::{assert_problem, spawn_app},
};

#[tokio::test]
async fn rates_are_stored_listed_and_replaced() {
    let app = spawn_app().await;
    let company = app.registered_company().await;

    let response = app.upload_fx_rates(&company.id, &company.token, RATES).await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.json::<Value>().await.unwrap()["stored"], 2);

    // A new rate for a date already stored replaces it; a new date is added.
    let update = "currency,date,usd_per_unit\nNPR,2026-01-01,0.0074\nNPR,2026-02-01,0.0073\n";
    let response = app.upload_fx_rates(&company.id, &company.token, update).await;
    assert_eq!(response.json::<Value>().await.unwrap()["stored"], 2);
    assert_eq!(count::<fx_rate::Entity>(&app).await, 3);

    let list: Value = app
        .list_fx_rates(&company.id, &company.token, "?currency=npr")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 2);
    let rates: Vec<(&str, &str, &str)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap(),
                r["usd_per_unit"].as_str().unwrap(),
                r["source"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rates,
        [
            ("2026-02-01", "0.0073", "upload"),
            ("2026-01-01", "0.0074", "upload")
        ]
    );
    let page: Value = app
        .list_fx_rates(&company.id, &company.token, "?per_page=1&page=3")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (&page["total"], page["items"].as_array().unwrap().len()),
        (&Value::from(3), 1)
    );
    assert_eq!(page["items"][0]["currency"], "NPR");
    assert_problem(
        app.list_fx_rates(&company.id, &company.token, "?currency=XYZ")
            .await,
        422,
    )
    .await;
}

#[tokio::test]
async fn a_bad_rates_file_is_422_with_every_bad_row_and_stores_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let csv = "currency,date,usd_per_unit\nNPR,2026-01-01,0.0075\nABC,2026-01-01,1\nMYR,2026-13-01,0\n";

    let problem = assert_problem(app.upload_fx_rates(&company.id, &company.token, csv).await, 422).await;

    let errors: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    assert_eq!(errors, [(3, "currency"), (4, "date"), (4, "usd_per_unit")]);
    assert_eq!(count::<fx_rate::Entity>(&app).await, 0);
}

#[tokio::test]
async fn advisors_read_rates_but_only_officers_and_admins_upload_them() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let advisor = advisor_token(&app, &company).await;

    assert_problem(app.upload_fx_rates(&company.id, &advisor, RATES).await, 403).await;
    assert_eq!(app.list_fx_rates(&company.id, &advisor, "").await.status(), 200);
    let response = app
        .client
        .post(app.url(&format!("/api/v1/companies/{}/fx-rates", company.id)))
        .bearer_auth(&company.token)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem(response, 415).await;
    assert_eq!(count::<fx_rate::Entity>(&app).await, 0);
}
