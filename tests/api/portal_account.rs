//! The portal's account-security page and sign-in: enrolling shows the QR code
//! (inline SVG) and the key; a wrong code is refused beside the field; the right
//! one shows ten recovery codes once; the login then asks for the code; a
//! company policy sends staff to enrol; "Forgot your password?" works end to end;
//! logging out ends the session server-side.

use reqwest::StatusCode;

use crate::{
    helpers::spawn_app,
    mfa_totp::{code, now_step},
    portal_flow::Portal,
};

fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let at = body.find(start).unwrap_or_else(|| panic!("{start} in {body}")) + start.len();
    &body[at..at + body[at..].find(end).unwrap()]
}

#[tokio::test]
async fn enrolling_in_the_portal_then_signing_in_with_a_code() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let portal = Portal::new(&app, "en");
    portal.login(&company.email, "a-long-password-1").await;

    let page = portal.get("/account/security").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("No second factor yet"), "{}", page.body);
    assert!(page.body.contains("This session"), "the session is listed");

    let enrolling = portal.post("/account/security/totp", &[]).await;
    assert_eq!(enrolling.status, StatusCode::OK);
    assert!(
        enrolling.body.contains("<svg") && enrolling.body.contains("<path d=\"M"),
        "an inline QR code"
    );
    let secret = between(&enrolling.body, "id=\"totp-secret\">", "<").to_string();
    assert_eq!(secret.len(), 32);

    let step = now_step();
    let wrong = code(&secret, step + 7);
    let refused = portal
        .post("/account/security/totp/confirm", &[("code", &wrong)])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("id=\"code-error\""),
        "the error beside the field"
    );
    assert!(refused.body.contains(&secret), "the same key, to try again");

    let confirmed = portal
        .post(
            "/account/security/totp/confirm",
            &[("code", &code(&secret, step))],
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
    let list = between(&confirmed.body, "id=\"recovery-codes\">", "</ul>");
    assert_eq!(list.matches("<li>").count(), 10);
    let recovery = between(list, "<code>", "</code>").to_string();
    let again = portal.get("/account/security").await;
    assert!(
        !again.body.contains("recovery-codes") && !again.body.contains(&secret),
        "shown once"
    );
    assert!(again.body.contains("Recovery codes left: 10"), "{}", again.body);

    // Logging out ends the session row, not only the cookie.
    let out = portal.post("/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    {
        use domain::entities::user_session;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let ended = user_session::Entity::find()
            .filter(user_session::Column::EndedAt.is_not_null())
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(ended.len(), 1, "the portal's session ended at logout");
    }

    // The login now asks for the code, beside its field.
    let fresh = Portal::new(&app, "es");
    let asked = fresh
        .post(
            "/login",
            &[("email", &company.email), ("password", "a-long-password-1")],
        )
        .await;
    assert_eq!(asked.status, StatusCode::UNAUTHORIZED);
    assert!(
        asked.body.contains("id=\"totp\"") && asked.body.contains("id=\"totp-error\""),
        "{}",
        asked.body
    );
    assert!(asked.body.contains("segundo factor"), "in the visitor's language");
    let replayed = fresh
        .post(
            "/login",
            &[
                ("email", &company.email),
                ("password", "a-long-password-1"),
                ("totp", &code(&secret, step)),
            ],
        )
        .await;
    assert_eq!(replayed.status, StatusCode::UNAUTHORIZED, "a used code");
    let signed = fresh
        .post(
            "/login",
            &[
                ("email", &company.email),
                ("password", "a-long-password-1"),
                ("totp", &recovery),
            ],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(fresh.get("/account/security").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_company_policy_sends_staff_to_the_enrolment_page() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    app.require_second_factor(&company).await;
    let portal = Portal::new(&app, "fr");
    portal.login(&company.email, "a-long-password-1").await;
    let sent = portal.get(&format!("/companies/{}", company.id)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    assert_eq!(sent.location, "/account/security");
    let page = portal.get("/account/security").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Votre entreprise exige un second facteur"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn forgot_password_in_the_portal() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let visitor = Portal::new(&app, "en");
    let home = visitor.get("/").await;
    assert!(
        home.body.contains("href=\"/password-reset\""),
        "the login page links to it"
    );
    let bad = visitor.post("/password-reset", &[("email", "nope")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"email-error\""));
    let sent = visitor
        .post("/password-reset", &[("email", &company.email)])
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(sent.body.contains("a link is on its way"));
    app.run_jobs().await;
    let email = crate::helpers::parse_email(app.outbox().last().unwrap().as_bytes());
    let link = email
        .text
        .lines()
        .find(|l| l.contains("/password-reset/"))
        .unwrap()
        .trim()
        .to_string();
    let path = link.trim_start_matches("http://portal.test").to_string();

    assert_eq!(visitor.get(&path).await.status, StatusCode::OK);
    let short = visitor.post(&path, &[("password", "short")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("id=\"password-error\""));
    let done = visitor.post(&path, &[("password", "a-portal-password-2")]).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.body.contains("Your password is changed"));
    let used = visitor.get(&path).await;
    assert_eq!(used.status, StatusCode::GONE);
    assert!(used.body.contains("expired or was already used"));
    assert_eq!(
        visitor.get("/password-reset/unknown").await.status,
        StatusCode::NOT_FOUND
    );
    Portal::new(&app, "en")
        .login(&company.email, "a-portal-password-2")
        .await;
}
