//! Invitations: the email at a real SMTP server, single use, 14-day expiry, roles.

use chrono::Duration;
use domain::entities::invitation;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
use serde_json::Value;

use crate::helpers::{assert_problem, invitation_code, spawn_app, spawn_app_with_smtp};

#[tokio::test]
async fn the_invitation_email_arrives_at_a_real_smtp_server_and_is_used_once() {
    let app = spawn_app_with_smtp().await;
    let company = app.registered_company().await;
    let response = app.invite_advisor(&company, "advisor@example.org").await;
    assert_eq!(response.status(), 201);
    assert!(
        app.smtp.as_ref().unwrap().messages().is_empty(),
        "email is sent by the worker, not the request"
    );

    assert!(app.run_jobs().await >= 1);
    let messages = app.smtp.as_ref().unwrap().messages();
    assert_eq!(messages.len(), 1);
    let email = &messages[0];
    assert!(email.to.contains("advisor@example.org"));
    assert!(!email.html.is_empty(), "an HTML part");
    let code = invitation_code(email);
    assert!(code.len() >= 32, "≥128-bit token");
    assert!(
        email
            .text
            .contains(&format!("http://portal.test/invitations/{code}"))
    );

    let accepted = app.accept_invitation(&code, "advisor-password-1").await;
    assert_eq!(accepted.status(), 200);
    let token: Value = accepted.json().await.unwrap();
    let me: Value = app
        .me(token["access_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["memberships"][0]["role"], "advisor");
    assert_eq!(me["memberships"][0]["organization_id"], company.id.as_str());

    let second = app.accept_invitation(&code, "advisor-password-1").await;
    assert!([404, 410].contains(&second.status().as_u16()));
    assert_problem(second, 410).await;
}

#[tokio::test]
async fn an_unknown_code_is_404_and_an_expired_one_410() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    assert_problem(
        app.accept_invitation("no-such-code", "a-long-password-1").await,
        404,
    )
    .await;

    assert_eq!(
        app.invite_advisor(&company, "late@example.org").await.status(),
        201
    );
    app.run_jobs().await;
    let outbox = app.outbox();
    assert_eq!(outbox.len(), 1);
    let code = invitation_code(&crate::helpers::parse_email(outbox[0].as_bytes()));

    let row = invitation::Entity::find().one(&app.db).await.unwrap().unwrap();
    let created = row.created_at;
    assert_eq!((row.expires_at - created).num_days(), 14);
    let mut expired = row.into_active_model();
    expired.expires_at = Set(domain::clock::now() - Duration::seconds(1));
    expired.update(&app.db).await.unwrap();
    assert_problem(app.accept_invitation(&code, "a-long-password-1").await, 410).await;
}

#[tokio::test]
async fn an_advisor_cannot_invite() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    app.invite_advisor(&company, "adv@example.org").await;
    app.run_jobs().await;
    let code = invitation_code(&crate::helpers::parse_email(app.outbox()[0].as_bytes()));
    let token: Value = app
        .accept_invitation(&code, "advisor-password-1")
        .await
        .json()
        .await
        .unwrap();
    let advisor = crate::helpers::Company {
        id: company.id.clone(),
        token: token["access_token"].as_str().unwrap().to_string(),
        email: "adv@example.org".into(),
    };
    assert_problem(app.invite_advisor(&advisor, "friend@example.org").await, 403).await;
}

#[tokio::test]
async fn a_short_password_on_accept_is_422() {
    let app = spawn_app().await;
    let problem = assert_problem(app.accept_invitation("whatever", "short").await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "password");
}
