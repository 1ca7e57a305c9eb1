//! End to end: submit → the worker scores → score, band, breakdown, findings and
//! the supplier's band; a re-run adds nothing; corrective actions and review.

use chrono::Duration;
use domain::{
    assessments::ScoreAssessment,
    entities::{finding, supplier_risk_history},
    jobs::{self, JobOptions},
};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::{
    fixtures::{SupplierUser, small_definition},
    helpers::{Company, TestApp, assert_problem, spawn_app},
};

/// A company with its risk pinned (MY 40, electronics 20), a supplier user, and a
/// submitted small assessment: fees paid (100 × 5), hours 66 (60 × 3).
async fn submitted(app: &TestApp) -> (Company, SupplierUser, String) {
    let company = app.registered_company().await;
    app.pin_risks(
        &company,
        &json!({"countries": {"MY": {"risk": 40}}, "sectors": {"electronics": {"risk": 20}}}),
    )
    .await;
    let supplier = app.supplier_with_user(&company, "Selangor Circuits").await;
    let created_id = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &created_id)
        .await;
    let saved = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 66}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.submit(&supplier.token, &id).await.status(), 202);
    (company, supplier, id)
}

#[tokio::test]
async fn the_worker_scores_a_submitted_assessment() {
    let app = spawn_app().await;
    let (company, supplier, id) = submitted(&app).await;
    app.run_jobs().await;

    let scored: Value = app
        .get_api(&format!("/assessments/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    // P = (100×5 + 60×3) / (5+3) = 85; I = max(40, 20) = 40; S = 0.7×85 + 0.3×40 = 71.5 → high.
    // The definition marks paid fees zero tolerance, but under model 2 a paid fee is
    // a priority finding (one severity for one fact): the floor is high.
    assert_eq!(scored["status"], "scored");
    assert_eq!(scored["score"], 71.5);
    assert_eq!(scored["risk_band"], "high");
    assert_eq!(scored["scoring_model"], "fairhire-scoring-2");
    let breakdown = &scored["score_breakdown"];
    assert_eq!(breakdown["model_version"], "fairhire-scoring-2");
    assert_eq!(breakdown["band_before_floors"], "high");
    assert_eq!(breakdown["floor"]["applied"], "high");
    assert_eq!(breakdown["components"]["practice"]["value"], 85.0);
    assert_eq!(breakdown["components"]["inherent"]["value"], 40.0);
    assert_eq!(breakdown["components"]["inherent"]["country_overridden"], true);
    assert_eq!(breakdown["components"]["fee"], Value::Null);
    assert_eq!(breakdown["questions"].as_array().unwrap().len(), 2);
    assert_eq!(breakdown["questions"][0]["key"], "fees.paid");
    assert_eq!(breakdown["questions"][0]["points"], 500.0);

    let findings: Value = app
        .get_api(&format!("/assessments/{id}/findings"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["severity"], "priority");
    assert_eq!(
        findings[0]["zero_tolerance"], false,
        "a paid fee is never zero tolerance"
    );
    assert_eq!(findings[0]["indicator"], "recruitment_fees");
    assert_eq!(findings[0]["question_key"], "fees.paid");
    assert_eq!(findings[0]["title"], "Workers paid recruitment fees");
    assert_eq!(findings[0]["status"], "open");

    let supplier_now: Value = app
        .get_api(
            &format!("/suppliers/{}", supplier.supplier_id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(supplier_now["risk_score"], 71.5);
    assert_eq!(supplier_now["risk_band"], "high");
    // The supplier sees its own findings.
    assert_eq!(
        app.get_api(&format!("/assessments/{id}/findings"), Some(&supplier.token))
            .await
            .status(),
        200
    );

    // Running the job again changes nothing.
    let assessment_id = id.parse().unwrap();
    jobs::enqueue(&app.db, &ScoreAssessment { assessment_id }, JobOptions::default())
        .await
        .unwrap();
    app.run_jobs().await;
    assert_eq!(finding::Entity::find().count(&app.db).await.unwrap(), 1);
    let again: Value = app
        .get_api(&format!("/assessments/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["score"], 71.5);
    assert_eq!(
        supplier_risk_history::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        2,
        "each scoring kept"
    );
}

#[tokio::test]
async fn new_risk_overrides_rescore_the_supplier() {
    let app = spawn_app().await;
    let (company, supplier, id) = submitted(&app).await;
    app.run_jobs().await;
    let lowered = app
        .client
        .put(app.url(&format!("/api/v1/companies/{}/risk-overrides", company.id)))
        .bearer_auth(&company.token)
        .json(&json!({"countries": {"MY": {"risk": 0}}, "sectors": {"electronics": {"risk": 0}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(lowered.status(), 200);
    app.run_jobs().await;
    // S = 0.7 × 85 + 0.3 × 0 = 59.5.
    let scored: Value = app
        .get_api(&format!("/assessments/{id}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(scored["score"], 59.5);
    let now: Value = app
        .get_api(
            &format!("/suppliers/{}", supplier.supplier_id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(now["risk_score"], 59.5);
}

#[tokio::test]
async fn corrective_actions_follow_the_role_rules_and_close_the_finding() {
    let app = spawn_app().await;
    let (company, supplier, id) = submitted(&app).await;
    app.run_jobs().await;
    let advisor = app.advisor_of(&company).await;
    let findings: Value = app
        .get_api(&format!("/assessments/{id}/findings"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let finding_id = findings[0]["id"].as_str().unwrap().to_string();

    // The supplier cannot create actions.
    let denied = app
        .post_json(
            &format!("/findings/{finding_id}/actions"),
            Some(&supplier.token),
            &json!({"description": "x"}),
        )
        .await;
    assert_problem(denied, 403).await;
    let created = app
        .post_json(
            &format!("/findings/{finding_id}/actions"),
            Some(&company.token),
            &json!({"description": "Repay every worker the fees they paid", "owner_email": supplier.email}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let action: Value = created.json().await.unwrap();
    let expected_due = (chrono::Utc::now() + Duration::days(90)).date_naive().to_string();
    assert_eq!(
        action["due_date"],
        expected_due.as_str(),
        "priority: done within 90 days"
    );
    let action_id = action["id"].as_str().unwrap().to_string();
    let path = format!("/actions/{action_id}");

    assert_eq!(
        app.patch_json(
            &path,
            &supplier.token,
            &json!({"status": "in_progress", "note": "started"})
        )
        .await
        .status(),
        200
    );
    assert_problem(
        app.patch_json(&path, &supplier.token, &json!({"status": "verified"}))
            .await,
        403,
    )
    .await;
    assert_eq!(
        app.patch_json(&path, &supplier.token, &json!({"status": "done"}))
            .await
            .status(),
        200
    );
    assert_problem(
        app.patch_json(&path, &advisor, &json!({"status": "finished"}))
            .await,
        422,
    )
    .await;
    assert_eq!(
        app.patch_json(&path, &advisor, &json!({"status": "verified"}))
            .await
            .status(),
        200
    );

    let findings: Value = app
        .get_api(&format!("/assessments/{id}/findings"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        findings[0]["status"], "closed",
        "every action verified closes the finding"
    );
    let actions: Value = app
        .get_api(&format!("/findings/{finding_id}/actions"), Some(&supplier.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(actions[0]["status"], "verified");

    // Another company sees none of it.
    let other = app.registered_company().await;
    assert_problem(
        app.get_api(&format!("/findings/{finding_id}/actions"), Some(&other.token))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.patch_json(&path, &other.token, &json!({"status": "open"}))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.patch_json(
            &format!("/findings/{finding_id}"),
            &other.token,
            &json!({"title": "x"}),
        )
        .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn review_returns_then_approves() {
    let app = spawn_app().await;
    let (company, supplier, id) = submitted(&app).await;
    let review = |token: String, body: Value| {
        let app = &app;
        let path = format!("/assessments/{id}/review");
        async move { app.post_json(&path, Some(&token), &body).await }
    };
    // Not scored yet.
    assert_problem(
        review(
            company.token.clone(),
            json!({"decision": "approve", "comment": "ok"}),
        )
        .await,
        409,
    )
    .await;
    app.run_jobs().await;
    assert_problem(
        review(
            supplier.token.clone(),
            json!({"decision": "approve", "comment": "ok"}),
        )
        .await,
        403,
    )
    .await;
    assert_problem(
        review(company.token.clone(), json!({"decision": "maybe"})).await,
        422,
    )
    .await;
    assert_problem(
        review(company.token.clone(), json!({"decision": "return"})).await,
        422,
    )
    .await;

    let advisor = app.advisor_of(&company).await;
    let returned = review(
        advisor.clone(),
        json!({"decision": "return", "comment": "Say how much workers paid"}),
    )
    .await;
    assert_eq!(returned.status(), 200);
    let returned: Value = returned.json().await.unwrap();
    assert_eq!(returned["status"], "returned");
    assert_eq!(returned["review_comment"], "Say how much workers paid");

    // The supplier edits and submits again; the worker scores it again.
    let edited = app
        .save_answers(&supplier.token, &id, &json!({"fees.amount_known": "yes"}))
        .await;
    assert_eq!(edited.status(), 200);
    assert_eq!(edited.json::<Value>().await.unwrap()["status"], "in_progress");
    assert_eq!(app.submit(&supplier.token, &id).await.status(), 202);
    app.run_jobs().await;
    let approved = review(advisor, json!({"decision": "approve", "comment": "Thank you"})).await;
    assert_eq!(approved.status(), 200);
    assert_eq!(approved.json::<Value>().await.unwrap()["status"], "approved");
    assert_eq!(
        finding::Entity::find().count(&app.db).await.unwrap(),
        1,
        "the re-scoring added no duplicate finding"
    );
}

#[tokio::test]
async fn a_reviewer_adds_and_edits_findings() {
    let app = spawn_app().await;
    let (company, supplier, id) = submitted(&app).await;
    app.run_jobs().await;
    let advisor = app.advisor_of(&company).await;
    let added = app
        .post_json(
            &format!("/assessments/{id}/findings"),
            Some(&advisor),
            &json!({"severity": "major", "indicator": "deception", "title": "Contracts only in English", "detail": "Seen in 5 of 5 files"}),
        )
        .await;
    assert_eq!(added.status(), 201);
    let added: Value = added.json().await.unwrap();
    assert_eq!(added["source"], "manual");
    let bad = app
        .post_json(
            &format!("/assessments/{id}/findings"),
            Some(&advisor),
            &json!({"severity": "huge", "indicator": "nope", "title": ""}),
        )
        .await;
    assert_eq!(
        assert_problem(bad, 422).await["errors"].as_array().unwrap().len(),
        3
    );
    let denied = app
        .post_json(
            &format!("/assessments/{id}/findings"),
            Some(&supplier.token),
            &json!({"severity": "minor", "indicator": "deception", "title": "x"}),
        )
        .await;
    assert_problem(denied, 403).await;
    let edited = app
        .patch_json(
            &format!("/findings/{}", added["id"].as_str().unwrap()),
            &advisor,
            &json!({"severity": "priority"}),
        )
        .await;
    assert_eq!(edited.status(), 200);
    assert_eq!(edited.json::<Value>().await.unwrap()["severity"], "priority");
}

#[tokio::test]
async fn a_reviewer_confirms_a_red_flag_finding_once() {
    let app = spawn_app().await;
    let (company, supplier, _) = submitted(&app).await;
    app.run_jobs().await;
    let raised = finding::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(raised.len(), 1, "the red flag raised one finding");
    let fid = raised[0].id;
    assert_eq!(
        raised[0].confirmed_at, None,
        "a rule's finding starts unconfirmed"
    );
    let path = format!("/findings/{fid}");

    let denied = app
        .patch_json(&path, &supplier.token, &json!({"confirmed": true}))
        .await;
    assert_problem(denied, 403).await;
    let advisor = app.advisor_of(&company).await;
    let withdrawn = app
        .patch_json(&path, &advisor, &json!({"confirmed": false}))
        .await;
    let problem = assert_problem(withdrawn, 422).await;
    assert_eq!(problem["errors"][0]["field"], "confirmed");

    let confirmed = app.patch_json(&path, &advisor, &json!({"confirmed": true})).await;
    assert_eq!(confirmed.status(), 200);
    let body: Value = confirmed.json().await.unwrap();
    let first_at = body["confirmed_at"]
        .as_str()
        .expect("a confirmation date")
        .to_string();
    assert!(body["confirmed_by"].is_string());
    assert_eq!(body["status"], "open", "confirming does not close it");

    // Confirming again keeps the first date and person.
    let again: Value = app
        .patch_json(&path, &company.token, &json!({"confirmed": true}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["confirmed_at"], first_at);
    assert_eq!(again["confirmed_by"], body["confirmed_by"]);
    let stored = finding::Entity::find_by_id(fid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.confirmed_by.map(|u| u.to_string()).as_deref(),
        body["confirmed_by"].as_str()
    );
}

/// Scoring sets the supplier's risk from its latest scored assessment, read by
/// the `UPDATE` itself: re-scoring an older assessment leaves the newer one's
/// risk in place. Each scoring writes its findings in one statement, stored as
/// the assessment reads them; on PostgreSQL the breakdown is compressed with lz4.
#[tokio::test]
async fn rescoring_an_older_assessment_keeps_the_latest_risk_on_the_supplier() {
    use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
    let app = spawn_app().await;
    let (company, supplier, older) = submitted(&app).await;
    app.run_jobs().await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("second", 1))
        .await;
    let newer = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    // Fees paid and 90 hours: two flags (priority and major), another score.
    let saved = app
        .save_answers(
            &supplier.token,
            &newer,
            &json!({"fees.paid": "yes", "fees.amount_known": "yes", "hours.max_weekly": 90}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.submit(&supplier.token, &newer).await.status(), 202);
    app.run_jobs().await;
    let read = |id: String| {
        let app = &app;
        let token = company.token.clone();
        async move {
            app.get_api(&id, Some(&token))
                .await
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let older_view = read(format!("/assessments/{older}")).await;
    let newer_view = read(format!("/assessments/{newer}")).await;
    assert_ne!(older_view["score"], newer_view["score"]);
    let supplier_path = format!("/suppliers/{}", supplier.supplier_id);
    let risk = |view: &Value| json!([view["risk_score"], view["risk_band"]]);
    let expected = json!([newer_view["score"], newer_view["risk_band"]]);
    assert_eq!(risk(&read(supplier_path.clone()).await), expected);

    let older_id = uuid::Uuid::parse_str(&older).unwrap();
    let rescored = domain::assessments::score_assessment(&app.db, older_id)
        .await
        .unwrap()
        .expect("a scored assessment is scored again");
    assert!(rescored.new_findings.is_empty(), "a re-run adds no finding");
    assert_eq!(risk(&read(supplier_path).await), expected);

    // The newer one's two flags: one statement wrote both findings, each
    // whole, as the assessment's findings list shows them.
    let findings = read(format!("/assessments/{newer}/findings")).await;
    let mut raised: Vec<String> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["source"], "red_flag");
            assert_eq!(f["status"], "open");
            assert_eq!(f["assessment_id"], newer.as_str());
            format!(
                "{} {} {}",
                f["severity"].as_str().unwrap(),
                f["question_key"].as_str().unwrap(),
                f["detail"].as_str().unwrap()
            )
        })
        .collect();
    raised.sort();
    assert_eq!(
        raised,
        [
            "major hours.max_weekly Answer to hours.max_weekly: 90",
            "priority fees.paid Answer to fees.paid: \"yes\""
        ]
    );

    if app.db.get_database_backend() == DatabaseBackend::Postgres {
        let row = app
            .db
            .query_one_raw(Statement::from_string(
                DatabaseBackend::Postgres,
                "SELECT attcompression::text AS method FROM pg_attribute \
                 WHERE attrelid = 'assessments'::regclass AND attname = 'score_breakdown'",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get::<String>("", "method").unwrap(), "l", "lz4");
    }
}
