//! More of the portal at work: an officer adds a supplier (an error beside the
//! field first) and sends a questionnaire; a supplier uploads evidence from the
//! questionnaire and reports progress on a corrective action; pages stay small.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    helpers::spawn_app,
    portal_flow::{Portal, situation},
};

const PAGE_LIMIT: usize = 150 * 1024;

#[tokio::test]
async fn an_officer_adds_a_supplier_and_sends_a_questionnaire() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let form = officer
        .get(&format!("/companies/{}/suppliers/new", company.id))
        .await;
    assert_eq!(form.status, 200);
    let path = format!("/companies/{}/suppliers/new", company.id);
    let fields = [
        ("name", "Kain Sdn Bhd"),
        ("country", "ZZ"),
        ("sector", "electronics"),
        ("contact_email", "kain@supplier.example"),
    ];
    let wrong = officer.post(&path, &fields).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let country = &wrong.body[wrong.body.find("for=\"country\"").unwrap()..];
    let country = &country[..country.find("id=\"country\"").unwrap()];
    assert!(country.contains("field-error"), "the error is beside the country");
    assert!(
        wrong.body.contains("value=\"Kain Sdn Bhd\""),
        "nothing typed is lost"
    );

    let mut fixed = fields;
    fixed[1] = ("country", "MY");
    let added = officer.post(&path, &fixed).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert!(added.location.starts_with("/suppliers/"));
    let supplier_id = added.location.trim_start_matches("/suppliers/").to_string();
    let list = officer
        .get(&format!("/companies/{}/suppliers?q=kain", company.id))
        .await;
    assert!(list.body.contains("Kain Sdn Bhd"));
    let none = officer
        .get(&format!("/companies/{}/suppliers?q=nothing-like-it", company.id))
        .await;
    assert!(!none.body.contains("Kain Sdn Bhd"));

    let questionnaire = app.standard_questionnaire(&company).await;
    let due = (chrono::Utc::now() + chrono::Duration::days(20))
        .date_naive()
        .to_string();
    let sent = officer
        .post(
            &format!("/suppliers/{supplier_id}/assessments"),
            &[
                ("questionnaire_id", questionnaire.as_str()),
                ("due_date", due.as_str()),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = officer.get(&sent.location).await;
    assert!(page.body.contains("Sent"), "{}", page.body);
    let dashboard = officer.get(&format!("/companies/{}", company.id)).await;
    assert!(dashboard.body.contains("<svg"), "charts are drawn on the server");
    for body in [&form.body, &page.body, &dashboard.body, &list.body] {
        assert!(body.len() < PAGE_LIMIT);
    }
}

#[tokio::test]
async fn a_supplier_uploads_evidence_from_the_questionnaire() {
    let app = spawn_app().await;
    let s = situation(&app, "Evidence Co").await;
    let portal = Portal::new(&app, "en");
    portal.login(&s.supplier_email, "supplier-password-1").await;
    let page = portal
        .get(&format!("/assessments/{}/sections/1", s.assessment))
        .await;
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    assert!(page.body.len() < PAGE_LIMIT);
    let token = crate::portal_flow::csrf_from(&page.body);
    let upload = |token: String| {
        reqwest::multipart::Form::new()
            .text("csrf_token", token)
            .text("question_key", "docs.policy")
            .text("section", "1")
            .part(
                "file",
                reqwest::multipart::Part::bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".to_vec())
                    .file_name("policy.pdf"),
            )
    };
    let url = format!("{}/assessments/{}/evidence", portal.base, s.assessment);
    let forged = portal
        .client
        .post(&url)
        .multipart(upload("0".repeat(64)))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let done = portal
        .client
        .post(&url)
        .multipart(upload(token))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let location = done.headers()["location"].to_str().unwrap().to_string();
    assert!(location.ends_with("upload=ok"), "{location}");
    let api: Value = app
        .get_api(&format!("/assessments/{}", s.assessment), Some(&s.supplier_token))
        .await
        .json()
        .await
        .unwrap();
    let file = api["answers"]["docs.policy"]
        .as_str()
        .expect("the file answers the question");
    let again = portal.get(&location).await;
    assert!(again.body.contains("policy.pdf"));
    assert!(again.body.contains(&format!("value=\"{file}\" selected")));
}

#[tokio::test]
async fn a_supplier_reports_progress_on_a_corrective_action() {
    let app = spawn_app().await;
    let s = situation(&app, "Progress Co").await;
    let answers = json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 50});
    assert_eq!(
        app.save_answers(&s.supplier_token, &s.assessment, &answers)
            .await
            .status(),
        200
    );
    assert_eq!(app.submit(&s.supplier_token, &s.assessment).await.status(), 202);
    app.run_jobs().await;
    let findings: Value = app
        .get_api(
            &format!("/assessments/{}/findings", s.assessment),
            Some(&s.company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let finding = findings[0]["id"].as_str().expect("a finding").to_string();
    let action: Value = app
        .post_json(
            &format!("/findings/{finding}/actions"),
            Some(&s.company.token),
            &json!({"description": "Repay every worker <b>in full</b>", "due_date": "2030-01-31"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let action_id = action["id"].as_str().unwrap().to_string();

    let portal = Portal::new(&app, "fr");
    portal.login(&s.supplier_email, "supplier-password-1").await;
    let page = portal
        .get(&format!("/suppliers/{}/findings", s.supplier_id))
        .await;
    assert!(page.body.contains("Constats et actions"));
    assert!(
        page.body
            .contains("Repay every worker &#60;b&#62;in full&#60;/b&#62;"),
        "{}",
        page.body
    );
    let done = portal
        .post(
            &format!("/actions/{action_id}"),
            &[("status", "done"), ("note", "All 12 workers repaid")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let verified = portal
        .post(&format!("/actions/{action_id}"), &[("status", "verified")])
        .await;
    assert_eq!(verified.status, StatusCode::FORBIDDEN, "a supplier cannot verify");
    let actions: Value = app
        .get_api(&format!("/findings/{finding}/actions"), Some(&s.company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(actions[0]["status"], "done");
    assert_eq!(actions[0]["note"], "All 12 workers repaid");
}

#[tokio::test]
async fn the_fee_audit_results_page_shows_the_figures() {
    use crate::fee_audits::{company_with_rates, supplier_with_user, uploaded_audit};
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = supplier_with_user(&app, &company, "Fee Co").await;
    let audit = uploaded_audit(&app, &company, &supplier.id).await;
    let id = audit["id"].as_str().unwrap();
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let page = officer.get(&format!("/fee-audits/{id}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    for figure in [
        "1417.50",
        "1342.50",
        "Sunrise Manpower",
        "Dhaka Links",
        "W1",
        "967.50",
        "<svg",
    ] {
        assert!(page.body.contains(figure), "{figure} in {}", page.body);
    }
    let supplier_page = officer.get(&format!("/suppliers/{}", supplier.id)).await;
    assert!(supplier_page.body.contains(&format!("/fee-audits/{id}")));
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    assert_eq!(
        stranger.get(&format!("/fee-audits/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}
