//! Assessments: send, the supplier's draft answers validated by type, submit with
//! every missing key listed, the scoring job queued, 409 on a second submit, and
//! the role and tenant rules.

use domain::entities::job;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{Company, TestApp, assert_problem, spawn_app},
};

async fn small_questionnaire(app: &TestApp, company: &Company) -> String {
    app.company_questionnaire(company, &small_definition("small", 1))
        .await
}

#[tokio::test]
async fn a_supplier_answers_and_submits() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Selangor Circuits").await;
    let questionnaire = small_questionnaire(&app, &company).await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;

    let mine: Value = app
        .get_api(
            &format!("/suppliers/{}/assessments", supplier.supplier_id),
            Some(&supplier.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine[0]["id"], id.as_str());
    assert_eq!(mine[0]["status"], "sent");

    // Wrong values are named by key; nothing is stored.
    let bad = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"fees.paid": "maybe", "hours.max_weekly": 500, "nope": 1}),
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for key in ["fees.paid", "hours.max_weekly", "nope"] {
        assert!(fields.contains(&key), "{key} in {fields:?}");
    }

    // A draft: partial, merged; an answer to a hidden question is ignored.
    let draft = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"fees.paid": "no", "fees.amount_known": "yes"}),
        )
        .await;
    assert_eq!(draft.status(), 200);
    let draft: Value = draft.json().await.unwrap();
    assert_eq!(draft["status"], "in_progress");
    assert_eq!(draft["answers"], json!({"fees.paid": "no"}));

    // Submitting with a required question missing lists it.
    let problem = assert_problem(app.submit(&supplier.token, &id).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "hours.max_weekly");

    // Once "yes", the follow-up becomes required too.
    app.save_answers(&supplier.token, &id, &json!({"fees.paid": "yes"}))
        .await;
    let problem = assert_problem(app.submit(&supplier.token, &id).await, 422).await;
    let missing: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["fees.amount_known", "hours.max_weekly"]);

    let saved = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"fees.amount_known": "no", "hours.max_weekly": 66}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    let submitted = app.submit(&supplier.token, &id).await;
    assert_eq!(submitted.status(), 202);
    let submitted: Value = submitted.json().await.unwrap();
    assert_eq!(submitted["status"], "submitted");
    assert!(submitted["submitted_at"].is_string());
    assert_eq!(submitted["score"], Value::Null);

    let jobs = job::Entity::find()
        .filter(job::Column::Kind.eq("score_assessment"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].payload["assessment_id"], id.as_str());

    assert_problem(app.submit(&supplier.token, &id).await, 409).await;
    assert_problem(
        app.save_answers(&supplier.token, &id, &json!({"hours.max_weekly": 40}))
            .await,
        409,
    )
    .await;
}

#[tokio::test]
async fn send_validates_its_input() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "S").await;
    let foreign = app.supplier_with_user(&other, "F").await;
    let questionnaire = app.standard_questionnaire(&company).await;
    let path = format!("/companies/{}/assessments", company.id);
    let past = json!({"supplier_id": supplier.supplier_id, "questionnaire_id": questionnaire, "due_date": "2001-01-01"});
    assert_eq!(
        assert_problem(app.post_json(&path, Some(&company.token), &past).await, 422).await["errors"][0]["field"],
        "due_date"
    );
    let bad_date = json!({"supplier_id": supplier.supplier_id, "questionnaire_id": questionnaire, "due_date": "next week"});
    assert_problem(app.post_json(&path, Some(&company.token), &bad_date).await, 422).await;
    let foreign_supplier = json!({"supplier_id": foreign.supplier_id, "questionnaire_id": questionnaire, "due_date": "2099-01-01"});
    assert_problem(
        app.post_json(&path, Some(&company.token), &foreign_supplier)
            .await,
        422,
    )
    .await;
}

#[tokio::test]
async fn roles_and_tenants() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Mine").await;
    let sibling = app.supplier_with_user(&company, "Sibling").await;
    let questionnaire = app.standard_questionnaire(&company).await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;

    // The officer reads but does not answer.
    assert_eq!(
        app.get_api(&format!("/assessments/{id}"), Some(&company.token))
            .await
            .status(),
        200
    );
    assert_problem(app.save_answers(&company.token, &id, &json!({})).await, 403).await;
    assert_problem(app.submit(&company.token, &id).await, 403).await;

    // Another supplier of the same company and another company: 404.
    for token in [&sibling.token, &other.token] {
        assert_problem(app.get_api(&format!("/assessments/{id}"), Some(token)).await, 404).await;
        assert_problem(app.save_answers(token, &id, &json!({})).await, 404).await;
        assert_problem(app.submit(token, &id).await, 404).await;
        assert_problem(
            app.get_api(&format!("/assessments/{id}/findings"), Some(token))
                .await,
            404,
        )
        .await;
    }
    assert_problem(
        app.get_api(
            &format!("/companies/{}/assessments", company.id),
            Some(&other.token),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        app.get_api(
            &format!("/companies/{}/assessments", company.id),
            Some(&supplier.token),
        )
        .await,
        404,
    )
    .await;

    // An advisor cannot send.
    let advisor = app.advisor_of(&company).await;
    let denied = app
        .post_json(
            &format!("/companies/{}/assessments", company.id),
            Some(&advisor),
            &json!({"supplier_id": supplier.supplier_id, "questionnaire_id": questionnaire, "due_date": "2099-01-01"}),
        )
        .await;
    assert_problem(denied, 403).await;

    let list: Value = app
        .get_api(
            &format!("/companies/{}/assessments?status=sent", company.id),
            Some(&advisor),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_problem(
        app.get_api(
            &format!("/companies/{}/assessments?status=nope", company.id),
            Some(&advisor),
        )
        .await,
        422,
    )
    .await;
}
