//! Scoring model 2 end to end: a gate answered "We do not know" asks its
//! follow-ups; the validator refuses an unknown option below the answer that shows
//! them; findings from a confirmed worker-voice case and from a reviewer set the
//! floors (re-scoring at once); a stored model-1 result stays readable and
//! labelled model 1 until the admin's re-score (or `fairhire rescore --all`) moves
//! every supplier to model 2, each result going into the risk history.

use domain::entities::{assessment, supplier_risk_history};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::{Value, json};

use crate::{
    fixtures::{SupplierUser, small_definition},
    helpers::{Company, TestApp, assert_problem, spawn_app},
    voice::voice_world,
};

/// A gate with "We do not know" (as risky as "yes", which shows the follow-up),
/// a required follow-up, and a number question.
fn gated_definition(unknown_risk: u32) -> Value {
    json!({
        "key": "gated", "version": 1, "title": {"en": "Gated"}, "default_locale": "en",
        "sections": [{"key": "s", "title": {"en": "S"}, "questions": [
            {"key": "loans.any", "type": "single_choice", "required": true,
             "text": {"en": "Did any worker borrow to pay for the job?"},
             "indicators": ["debt_bondage"], "weight": 3,
             "options": [{"value": "no", "label": {"en": "No"}, "risk": 0},
                         {"value": "yes", "label": {"en": "Yes"}, "risk": 80},
                         {"value": "unknown", "label": {"en": "We do not know"}, "risk": unknown_risk, "unknown": true}]},
            {"key": "loans.lender", "type": "single_choice", "required": true,
             "text": {"en": "Who lent the money?"}, "indicators": ["debt_bondage"], "weight": 2,
             "options": [{"value": "bank", "label": {"en": "A bank"}, "risk": 30},
                         {"value": "recruiter", "label": {"en": "The recruiter"}, "risk": 100}],
             "show_if": {"question": "loans.any", "equals": "yes"}},
            {"key": "hours.max_weekly", "type": "number", "required": true, "min": 0, "max": 168,
             "text": {"en": "Highest weekly hours"}, "indicators": ["excessive_overtime"], "weight": 3,
             "risk_ranges": [{"max": 60, "risk": 0}, {"min": 60, "risk": 60}]}
        ]}]
    })
}

/// A company with its context pinned at risk 0 (MY, electronics), so that bands
/// come from the answers and the floors alone.
pub async fn quiet_company(app: &TestApp) -> Company {
    let company = app.registered_company().await;
    app.pin_risks(
        &company,
        &json!({"countries": {"MY": {"risk": 0}}, "sectors": {"electronics": {"risk": 0}}}),
    )
    .await;
    company
}

pub async fn assessment_json(app: &TestApp, token: &str, id: &str) -> Value {
    let response = app.get_api(&format!("/assessments/{id}"), Some(token)).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_gate_answered_unknown_asks_its_follow_ups_and_submit_lists_them_as_missing() {
    let app = spawn_app().await;
    let company = quiet_company(&app).await;
    // An unknown option below "yes" is refused, at its path, and nothing is stored.
    let refused = app
        .post_json(
            &format!("/companies/{}/questionnaires", company.id),
            Some(&company.token),
            &gated_definition(50),
        )
        .await;
    let problem = assert_problem(refused, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["sections[0].questions[0].options[2]"]);
    let listed: Value = app
        .get_api(
            &format!("/companies/{}/questionnaires", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let gated_stored = listed.to_string().contains("\"gated\"");
    assert!(!gated_stored, "a refused definition is not stored: {listed}");

    let questionnaire = app.company_questionnaire(&company, &gated_definition(80)).await;
    let supplier = app.supplier_with_user(&company, "Selangor Circuits").await;
    let id = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let saved = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"loans.any": "unknown", "hours.max_weekly": 48}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    let problem = assert_problem(app.submit(&supplier.token, &id).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "loans.lender");
    assert_eq!(problem["errors"].as_array().unwrap().len(), 1);

    // Answered, it is submitted and scored: "We do not know" (80 × 3) and the
    // lender (100 × 2), hours 0 × 3: P = 440 / 8 = 55, S = 0.7 × 55 = 38.5.
    let saved = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"loans.any": "unknown", "loans.lender": "recruiter", "hours.max_weekly": 48}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.submit(&supplier.token, &id).await.status(), 202);
    app.run_jobs().await;
    let scored = assessment_json(&app, &company.token, &id).await;
    assert_eq!(scored["score"], 38.5);
    assert_eq!(scored["risk_band"], "medium");
    assert_eq!(
        scored["score_breakdown"]["questions"].as_array().unwrap().len(),
        3
    );
}

/// A small assessment of a supplier in a risk-0 context, scored: fees no, hours 48
/// → S = 0, low.
pub async fn scored_low(app: &TestApp, company: &Company, name: &str) -> (SupplierUser, String) {
    let supplier = app.supplier_with_user(company, name).await;
    let questionnaire = app
        .company_questionnaire(company, &small_definition(&format!("small-{}", name.len()), 1))
        .await;
    let id = app
        .send_assessment(company, &supplier.supplier_id, &questionnaire)
        .await;
    let saved = app
        .save_answers(
            &supplier.token,
            &id,
            &json!({"fees.paid": "no", "hours.max_weekly": 48}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.submit(&supplier.token, &id).await.status(), 202);
    app.run_jobs().await;
    let scored = assessment_json(app, &company.token, &id).await;
    assert_eq!(scored["risk_band"], "low");
    (supplier, id)
}

#[tokio::test]
async fn reviewer_findings_on_ilo_indicators_raise_the_band_by_their_number() {
    let app = spawn_app().await;
    let company = quiet_company(&app).await;
    let (_, id) = scored_low(&app, &company, "Kedah Plastics").await;
    let advisor = app.advisor_of(&company).await;
    let mut added_ids = Vec::new();
    for (indicator, band) in [
        // A fair-recruitment principle alone sets no floor.
        ("transparency_of_terms", "low"),
        ("deception", "medium"),
        ("isolation", "high"),
        ("excessive_overtime", "critical"),
    ] {
        let added = app
            .post_json(
                &format!("/assessments/{id}/findings"),
                Some(&advisor),
                &json!({"severity": "major", "indicator": indicator, "title": format!("Seen: {indicator}"), "detail": "On site"}),
            )
            .await;
        assert_eq!(added.status(), 201);
        let added: Value = added.json().await.unwrap();
        added_ids.push(added["id"].as_str().unwrap().to_string());
        // Adding a finding queues the re-score.
        app.run_jobs().await;
        let scored = assessment_json(&app, &company.token, &id).await;
        assert_eq!(scored["score"], 0.0, "floors never change the score");
        assert_eq!(scored["risk_band"], band, "after {indicator}");
    }
    let scored = assessment_json(&app, &company.token, &id).await;
    let floors = scored["score_breakdown"]["floors"].as_array().unwrap();
    assert_eq!(floors.len(), 1);
    assert_eq!(floors[0]["rule"], "ilo_indicators");
    assert_eq!(
        floors[0]["indicators"],
        json!(["deception", "excessive_overtime", "isolation"])
    );
    // Closing one brings the band down to high (two indicators left).
    let closed = app
        .patch_json(
            &format!("/findings/{}", added_ids[3]),
            &advisor,
            &json!({"status": "closed"}),
        )
        .await;
    assert_eq!(closed.status(), 200);
    app.run_jobs().await;
    assert_eq!(
        assessment_json(&app, &company.token, &id).await["risk_band"],
        "high"
    );
    // Every scoring went into the history.
    let history = supplier_risk_history::Entity::find()
        .filter(supplier_risk_history::Column::AssessmentId.eq(id.parse::<uuid::Uuid>().unwrap()))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(history.len(), 6, "first scoring, four findings, one closed");
    assert!(history.iter().all(|h| h.model_version == "fairhire-scoring-2"));
}

#[tokio::test]
async fn a_confirmed_voice_case_of_retained_passports_makes_the_supplier_critical() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let company = &world.company;
    // The world's supplier, scored low in a risk-0 context.
    app.pin_risks(
        company,
        &json!({"countries": {"MY": {"risk": 0}}, "sectors": {"electronics": {"risk": 0}}}),
    )
    .await;
    let questionnaire = app
        .company_questionnaire(company, &small_definition("small", 1))
        .await;
    let id = app
        .send_assessment(company, &world.supplier_id, &questionnaire)
        .await;
    let saved = app
        .save_answers(
            &world.supplier_token,
            &id,
            &json!({"fees.paid": "no", "hours.max_weekly": 48}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    assert_eq!(app.submit(&world.supplier_token, &id).await.status(), 202);
    app.run_jobs().await;
    assert_eq!(
        assessment_json(&app, &company.token, &id).await["risk_band"],
        "low"
    );

    let report = app
        .voice_report(
            &world.token,
            &json!({"category": "documents_held", "description": "The supervisor keeps our passports in his office.", "locale": "en"}),
        )
        .await;
    assert_eq!(report.status(), 201);
    let cases = app.voice_cases(company).await;
    let case_id = cases["items"][0]["id"]
        .as_str()
        .or_else(|| cases[0]["id"].as_str())
        .unwrap()
        .to_string();
    let confirmed = app
        .patch_json(
            &format!("/voice/cases/{case_id}"),
            &company.token,
            &json!({"status": "confirmed"}),
        )
        .await;
    assert_eq!(confirmed.status(), 200);
    // The handler picked "major"; a confirmed case of retained documents is zero
    // tolerance, so priority, whatever was picked.
    let finding = app
        .post_json(
            &format!("/voice/cases/{case_id}/findings"),
            Some(&company.token),
            &json!({"severity": "major", "title": "Passports held by the supervisor", "detail": "Return them."}),
        )
        .await;
    assert_eq!(finding.status(), 201);
    let finding: Value = finding.json().await.unwrap();
    assert_eq!(finding["zero_tolerance"], true);
    assert_eq!(finding["severity"], "priority");
    assert_eq!(finding["indicator"], "retention_of_identity_documents");

    // The finding queued the re-score.
    app.run_jobs().await;
    let scored = assessment_json(&app, &company.token, &id).await;
    assert_eq!(scored["score"], 0.0);
    assert_eq!(scored["risk_band"], "critical");
    let floors = scored["score_breakdown"]["floors"].as_array().unwrap();
    let rules: Vec<&str> = floors.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["ilo_indicators", "priority_finding", "zero_tolerance"]);
    assert_eq!(floors[2]["findings"][0]["source"], "worker_voice");
    assert_eq!(
        floors[2]["findings"][0]["title"],
        "Passports held by the supervisor"
    );
    let supplier: Value = app
        .get_api(&format!("/suppliers/{}", world.supplier_id), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(supplier["risk_band"], "critical");
}

/// Makes a stored result look as model 1 left it: its breakdown named
/// `fairhire-scoring-1` (or, older still, nothing) and its history row model 1.
async fn as_model_1(app: &TestApp, id: &str, name_the_model: bool) {
    let row = assessment::Entity::find_by_id(id.parse::<uuid::Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut breakdown = row.score_breakdown.clone().unwrap();
    let object = breakdown.as_object_mut().unwrap();
    object.remove("floors");
    if name_the_model {
        object.insert("model_version".into(), json!("fairhire-scoring-1"));
    } else {
        object.remove("model_version");
    }
    let mut active = row.into_active_model();
    active.score_breakdown = Set(Some(breakdown));
    active.update(&app.db).await.unwrap();
    supplier_risk_history::Entity::update_many()
        .col_expr(
            supplier_risk_history::Column::ModelVersion,
            sea_orm::sea_query::Expr::value("fairhire-scoring-1"),
        )
        .exec(&app.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn model_1_results_stay_labelled_until_a_rescore_moves_every_supplier_to_model_2() {
    let app = spawn_app().await;
    let company = quiet_company(&app).await;
    let (_, first) = scored_low(&app, &company, "Johor Metal Works").await;
    let (_, second) = scored_low(&app, &company, "Perak Textiles").await;
    as_model_1(&app, &first, true).await;
    as_model_1(&app, &second, false).await;
    for id in [&first, &second] {
        let stored = assessment_json(&app, &company.token, id).await;
        assert_eq!(stored["scoring_model"], "fairhire-scoring-1", "{id}");
        assert_eq!(stored["risk_band"], "low");
    }

    assert!(
        crate::reports::rendered_text(&app, &company, &first, "en")
            .await
            .contains("fairhire-scoring-1")
    );

    // Admins only: an advisor gets 403, another company 404, and nothing is queued.
    let advisor = app.advisor_of(&company).await;
    let path = format!("/companies/{}/rescore", company.id);
    assert_problem(app.post_json(&path, Some(&advisor), &json!({})).await, 403).await;
    let other = app.registered_company().await;
    assert_problem(app.post_json(&path, Some(&other.token), &json!({})).await, 404).await;
    app.run_jobs().await;
    let history = supplier_risk_history::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(history.len(), 2, "refused calls re-score nothing");

    let queued = app.post_json(&path, Some(&company.token), &json!({})).await;
    assert_eq!(queued.status(), 202);
    assert_eq!(queued.json::<Value>().await.unwrap(), json!({"enqueued": 2}));
    app.run_jobs().await;
    for id in [&first, &second] {
        let rescored = assessment_json(&app, &company.token, id).await;
        assert_eq!(rescored["scoring_model"], "fairhire-scoring-2", "{id}");
        assert_eq!(rescored["score_breakdown"]["model_version"], "fairhire-scoring-2");
    }
    let text = crate::reports::rendered_text(&app, &company, &first, "en").await;
    assert!(text.contains("fairhire-scoring-2") && !text.contains("fairhire-scoring-1"));
    let history = supplier_risk_history::Entity::find().all(&app.db).await.unwrap();
    let model_2 = history
        .iter()
        .filter(|h| h.model_version == "fairhire-scoring-2")
        .count();
    assert_eq!(model_2, 2, "one new history row per supplier");
    assert_eq!(history.len(), 4, "the model-1 rows stay");

    // `fairhire rescore --all` queues the same, for every company.
    let (_, third) = scored_low(&app, &other, "Sabah Palm Estates").await;
    as_model_1(&app, &third, true).await;
    let queued = fairhire::rescore::rescore_all(&app.db).await.unwrap();
    assert_eq!(queued, 3, "one per supplier with a scored assessment");
    app.run_jobs().await;
    let rescored = assessment_json(&app, &other.token, &third).await;
    assert_eq!(rescored["scoring_model"], "fairhire-scoring-2");
}

#[tokio::test]
async fn declared_worker_origins_raise_the_inherent_risk_and_re_score_the_supplier() {
    let app = spawn_app().await;
    let company = quiet_company(&app).await;
    // Nepal pinned at 80 for this company: the figure the origins must bring in.
    app.pin_risks(
        &company,
        &json!({"countries": {"MY": {"risk": 0}, "NP": {"risk": 80}, "IN": {"risk": 90}},
                "sectors": {"electronics": {"risk": 0}}}),
    )
    .await;
    let (supplier, id) = scored_low(&app, &company, "Penang Boards").await;
    // 60% from Nepal: origin_risk 80 → I = 80 ≥ 70 → at least medium.
    let scored = declare(
        &app,
        &company,
        &supplier.supplier_id,
        &id,
        json!([{"country": "NP", "share": 0.6}, {"country": "IN", "share": 0.05}]),
    )
    .await;
    let inherent = &scored["score_breakdown"]["components"]["inherent"];
    assert_eq!(inherent["origin_risk"], 80.0, "{inherent}");
    assert_eq!(inherent["value"], 80.0);
    assert_eq!(
        inherent["origins_counted"],
        json!([{"country": "NP", "share": 0.6, "country_risk": 80.0}]),
        "India gives under 10% of the workers: not counted"
    );
    assert_eq!(scored["risk_band"], "medium");
    assert_eq!(
        scored["score_breakdown"]["floors"][0]["rule"],
        "high_inherent_risk"
    );

    // The portal says it in words, with names, never codes.
    let portal = crate::portal_flow::Portal::new(&app, "en");
    portal.login(&company.email, "a-long-password-1").await;
    let page = portal.get(&format!("/suppliers/{}", supplier.supplier_id)).await;
    assert_eq!(page.status, 200);
    for said in [
        "<dd id=\"country\">Malaysia</dd>",
        "Malaysia × Electronics: critical inherent risk (80 / 100)",
        "Workers come from Nepal: origin risk 80 / 100",
        "The context is high-risk (inherent risk 80 / 100): a self-assessment alone never makes it low, so the band is at least Medium.",
    ] {
        assert!(page.body.contains(said), "{said}\n{}", page.body);
    }
    // So does the report, in the summary and the context section.
    let report = crate::reports::rendered_text(&app, &company, &id, "en").await;
    assert!(
        report.contains("Malaysia×Electronics:criticalinherentrisk(80.0/100)"),
        "{report}"
    );
    assert!(
        report.contains("Thecontextishigh-risk(inherentrisk80.0/100)"),
        "{report}"
    );
    // Workers from the site's own country are not migrants: no origin risk.
    let scored = declare(
        &app,
        &company,
        &supplier.supplier_id,
        &id,
        json!([{"country": "MY", "share": 1}]),
    )
    .await;
    assert_eq!(
        scored["score_breakdown"]["components"]["inherent"]["origin_risk"],
        0.0
    );
    assert_eq!(scored["risk_band"], "low");
}

/// Declares the supplier's worker origins, runs the re-score it queues, and reads
/// the assessment back.
async fn declare(app: &TestApp, company: &Company, sid: &str, id: &str, origins: Value) -> Value {
    let patched = app
        .patch_json(
            &format!("/suppliers/{sid}"),
            &company.token,
            &json!({"worker_origins": origins}),
        )
        .await;
    assert_eq!(patched.status(), 200);
    app.run_jobs().await;
    assessment_json(app, &company.token, id).await
}
