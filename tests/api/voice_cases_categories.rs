//! The case categories of issue 20: deception (contract substitution) and debt
//! (debt bondage) are offered, urgent like restricted movement, documents
//! held, threats and under age; a confirmed case of either becomes a
//! zero-tolerance finding on its ILO indicator that moves the supplier's score.

use serde_json::{Value, json};

use crate::{
    fixtures::small_definition, helpers::spawn_app, scoring_model2::assessment_json, voice::voice_world,
};

#[tokio::test]
async fn voice_cases_deception_debt_and_restricted_movement_are_urgent_and_mapped() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let info: Value = app
        .get_api(&format!("/voice/{}", world.token), None)
        .await
        .json()
        .await
        .unwrap();
    let offered: Vec<(&str, bool)> = info["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["key"].as_str().unwrap(), c["urgent"].as_bool().unwrap()))
        .collect();
    for key in ["deception", "debt", "restricted_movement"] {
        assert!(offered.contains(&(key, true)), "{key} urgent in {offered:?}");
    }
    for (category, indicator) in [
        ("deception", "deception"),
        ("debt", "debt_bondage"),
        ("restricted_movement", "restriction_of_movement"),
    ] {
        let receipt = app
            .voice_report(
                &world.token,
                &json!({"category": category, "description": "What happened to us.", "locale": "en"}),
            )
            .await;
        assert_eq!(receipt.status(), 201);
        let receipt: Value = receipt.json().await.unwrap();
        assert_eq!(receipt["urgent"], true, "{category}");
        let cases = app.voice_cases(&world.company).await;
        let case = cases["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == receipt["case_code"])
            .unwrap();
        assert_eq!(case["indicator"], indicator);
        assert_eq!(case["urgent"], true);
    }
    // A category the form does not offer is still refused.
    let refused = app
        .voice_report(
            &world.token,
            &json!({"category": "contract", "description": "x", "locale": "en"}),
        )
        .await;
    assert_eq!(refused.status(), 422);
}

#[tokio::test]
async fn voice_cases_a_confirmed_deception_case_is_zero_tolerance_and_changes_the_score() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let company = &world.company;
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
            &json!({"category": "deception", "description": "The contract we signed here pays half of what was promised at home.", "locale": "en"}),
        )
        .await;
    assert_eq!(report.status(), 201);
    let case_id = app.voice_cases(company).await["items"][0]["id"]
        .as_str()
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
    // The handler picked "minor"; contract substitution on worse terms is zero
    // tolerance, so priority (one severity for one fact).
    let finding = app
        .post_json(
            &format!("/voice/cases/{case_id}/findings"),
            Some(&company.token),
            &json!({"severity": "minor", "title": "Contract substituted on arrival", "detail": "Pay the promised wage."}),
        )
        .await;
    assert_eq!(finding.status(), 201);
    let finding: Value = finding.json().await.unwrap();
    assert_eq!(finding["indicator"], "deception");
    assert_eq!(finding["severity"], "priority");
    assert_eq!(finding["zero_tolerance"], true);

    app.run_jobs().await;
    let scored = assessment_json(&app, &company.token, &id).await;
    assert_eq!(scored["risk_band"], "critical");
    let floors = scored["score_breakdown"]["floors"].as_array().unwrap();
    assert!(
        floors
            .iter()
            .any(|f| f["rule"] == "zero_tolerance" && f["findings"][0]["indicator"] == "deception"),
        "{floors:?}"
    );
}
