//! The worker pulse (issue 20): five anonymous questions per site through the
//! channel's link; counts shown to staff only from five answers on (API and
//! portal); a contradiction with the supplier's questionnaire raises exactly one
//! finding for review; staff only. Run on SQLite and on PostgreSQL
//! (`FAIRHIRE_TEST_DATABASE_URL=… cargo test --test api voice_pulse`).

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::{
    helpers::{TestApp, assert_problem, spawn_app},
    portal_flow::Portal,
    scoring_model2::assessment_json,
    voice::{VoiceWorld, voice_world},
};

/// A questionnaire with the two standard-SAQ questions the pulse checks most.
fn saq_definition() -> Value {
    let choice = |key: &str, indicator: &str| {
        json!({"key": key, "type": "single_choice", "required": true,
               "text": {"en": key}, "indicators": [indicator], "weight": 5,
               "options": [
                  {"value": "no", "label": {"en": "No"}, "risk": 0},
                  {"value": "yes", "label": {"en": "Yes"}, "risk": 100}]})
    };
    json!({
        "key": "pulse-check", "version": 1,
        "title": {"en": "Fees and documents"}, "default_locale": "en",
        "sections": [{"key": "fees", "title": {"en": "Fees"}, "questions": [
            choice("fees.workers_paid_any", "recruitment_fees"),
            choice("docs.held", "retention_of_identity_documents"),
        ]}]
    })
}

/// The supplier declares that no worker paid and no document is held; the
/// assessment's id.
async fn supplier_declares_no_fees_no_documents(app: &TestApp, world: &VoiceWorld) -> String {
    let questionnaire = app.company_questionnaire(&world.company, &saq_definition()).await;
    let assessment = app
        .send_assessment(&world.company, &world.supplier_id, &questionnaire)
        .await;
    let saved = app
        .save_answers(
            &world.supplier_token,
            &assessment,
            &json!({"fees.workers_paid_any": "no", "docs.held": "no"}),
        )
        .await;
    assert_eq!(saved.status(), 200, "save answers");
    let submitted = app.submit(&world.supplier_token, &assessment).await;
    assert!(submitted.status().is_success(), "submit: {}", submitted.status());
    assessment
}

fn answers(paid: &str, passport: &str) -> Value {
    json!({
        "paid_fee": paid,
        "fee_amount": if paid == "yes" { "one_to_three_months" } else { "nothing" },
        "passport_holder": passport,
        "dormitory_free": "yes",
        "contract_matches": "yes",
    })
}

async fn answer(app: &TestApp, token: &str, body: &Value) {
    let response = app.post_json(&format!("/voice/{token}/pulse"), None, body).await;
    assert_eq!(response.status(), 201, "pulse answer");
}

async fn pulse(app: &TestApp, world: &VoiceWorld, token: &str) -> reqwest::Response {
    app.get_api(
        &format!("/voice/channels/{}/pulse", world.channel["id"].as_str().unwrap()),
        Some(token),
    )
    .await
}

async fn pulse_findings(app: &TestApp) -> Vec<(String, String)> {
    app.db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT indicator, status FROM findings WHERE source = 'worker_pulse'".to_string(),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.try_get_by_index::<String>(0).unwrap(),
                r.try_get_by_index::<String>(1).unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn voice_pulse_four_answers_show_nothing_six_show_counts_in_the_api_and_the_portal() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let officer = Portal::new(&app, "en");
    officer.login(&world.company.email, "a-long-password-1").await;
    let page_path = format!("/voice/channels/{}/pulse", world.channel["id"].as_str().unwrap());

    // The public form lists the five questions.
    let info: Value = app
        .get_api(&format!("/voice/{}?lang=fr", world.token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(info["pulse"].as_array().unwrap().len(), 5);
    assert_eq!(info["pulse"][0]["key"], "paid_fee");
    assert_eq!(info["pulse"][0]["options"][0]["label"], "Oui");

    for _ in 0..4 {
        answer(&app, &world.token, &answers("yes", "employer")).await;
    }
    let hidden = pulse(&app, &world, &world.company.token).await;
    assert_eq!(hidden.status(), 200);
    let hidden: Value = hidden.json().await.unwrap();
    assert_eq!(hidden["shown"], false);
    assert_eq!(hidden["answers"], Value::Null, "not even how many answered");
    assert_eq!(hidden["questions"], json!([]));
    assert_eq!(
        hidden["message"],
        "Not enough answers to show without risking identification."
    );
    let page = officer.get(&page_path).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"pulse-hidden\""), "{}", page.body);
    assert!(!page.body.contains("id=\"pulse-answers\""));
    assert!(!page.body.contains("<td>4</td>"), "no counts below five answers");

    // The portal's public page takes the fifth; the API the sixth.
    let worker = Portal::new(&app, "en");
    let form = worker.get(&format!("/v/{}/pulse", world.token)).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Who holds your passport?"));
    assert!(
        !form.body.to_ascii_lowercase().contains("set-cookie"),
        "no cookie in the page"
    );
    let refused = worker
        .post_raw(&format!("/v/{}/pulse", world.token), &[("paid_fee", "no")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("id=\"passport_holder-error\""),
        "{}",
        refused.body
    );
    let sent = worker
        .post_raw(
            &format!("/v/{}/pulse", world.token),
            &[
                ("paid_fee", "no"),
                ("fee_amount", "nothing"),
                ("passport_holder", "me"),
                ("dormitory_free", "no_dormitory"),
                ("contract_matches", "yes"),
            ],
        )
        .await;
    assert_eq!(sent.status, 200);
    assert!(sent.body.contains("id=\"pulse-thanks\""));
    answer(&app, &world.token, &answers("no", "me")).await;

    let shown: Value = pulse(&app, &world, &world.company.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(shown["shown"], true);
    assert_eq!(shown["answers"], 6);
    assert_eq!(shown["questions"].as_array().unwrap().len(), 5);
    assert_eq!(shown["questions"][0]["question"], "paid_fee");
    assert_eq!(
        shown["questions"][0]["options"],
        json!([{"option": "yes", "count": 4}, {"option": "no", "count": 2}])
    );
    assert_eq!(
        shown["questions"][2]["options"][1],
        json!({"option": "employer", "count": 4})
    );
    let page = officer.get(&page_path).await;
    assert!(page.body.contains("id=\"pulse-answers\""), "{}", page.body);
    assert!(page.body.contains("<strong>6</strong>"));
    assert!(
        page.body.contains("<td>The employer</td><td>4</td>"),
        "{}",
        page.body
    );
    // The cases page links to it.
    let list = officer
        .get(&format!("/companies/{}/voice", world.company.id))
        .await;
    assert!(list.body.contains(&page_path));

    // The stored rows hold the options and the day, nothing of the client.
    let columns = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT * FROM voice_pulse_answers".to_string(),
        ))
        .await
        .unwrap();
    assert_eq!(columns.len(), 6);
    let names = columns[0].column_names();
    for forbidden in ["ip", "user_agent", "cookie", "created_at", "phone"] {
        assert!(
            !names.iter().any(|n| n.contains(forbidden)),
            "{forbidden} in {names:?}"
        );
    }
}

#[tokio::test]
async fn voice_pulse_a_contradiction_with_the_questionnaire_raises_exactly_one_finding() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    supplier_declares_no_fees_no_documents(&app, &world).await;

    // Four answers: nothing is read yet, even though all say they paid.
    for _ in 0..4 {
        answer(&app, &world.token, &answers("yes", "me")).await;
    }
    assert!(pulse_findings(&app).await.is_empty(), "below five answers");
    // The fifth makes it five, four of them (80%) saying they paid.
    answer(&app, &world.token, &answers("no", "me")).await;
    assert_eq!(
        pulse_findings(&app).await,
        [("recruitment_fees".to_string(), "open".to_string())]
    );
    // More answers of the same kind raise no second finding.
    answer(&app, &world.token, &answers("yes", "me")).await;
    answer(&app, &world.token, &answers("yes", "me")).await;
    assert_eq!(pulse_findings(&app).await.len(), 1, "once per contradiction");
    // The finding waits for review: not confirmed.
    let confirmed = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT id FROM findings WHERE source = 'worker_pulse' AND confirmed_at IS NULL".to_string(),
        ))
        .await
        .unwrap();
    assert_eq!(confirmed.len(), 1);
}

#[tokio::test]
async fn voice_pulse_answers_that_agree_with_the_questionnaire_raise_no_finding() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    supplier_declares_no_fees_no_documents(&app, &world).await;
    for _ in 0..6 {
        answer(&app, &world.token, &answers("no", "me")).await;
    }
    // One in six holding their passport elsewhere is under one in five.
    answer(&app, &world.token, &answers("no", "someone_else")).await;
    assert!(pulse_findings(&app).await.is_empty());
}

#[tokio::test]
async fn voice_pulse_counts_are_for_the_company_staff_only() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    for _ in 0..5 {
        answer(&app, &world.token, &answers("no", "me")).await;
    }
    assert_problem(pulse(&app, &world, &world.supplier_token).await, 404).await;
    let other = app.registered_company().await;
    assert_problem(pulse(&app, &world, &other.token).await, 404).await;
    let unknown = app
        .get_api(
            &format!("/voice/channels/{}/pulse", uuid::Uuid::now_v7()),
            Some(&world.company.token),
        )
        .await;
    assert_problem(unknown, 404).await;
    let outsider = Portal::new(&app, "en");
    outsider.login(&other.email, "a-long-password-1").await;
    let page = outsider
        .get(&format!(
            "/voice/channels/{}/pulse",
            world.channel["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(page.status, 404);
}

#[tokio::test]
async fn voice_pulse_bad_answers_are_a_422_naming_the_field_and_store_nothing() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let mut bad = answers("no", "me");
    bad["passport_holder"] = json!("the-boss");
    let response = app
        .post_json(&format!("/voice/{}/pulse", world.token), None, &bad)
        .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert!(body.to_string().contains("passport_holder"), "{body}");
    let missing = app
        .post_json(&format!("/voice/{}/pulse", world.token), None, &json!({}))
        .await;
    assert_problem(missing, 422).await;
    let unknown = app
        .post_json("/voice/nosuchchannel/pulse", None, &answers("no", "me"))
        .await;
    assert_problem(unknown, 404).await;
    let stored = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT id FROM voice_pulse_answers".to_string(),
        ))
        .await
        .unwrap();
    assert!(stored.is_empty());
}

#[tokio::test]
async fn voice_pulse_a_contradiction_moves_the_score_only_once_staff_confirm_it() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let company = &world.company;
    app.pin_risks(
        company,
        &json!({"countries": {"MY": {"risk": 0}}, "sectors": {"electronics": {"risk": 0}}}),
    )
    .await;
    let assessment = supplier_declares_no_fees_no_documents(&app, &world).await;
    app.run_jobs().await;
    let band = |scored: &Value| scored["risk_band"].as_str().unwrap_or_default().to_string();
    let before = assessment_json(&app, &company.token, &assessment).await;
    assert_eq!(band(&before), "low", "{before}");

    // Five workers say the employer holds their passport: a zero-tolerance
    // finding is raised for review, and the score does not move yet.
    for _ in 0..5 {
        answer(&app, &world.token, &answers("no", "employer")).await;
    }
    let findings: Value = app
        .get_api(
            &format!("/assessments/{assessment}/findings"),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let raised: Vec<&Value> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["source"] == "worker_pulse")
        .collect();
    assert_eq!(raised.len(), 1, "{findings}");
    assert_eq!(raised[0]["confirmed_at"], Value::Null);
    let finding = raised[0]["id"].as_str().unwrap().to_string();
    app.run_jobs().await;
    assert_eq!(
        band(&assessment_json(&app, &company.token, &assessment).await),
        "low",
        "an unconfirmed pulse is a signal, not evidence"
    );

    // Confirmed by staff: it counts like any zero-tolerance finding.
    let confirmed = app
        .patch_json(
            &format!("/findings/{finding}"),
            &company.token,
            &json!({"confirmed": true}),
        )
        .await;
    assert_eq!(confirmed.status(), 200);
    app.run_jobs().await;
    let after = assessment_json(&app, &company.token, &assessment).await;
    assert_eq!(band(&after), "critical", "{after}");
    let floors = after["score_breakdown"]["floors"].as_array().unwrap();
    assert!(
        floors.iter().any(|f| f["rule"] == "zero_tolerance"
            && f["findings"]
                .as_array()
                .is_some_and(|found| found
                    .iter()
                    .any(|x| x["source"] == "worker_pulse"
                        && x["indicator"] == "retention_of_identity_documents"))),
        "{floors:?}"
    );
}
