//! The `send_email` job against a real database: outbox delivery, idempotent
//! retries, and the failures that must not be retried forever.

#![allow(clippy::unwrap_used)]

use domain::{
    email::{self as outbox_email, NewEmail, messages::InvitationMessage},
    entities::{job, outbound_email},
    jobs::{self, JobOptions},
    values::{Email, Locale},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::{
    JobResult, Runner,
    config::{MailConfig, MailTransport, SmtpSettings, SmtpTls},
    test_support::Fixture,
};

/// A token shaped like `domain::secret_token::generate`'s (64 hex digits).
const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

async fn queue_invitation(fx: &Fixture) -> Uuid {
    let message = InvitationMessage {
        accept_url: format!("http://127.0.0.1:8080/invitations/{TOKEN}"),
        token: TOKEN.to_string(),
        company_name: "Acme <script>".to_string(),
        organization_name: "Textiles del Sur".to_string(),
        role: "supplier".to_string(),
        expires_on: "2026-12-24".to_string(),
    };
    let to = Email::parse("ana@example.com").unwrap();
    let email = NewEmail::new(None, to, Locale::Es, &message).unwrap();
    outbox_email::queue(&fx.db, email).await.unwrap()
}

/// Stores `params` in place of the queued email's parameters, as a row written by
/// an older (or broken) release might hold.
async fn store_params(fx: &Fixture, id: Uuid, template: &str, params: serde_json::Value) {
    outbound_email::Entity::update_many()
        .col_expr(outbound_email::Column::Template, Expr::value(template))
        .col_expr(outbound_email::Column::Params, Expr::value(params))
        .filter(outbound_email::Column::Id.eq(id))
        .exec(&fx.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn send_email_writes_the_message_to_the_outbox_once() {
    let fx = Fixture::new().await;
    let runner = fx.runner();
    let id = queue_invitation(&fx).await;

    assert_eq!(runner.run_until_idle().await.unwrap(), 1);

    let eml = std::fs::read_to_string(fx.outbox().join(format!("{id}.eml"))).unwrap();
    assert!(eml.contains(&format!("Invitation code: {TOKEN}\r\n")), "{eml}");
    assert!(eml.contains("multipart/alternative") && eml.contains("To: ana@example.com"));
    assert!(eml.contains(&format!("Message-ID: <{id}@localhost>")), "{eml}");
    let row = outbound_email::Entity::find_by_id(id)
        .one(&fx.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, outbox_email::status::SENT);
    assert!(row.params.is_none() && row.sent_at.is_some());
    assert_eq!(row.message_id, Some(format!("<{id}@localhost>")));

    // A duplicate job for the same email sends nothing.
    std::fs::remove_dir_all(fx.outbox()).unwrap();
    let payload = domain::email::SendEmail { email_id: id };
    jobs::enqueue(&fx.db, &payload, JobOptions::default())
        .await
        .unwrap();
    assert_eq!(runner.run_until_idle().await.unwrap(), 1);
    assert!(!fx.outbox().exists());
}

#[tokio::test]
async fn an_email_that_cannot_be_rendered_fails_without_retry() {
    // An unknown template, and parameters that do not fit their message.
    let broken = [
        ("no_such_template", serde_json::json!({}), "no_such_template"),
        ("invitation", serde_json::json!({"token": 7}), "invitation"),
    ];
    for (template, params, named) in broken {
        let fx = Fixture::new().await;
        let runner = fx.runner();
        let id = queue_invitation(&fx).await;
        store_params(&fx, id, template, params).await;

        let outcome = runner.run_once().await.unwrap().unwrap();

        assert_eq!(outcome.result, JobResult::Done, "{template}");
        let row = outbound_email::Entity::find_by_id(id)
            .one(&fx.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.status, outbox_email::status::FAILED, "{template}");
        assert!(row.last_error.unwrap().contains(named), "{template}");
        assert!(
            row.params.is_none(),
            "{template}: nobody will send it, the token goes"
        );
    }
}

#[tokio::test]
async fn an_unreachable_smtp_server_is_retried_then_the_email_fails() {
    let fx = Fixture::new().await;
    // A port that was free a moment ago: the connection is refused at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut config = fx.config();
    config.mail = MailConfig::new(MailTransport::Smtp(SmtpSettings {
        host: "127.0.0.1".to_string(),
        port,
        tls: SmtpTls::None,
        credentials: None,
    }));
    let runner = Runner::new(fx.db.clone(), config, crate::jobs::catalogue()).unwrap();
    let id = queue_invitation(&fx).await;

    let first = runner.run_once().await.unwrap().unwrap();
    let email = outbound_email::Entity::find_by_id(id)
        .one(&fx.db)
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(first.result, JobResult::Retry { .. }), "{first:?}");
    assert_eq!(
        email.status,
        outbox_email::status::QUEUED,
        "a transient error leaves it queued"
    );

    job::Entity::update_many()
        .col_expr(job::Column::MaxAttempts, Expr::value(2))
        .col_expr(job::Column::RunAt, Expr::value(0i64))
        .filter(job::Column::Id.eq(first.id))
        .exec(&fx.db)
        .await
        .unwrap();
    let last = runner.run_once().await.unwrap().unwrap();

    assert_eq!(last.result, JobResult::Failed);
    let email = outbound_email::Entity::find_by_id(id)
        .one(&fx.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(email.status, outbox_email::status::FAILED);
    assert!(email.last_error.unwrap().contains("SMTP"));
    assert!(
        email.params.is_none(),
        "the token is not kept for an email nobody will send"
    );
}
