//! Recurring assessments: sent when due by the daily job, then every N months.

use chrono::Months;
use domain::jobs::{self, JobOptions};
use serde_json::{Value, json};

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn a_schedule_sends_when_due_and_moves_on() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Every Six Months").await;
    let questionnaire = app.standard_questionnaire(&company).await;
    let path = format!("/companies/{}/assessment-schedules", company.id);
    let created = app
        .post_json(&path, Some(&company.token), &json!({"supplier_id": supplier.supplier_id, "questionnaire_id": questionnaire, "every_months": 6}))
        .await;
    assert_eq!(created.status(), 201);
    let schedule: Value = created.json().await.unwrap();
    let today = chrono::Utc::now().date_naive();
    assert_eq!(schedule["next_send_on"], today.to_string().as_str());

    let run_daily_job = || async {
        jobs::enqueue(
            &app.db,
            &domain::assessments::SendScheduledAssessments {
                day: chrono::Utc::now().date_naive(),
            },
            JobOptions::default(),
        )
        .await
        .unwrap();
        app.run_jobs().await;
    };
    run_daily_job().await;
    let mine: Value = app
        .get_api(
            &format!("/suppliers/{}/assessments", supplier.supplier_id),
            Some(&supplier.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(
        mine[0]["due_date"],
        (today + chrono::Duration::days(30)).to_string().as_str()
    );
    let listed: Value = app
        .get_api(&path, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed[0]["next_send_on"],
        (today + Months::new(6)).to_string().as_str()
    );

    // The same day again sends nothing more.
    run_daily_job().await;
    let mine: Value = app
        .get_api(
            &format!("/suppliers/{}/assessments", supplier.supplier_id),
            Some(&supplier.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1);

    let stopped = app
        .client
        .delete(app.url(&format!(
            "/api/v1/assessment-schedules/{}",
            schedule["id"].as_str().unwrap()
        )))
        .bearer_auth(&company.token)
        .send()
        .await
        .unwrap();
    assert_eq!(stopped.status(), 200);
    assert_eq!(stopped.json::<Value>().await.unwrap()["active"], false);
}

#[tokio::test]
async fn schedules_are_validated_and_guarded() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "S").await;
    let questionnaire = app.standard_questionnaire(&company).await;
    let path = format!("/companies/{}/assessment-schedules", company.id);
    let bad = app
        .post_json(
            &path,
            Some(&company.token),
            &json!({"supplier_id": supplier.supplier_id, "questionnaire_id": questionnaire, "every_months": 0, "due_in_days": 999, "first_send_on": "2001-01-01"}),
        )
        .await;
    assert_eq!(
        assert_problem(bad, 422).await["errors"].as_array().unwrap().len(),
        3
    );
    let advisor = app.advisor_of(&company).await;
    let body =
        json!({"supplier_id": supplier.supplier_id, "questionnaire_id": questionnaire, "every_months": 12});
    assert_problem(app.post_json(&path, Some(&advisor), &body).await, 403).await;
    let other = app.registered_company().await;
    assert_problem(app.post_json(&path, Some(&other.token), &body).await, 404).await;
    assert_problem(app.get_api(&path, Some(&other.token)).await, 404).await;
}
