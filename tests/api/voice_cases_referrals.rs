//! Referrals on a case (issue 20): recorded only with the worker's consent (how,
//! when), to a service of the company's own directory; later their outcome;
//! audited; listed on the case; staff only.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::{
    helpers::{assert_problem, spawn_app},
    voice::voice_world,
};

#[tokio::test]
async fn voice_cases_a_referral_needs_consent_and_records_its_outcome() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let admin = world.company.token.clone();
    let services: Value = app
        .get_api(
            &format!("/companies/{}/referral-services", world.company.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let service = services["items"][0]["id"].as_str().unwrap().to_string();
    let report = app
        .voice_report(
            &world.token,
            &json!({"category": "wages_withheld", "description": "Two months unpaid.", "locale": "en"}),
        )
        .await;
    assert_eq!(report.status(), 201);
    let case = app.voice_cases(&world.company).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/voice/cases/{case}/referrals");

    // Without consent: 422 naming it, nothing stored.
    let refused = app
        .post_json(
            &path,
            Some(&admin),
            &json!({"service_id": service, "consent_method": "verbal"}),
        )
        .await;
    let problem = assert_problem(refused, 422).await;
    assert!(problem.to_string().contains("consent_given"), "{problem}");
    let refused = app
        .post_json(
            &path,
            Some(&admin),
            &json!({"service_id": service, "consent_given": false, "consent_method": "verbal"}),
        )
        .await;
    assert_problem(refused, 422).await;
    let no_method = app
        .post_json(
            &path,
            Some(&admin),
            &json!({"service_id": service, "consent_given": true}),
        )
        .await;
    assert_problem(no_method, 422).await;
    // Another company's service is not in this directory.
    let other = app.registered_company().await;
    let foreign: Value = app
        .post_json(
            &format!("/companies/{}/referral-services", other.id),
            Some(&other.token),
            &json!({"country": "MY", "kind": "ngo", "name": "Other Directory Entry",
                    "url": "https://example.org", "description": "x", "example": true}),
        )
        .await
        .json()
        .await
        .unwrap();
    let foreign = app
        .post_json(
            &path,
            Some(&admin),
            &json!({"service_id": foreign["id"], "consent_given": true, "consent_method": "verbal"}),
        )
        .await;
    assert_problem(foreign, 422).await;
    let case_json: Value = app
        .get_api(&format!("/voice/cases/{case}"), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case_json["referrals"], json!([]), "refusals store nothing");

    // With consent: recorded, listed on the case.
    let made = app
        .post_json(
            &path,
            Some(&admin),
            &json!({"service_id": service, "consent_given": true, "consent_method": "in_message",
                    "consent_at": "2026-01-15T09:30:00Z"}),
        )
        .await;
    assert_eq!(made.status(), 201);
    let made: Value = made.json().await.unwrap();
    assert_eq!(made["consent_method"], "in_message");
    assert_eq!(made["outcome"], Value::Null);
    let referral = made["id"].as_str().unwrap().to_string();

    // Outsiders: 404; the supplier's users too.
    for token in [&world.supplier_token, &other.token] {
        assert_problem(
            app.post_json(
                &path,
                Some(token),
                &json!({"service_id": service, "consent_given": true, "consent_method": "verbal"}),
            )
            .await,
            404,
        )
        .await;
        assert_problem(
            app.patch_json(
                &format!("/voice/referrals/{referral}"),
                token,
                &json!({"outcome": "assisted"}),
            )
            .await,
            404,
        )
        .await;
    }

    // The outcome: one of the fixed set, with a note.
    assert_problem(
        app.patch_json(
            &format!("/voice/referrals/{referral}"),
            &admin,
            &json!({"outcome": "great"}),
        )
        .await,
        422,
    )
    .await;
    let outcome = app
        .patch_json(
            &format!("/voice/referrals/{referral}"),
            &admin,
            &json!({"outcome": "assisted", "note": "The helpline filed the wage claim."}),
        )
        .await;
    assert_eq!(outcome.status(), 200);
    let case_json: Value = app
        .get_api(&format!("/voice/cases/{case}"), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case_json["referrals"][0]["outcome"], "assisted");
    assert_eq!(
        case_json["referrals"][0]["outcome_note"],
        "The helpline filed the wage claim."
    );
    assert_eq!(case_json["referrals"][0]["consent_at"], "2026-01-15T09:30:00Z");

    // Audited, without the note.
    let audit = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT action, after FROM audit_events WHERE action LIKE 'voice_referral.%'".to_string(),
        ))
        .await
        .unwrap();
    assert_eq!(audit.len(), 2);
    for row in &audit {
        let after: String = row
            .try_get_by_index::<String>(1)
            .or_else(|_| row.try_get_by_index::<Value>(1).map(|v| v.to_string()))
            .unwrap();
        assert!(!after.contains("wage claim"), "{after}");
    }
}

#[tokio::test]
async fn voice_cases_origin_country_services_follow_the_workers_nationality() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    // A demonstration entry for Nepali nationals (not a real contact).
    let embassy = app
        .post_json(
            &format!("/companies/{}/referral-services", world.company.id),
            Some(&world.company.token),
            &json!({"country": "MY", "kind": "other", "name": "Example Embassy Labour Desk",
                    "url": "https://example.org/labour-desk", "description": "Demonstration entry.",
                    "example": true, "serves_nationals": ["np"]}),
        )
        .await;
    assert_eq!(embassy.status(), 201);
    let embassy: Value = embassy.json().await.unwrap();
    assert_eq!(embassy["serves_nationals"], json!(["NP"]));
    let bad = app
        .post_json(
            &format!("/companies/{}/referral-services", world.company.id),
            Some(&world.company.token),
            &json!({"country": "MY", "kind": "other", "name": "Bad", "url": "https://example.org",
                    "serves_nationals": ["Nepal"]}),
        )
        .await;
    assert_problem(bad, 422).await;

    let names = |receipt: &Value| -> Vec<String> {
        receipt["referrals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    let nepali: Value = app
        .voice_report(
            &world.token,
            &json!({"category": "debt", "description": "The agent's loan.", "nationality": "NP", "locale": "en"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        names(&nepali),
        ["Example Migrant Helpline", "Example Embassy Labour Desk"]
    );
    let checked: Value = app
        .voice_check(
            nepali["case_code"].as_str().unwrap(),
            nepali["secret"].as_str().unwrap(),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(&checked), names(&nepali));
    for other in [json!({"nationality": "BD"}), json!({})] {
        let mut body = json!({"category": "debt", "description": "The agent's loan.", "locale": "en"});
        if let Some(n) = other.get("nationality") {
            body["nationality"] = n.clone();
        }
        let receipt: Value = app.voice_report(&world.token, &body).await.json().await.unwrap();
        assert_eq!(names(&receipt), ["Example Migrant Helpline"], "{other}");
    }
    let refused = app
        .voice_report(
            &world.token,
            &json!({"category": "debt", "description": "x", "nationality": "Atlantis", "locale": "en"}),
        )
        .await;
    let problem = assert_problem(refused, 422).await;
    assert!(problem.to_string().contains("nationality"), "{problem}");
}
