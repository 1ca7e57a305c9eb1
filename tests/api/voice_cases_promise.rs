//! The response-time promise (issue 20): admins set the days to a first answer;
//! workers read it on the receipt and when checking their case; the metrics
//! measure the share of cases first answered within it and the median time.

use chrono::{Duration, Utc};
use domain::entities::voice_case;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
use serde_json::{Value, json};

use crate::{
    helpers::{TestApp, assert_problem, spawn_app},
    portal_flow::Portal,
    voice::voice_world,
};

async fn set_promise(app: &TestApp, cid: &str, token: &str, days: Value) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/companies/{cid}/voice/promise")))
        .bearer_auth(token)
        .json(&json!({ "response_days": days }))
        .send()
        .await
        .unwrap()
}

async fn metrics(app: &TestApp, cid: &str, token: &str) -> Value {
    let response = app
        .get_api(&format!("/companies/{cid}/voice/metrics"), Some(token))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn voice_promise_is_set_by_admins_shown_to_workers_and_measured() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let cid = world.company.id.clone();
    let admin = world.company.token.clone();

    // No promise yet: nothing shown, nothing measured.
    let receipt: Value = app
        .voice_report(
            &world.token,
            &json!({"category": "housing", "description": "Twelve to a room.", "locale": "en"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(receipt["response_promise_days"], Value::Null);
    let none = metrics(&app, &cid, &admin).await;
    assert_eq!(none["promise_days"], Value::Null);
    assert_eq!(none["share_within_promise"], Value::Null);

    // Refusals change nothing.
    assert_problem(set_promise(&app, &cid, &admin, json!(0)).await, 422).await;
    assert_problem(set_promise(&app, &cid, &admin, json!(91)).await, 422).await;
    assert_problem(
        set_promise(&app, &cid, &world.supplier_token, json!(5)).await,
        404,
    )
    .await;
    let other = app.registered_company().await;
    assert_problem(set_promise(&app, &cid, &other.token, json!(5)).await, 404).await;
    let advisor = app.advisor_of(&world.company).await;
    assert_problem(set_promise(&app, &cid, &advisor, json!(5)).await, 403).await;
    assert_eq!(metrics(&app, &cid, &admin).await["promise_days"], Value::Null);

    let set = set_promise(&app, &cid, &admin, json!(5)).await;
    assert_eq!(set.status(), 200);
    assert_eq!(set.json::<Value>().await.unwrap()["response_days"], 5);

    // The worker reads it on the receipt and on the check.
    let receipt: Value = app
        .voice_report(
            &world.token,
            &json!({"category": "excessive_hours", "description": "Sundays too.", "locale": "en"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(receipt["response_promise_days"], 5);
    let checked: Value = app
        .voice_check(
            receipt["case_code"].as_str().unwrap(),
            receipt["secret"].as_str().unwrap(),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(checked["response_promise_days"], 5);
    let worker = Portal::new(&app, "en");
    let page = worker
        .post_raw(
            &format!("/v/{}", world.token),
            &[("category", "housing"), ("description", "No water.")],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("The company promises a first answer within 5 days."),
        "{}",
        page.body
    );

    // Measured: the first case was reported ten days ago and answered now (late);
    // the second is answered at once (in time); the third is not yet due.
    let cases = app.voice_cases(&world.company).await;
    let ids: Vec<String> = cases["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 3, "newest first");
    let oldest = voice_case::Entity::find_by_id(ids[2].parse::<uuid::Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut active = oldest.into_active_model();
    active.created_at = Set(Utc::now() - Duration::days(10));
    active.update(&app.db).await.unwrap();
    for id in [&ids[2], &ids[1]] {
        let replied = app
            .voice_message(id, &admin, "reply", "We are looking into it.")
            .await;
        assert_eq!(replied.status(), 201);
    }
    let measured = metrics(&app, &cid, &admin).await;
    assert_eq!(measured["promise_days"], 5);
    assert_eq!(measured["promise_due"], 2);
    assert_eq!(measured["answered_within_promise"], 1);
    assert_eq!(measured["share_within_promise"], 0.5);
    assert!(measured["median_hours_to_first_response"].as_f64().unwrap() > 100.0);

    // The portal's cases page shows it; its form refuses a bad number beside it.
    let officer = Portal::new(&app, "en");
    officer.login(&world.company.email, "a-long-password-1").await;
    let list = officer.get(&format!("/companies/{cid}/voice")).await;
    assert!(list.body.contains("id=\"within-promise\">50%<"), "{}", list.body);
    let refused = officer
        .post(
            &format!("/companies/{cid}/voice/promise"),
            &[("response_days", "400")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("id=\"response_days-error\""),
        "{}",
        refused.body
    );
    assert_eq!(metrics(&app, &cid, &admin).await["promise_days"], 5);
    let saved = officer
        .post(
            &format!("/companies/{cid}/voice/promise"),
            &[("response_days", "3")],
        )
        .await;
    assert_eq!(saved.status, 303);
    assert_eq!(metrics(&app, &cid, &admin).await["promise_days"], 3);
}
