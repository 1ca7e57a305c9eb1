//! The portal's doors to worker-voice settings and referrals (issue 20): the
//! SMS/WhatsApp messaging settings page (admins; secrets write-only, shown only
//! as set or not set) and referrals on the case page (consent first, then the
//! outcome), through the same use cases as the API.

use serde_json::{Value, json};

use crate::{
    helpers::spawn_app,
    portal_flow::{Portal, advisor_portal},
    portal_security::snapshot,
    voice::{every_stored_text, voice_world},
    voice_sms_fake::{ACCOUNT_SID, AUTH_TOKEN},
};

const FROM: &str = "+14155550100";
const APP_SECRET: &str = "portal-meta-app-secret-0123456789";
const VERIFY_TOKEN: &str = "portal-verify-token-42";
const ACCESS_TOKEN: &str = "portal-graph-access-token-0123456789";

/// The text of the element with `id`, up to its closing tag.
fn by_id<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("#{id} in {html}"));
    let rest = &html[start..];
    &rest[..rest.find("</").unwrap_or(rest.len())]
}

#[tokio::test]
async fn voice_portal_messaging_settings_are_write_only_and_for_admins() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let path = format!("/companies/{}/voice/messaging", world.company.id);
    let admin = Portal::new(&app, "en");
    admin.login(&world.company.email, "a-long-password-1").await;

    // The cases page links to it; before any save every secret is "not set".
    let cases = admin.get(&format!("/companies/{}/voice", world.company.id)).await;
    assert!(cases.body.contains(&format!("href=\"{path}\"")), "{}", cases.body);
    let empty = admin.get(&path).await;
    assert_eq!(empty.status, 200);
    assert!(
        by_id(&empty.body, "auth_token-status").ends_with("not set"),
        "{}",
        empty.body
    );

    // Bad values: the reason beside each field, the secret typed not shown back,
    // nothing stored.
    let before = snapshot(&app.db).await;
    let refused = admin
        .post(
            &path,
            &[
                ("account_sid", "AB12"),
                ("auth_token", AUTH_TOKEN),
                ("from", "0171 234"),
                ("api_base", ""),
                ("whatsapp_phone_number_id", "12a"),
                ("whatsapp_app_secret", APP_SECRET),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    for id in [
        "account_sid-error",
        "from-error",
        "whatsapp_phone_number_id-error",
        "whatsapp_verify_token-error",
        "whatsapp_access_token-error",
    ] {
        assert!(
            refused.body.contains(&format!("id=\"{id}\"")),
            "{id}: {}",
            refused.body
        );
    }
    assert!(
        by_id(&refused.body, "from-error").contains("E.164"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("value=\"0171 234\""),
        "what was typed stays"
    );
    assert!(!refused.body.contains(AUTH_TOKEN), "a secret is never shown back");
    assert!(!refused.body.contains(APP_SECRET), "a secret is never shown back");
    assert!(
        before == snapshot(&app.db).await,
        "a refused form stored something"
    );

    // Saved: the same settings the API reads, the secrets only "set".
    let saved = admin
        .post(
            &path,
            &[
                ("account_sid", ACCOUNT_SID),
                ("auth_token", AUTH_TOKEN),
                ("from", FROM),
                ("api_base", ""),
                ("whatsapp_phone_number_id", "106540352242922"),
                ("whatsapp_app_secret", APP_SECRET),
                ("whatsapp_verify_token", VERIFY_TOKEN),
                ("whatsapp_access_token", ACCESS_TOKEN),
                ("whatsapp_api_base", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.location, format!("{path}?saved=1"));
    let saved = admin.get(&saved.location).await;
    assert!(saved.body.contains("id=\"messaging-saved\""), "{}", saved.body);
    for secret in [
        "auth_token",
        "whatsapp_app_secret",
        "whatsapp_verify_token",
        "whatsapp_access_token",
    ] {
        assert!(
            by_id(&saved.body, &format!("{secret}-status")).ends_with(">set"),
            "{secret}: {}",
            saved.body
        );
    }
    for secret in [AUTH_TOKEN, APP_SECRET, VERIFY_TOKEN, ACCESS_TOKEN] {
        assert!(!saved.body.contains(secret), "a secret is never shown back");
        assert!(
            !every_stored_text(&app).await.iter().any(|t| t.contains(secret)),
            "sealed at rest"
        );
    }
    let api: Value = app
        .get_api(&path, Some(&world.company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["account_sid"], ACCOUNT_SID);
    assert_eq!(api["from"], FROM);
    assert_eq!(api["api_base"], "https://api.twilio.com");
    assert_eq!(api["whatsapp_phone_number_id"], "106540352242922");

    // A save with every secret empty keeps them; the number changes.
    let kept = admin
        .post(
            &path,
            &[
                ("account_sid", ACCOUNT_SID),
                ("from", "+14155550199"),
                ("whatsapp_phone_number_id", "106540352242922"),
            ],
        )
        .await;
    assert_eq!(kept.status, 303, "{}", kept.body);
    let kept = admin.get(&path).await;
    assert!(by_id(&kept.body, "whatsapp_access_token-status").ends_with(">set"));
    let api: Value = app
        .get_api(&path, Some(&world.company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["from"], "+14155550199");

    // In Spanish and French too.
    let es = Portal::new(&app, "es");
    es.login(&world.company.email, "a-long-password-1").await;
    assert!(es.get(&path).await.body.contains("Ajustes de SMS y WhatsApp"));
    let fr = Portal::new(&app, "fr");
    fr.login(&world.company.email, "a-long-password-1").await;
    assert!(fr.get(&path).await.body.contains("Réglages SMS et WhatsApp"));

    // Least privilege: an advisor sees 403, another company 404, nothing stored.
    let advisor = advisor_portal(&app, &world.company).await;
    let before = snapshot(&app.db).await;
    assert_eq!(advisor.get(&path).await.status, 403);
    assert_eq!(
        advisor
            .post(&path, &[("account_sid", ACCOUNT_SID), ("from", FROM)])
            .await
            .status,
        403
    );
    assert!(before == snapshot(&app.db).await, "the advisor changed nothing");
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    let before_stranger = snapshot(&app.db).await;
    assert_eq!(stranger.get(&path).await.status, 404);
    assert_eq!(
        stranger
            .post(&path, &[("account_sid", ACCOUNT_SID), ("from", FROM)])
            .await
            .status,
        404
    );
    assert!(before_stranger == snapshot(&app.db).await);
}

/// The case as the API shows it to staff.
async fn case_detail(app: &crate::helpers::TestApp, token: &str, case: &str) -> Value {
    let response = app.get_api(&format!("/voice/cases/{case}"), Some(token)).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn voice_portal_case_referral_needs_consent_then_records_its_outcome() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
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
    let services: Value = app
        .get_api(
            &format!("/companies/{}/referral-services", world.company.id),
            Some(&world.company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let service = services["items"][0]["id"].as_str().unwrap().to_string();
    let officer = Portal::new(&app, "en");
    officer.login(&world.company.email, "a-long-password-1").await;
    let page = officer.get(&format!("/voice/cases/{case}")).await;
    assert!(
        page.body.contains(&format!(
            "<option value=\"{service}\">Example Migrant Helpline (MY)"
        )),
        "{}",
        page.body
    );

    // Without consent: the reason beside the box, nothing stored.
    let before = snapshot(&app.db).await;
    let path = format!("/voice/cases/{case}/referrals");
    let refused = officer
        .post(&path, &[("service_id", &service), ("consent_method", "verbal")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        by_id(&refused.body, "consent_given-error").contains("only with their consent"),
        "{}",
        refused.body
    );
    let no_service = officer
        .post(
            &path,
            &[
                ("service_id", ""),
                ("consent_given", "yes"),
                ("consent_method", "verbal"),
            ],
        )
        .await;
    assert_eq!(no_service.status, 422);
    assert!(no_service.body.contains("id=\"service_id-error\""));
    assert!(
        before == snapshot(&app.db).await,
        "a refused referral stored something"
    );

    // With consent: listed on the case, visible to the API.
    let consented = [
        ("service_id", service.as_str()),
        ("consent_given", "yes"),
        ("consent_method", "verbal"),
    ];
    let referred = officer.post(&path, &consented).await;
    assert_eq!(referred.status, 303, "{}", referred.body);
    let referred = officer.get(&format!("/voice/cases/{case}")).await;
    assert!(referred.body.contains("verbally ·"), "{}", referred.body);
    assert!(referred.body.contains("not recorded yet"));
    let detail = case_detail(&app, &world.company.token, &case).await;
    let referral = detail["referrals"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{detail}"))
        .to_string();
    assert_eq!(detail["referrals"][0]["consent_method"], "verbal");
    assert_eq!(detail["referrals"][0]["outcome"], Value::Null);

    // The outcome: a bad one is refused beside its form, then recorded.
    let outcome = format!("/voice/referrals/{referral}/outcome");
    let bad = officer
        .post(&outcome, &[("outcome", "teleported"), ("note", "")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains(&format!("id=\"outcome-{referral}-error\"")),
        "{}",
        bad.body
    );
    let recorded = officer
        .post(
            &outcome,
            &[
                ("outcome", "assisted"),
                ("note", "The helpline called back the same day."),
            ],
        )
        .await;
    assert_eq!(recorded.status, 303, "{}", recorded.body);
    let recorded = officer.get(&format!("/voice/cases/{case}")).await;
    assert!(recorded.body.contains("Outcome: assisted"), "{}", recorded.body);
    assert!(recorded.body.contains("The helpline called back the same day."));
    let detail = case_detail(&app, &world.company.token, &case).await;
    assert_eq!(detail["referrals"][0]["outcome"], "assisted");

    // Another company's admin: 404 at both forms, nothing stored.
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    let before = snapshot(&app.db).await;
    let refused = stranger.post(&path, &consented).await;
    assert_eq!(refused.status, 404);
    assert_eq!(
        stranger
            .post(&outcome, &[("outcome", "no_response")])
            .await
            .status,
        404
    );
    assert!(before == snapshot(&app.db).await);

    // The case page in Spanish names the referral section.
    let es = Portal::new(&app, "es");
    es.login(&world.company.email, "a-long-password-1").await;
    assert!(
        es.get(&format!("/voice/cases/{case}"))
            .await
            .body
            .contains("Derivaciones")
    );
}
