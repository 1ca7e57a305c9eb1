//! Password reset by email: always `202`; the email arrives at the test SMTP
//! server in the person's language; its link works once within the hour, sets
//! the password and ends every session.

use chrono::Duration;
use domain::entities::password_reset;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
use serde_json::{Value, json};

use crate::helpers::{assert_problem, spawn_app, spawn_app_with_smtp};

fn reset_token(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.contains("/password-reset/"))
        .expect("a reset link");
    line.trim().rsplit('/').next().expect("a token").to_string()
}

#[tokio::test]
async fn the_reset_email_arrives_and_its_link_works_once() {
    let app = spawn_app_with_smtp().await;
    let company = app.registered_company().await;
    let asked = app
        .post_json(
            "/auth/password-reset",
            None,
            &json!({"email": company.email.to_uppercase()}),
        )
        .await;
    assert_eq!(asked.status(), 202);
    // An unknown address gets the same answer, and no email.
    let unknown = app
        .post_json(
            "/auth/password-reset",
            None,
            &json!({"email": "nobody@example.org"}),
        )
        .await;
    assert_eq!(unknown.status(), 202);
    assert_problem(
        app.post_json("/auth/password-reset", None, &json!({"email": "not an email"}))
            .await,
        422,
    )
    .await;

    app.run_jobs().await;
    let messages = app.smtp.as_ref().unwrap().messages();
    assert_eq!(messages.len(), 1, "one email, to the account only");
    let email = &messages[0];
    assert!(email.to.contains(&company.email));
    assert_eq!(email.subject, "Reset your Fairhire password");
    assert!(email.text.contains("http://portal.test/password-reset/"));
    let token = reset_token(&email.text);
    assert!(token.len() >= 32, "≥128-bit token");

    // A short password is refused and uses nothing up.
    assert_problem(
        app.post_json(
            &format!("/auth/password-reset/{token}"),
            None,
            &json!({"password": "short"}),
        )
        .await,
        422,
    )
    .await;
    let done = app
        .post_json(
            &format!("/auth/password-reset/{token}"),
            None,
            &json!({"password": "a-brand-new-password-2"}),
        )
        .await;
    assert_eq!(done.status(), 200);

    // Every session ended; the old password is refused, the new one works.
    assert_problem(app.me(&company.token).await, 401).await;
    assert_problem(app.login(&company.email, "a-long-password-1").await, 401).await;
    let fresh: Value = app
        .login(&company.email, "a-brand-new-password-2")
        .await
        .json()
        .await
        .unwrap();
    assert!(fresh["access_token"].is_string());

    // The link works once.
    assert_problem(
        app.post_json(
            &format!("/auth/password-reset/{token}"),
            None,
            &json!({"password": "yet-another-password-3"}),
        )
        .await,
        410,
    )
    .await;
    assert_problem(
        app.post_json(
            "/auth/password-reset/no-such-token",
            None,
            &json!({"password": "yet-another-password-3"}),
        )
        .await,
        404,
    )
    .await;

    use domain::entities::audit_event;
    let actions: Vec<String> = audit_event::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(actions.contains(&"auth.password_reset_requested".to_string()));
    assert!(actions.contains(&"auth.password_reset_completed".to_string()));
}

#[tokio::test]
async fn an_expired_link_is_410_and_the_email_speaks_the_persons_language() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let preferences = app
        .client
        .patch(app.url("/api/v1/me/preferences"))
        .bearer_auth(&company.token)
        .json(&json!({"locale": "es"}))
        .send()
        .await
        .unwrap();
    assert_eq!(preferences.status(), 200);
    assert_eq!(
        app.post_json("/auth/password-reset", None, &json!({"email": company.email}))
            .await
            .status(),
        202
    );
    app.run_jobs().await;
    let outbox = app.outbox();
    assert_eq!(outbox.len(), 1);
    let email = crate::helpers::parse_email(outbox[0].as_bytes());
    assert_eq!(email.subject, "Restablezca su contraseña de Fairhire");
    let token = reset_token(&email.text);

    let row = password_reset::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.expires_at - row.created_at).num_minutes(), 60);
    assert_ne!(row.token_hash, token, "only the hash is stored");
    let mut expired = row.into_active_model();
    expired.expires_at = Set(domain::clock::now() - Duration::seconds(1));
    expired.update(&app.db).await.unwrap();
    assert_problem(
        app.post_json(
            &format!("/auth/password-reset/{token}"),
            None,
            &json!({"password": "a-brand-new-password-2"}),
        )
        .await,
        410,
    )
    .await;
    assert_eq!(app.me(&company.token).await.status(), 200, "nothing changed");
}

/// A usable reset token of a user of its own (a company registered for it), for
/// the catalogue tests that walk every form and route.
pub async fn usable_token(app: &crate::helpers::TestApp) -> String {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let target = app.registered_company().await;
    let me: Value = app.me(&target.token).await.json().await.unwrap();
    let user_id = uuid::Uuid::parse_str(me["user"]["id"].as_str().unwrap()).unwrap();
    let token = domain::secret_token::generate();
    let now = domain::clock::now();
    password_reset::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        user_id: Set(user_id),
        token_hash: Set(domain::secret_token::hash(&token)),
        expires_at: Set(now + Duration::hours(1)),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(&app.db)
    .await
    .unwrap();
    token
}
