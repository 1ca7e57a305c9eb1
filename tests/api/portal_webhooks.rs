//! The portal's webhooks pages: subscribing through the form (every problem beside
//! its field, nothing stored), the delivery log, disabling, re-enabling and
//! deleting; strangers get 404s, advisors and suppliers are refused.

use domain::entities::{webhook, webhook_delivery};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use crate::{
    helpers::{TestApp, spawn_app},
    portal_flow::{Portal, advisor_portal, situation},
};

async fn stored(app: &TestApp) -> Vec<webhook::Model> {
    webhook::Entity::find().all(&app.db).await.unwrap()
}

#[tokio::test]
async fn an_officer_subscribes_a_webhook_reads_its_deliveries_disables_and_deletes_it() {
    let app = spawn_app().await;
    let s = situation(&app, "Hook Co").await;
    let officer = Portal::new(&app, "en");
    officer.login(&s.company.email, "a-long-password-1").await;
    let path = format!("/companies/{}/webhooks", s.company.id);
    let page = officer.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("No webhooks yet."), "{}", page.body);
    assert!(
        page.body.contains(&format!("href=\"{path}\"")),
        "in the navigation"
    );

    // Every problem at once, each beside its field; what was typed stays.
    let wrong = officer
        .post(&path, &[("url", "http://127.0.0.1:9/hook"), ("secret", "short")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.body);
    for id in [
        "webhook-url-error",
        "webhook-events-error",
        "webhook-secret-error",
    ] {
        assert!(
            wrong.body.contains(&format!("id=\"{id}\"")),
            "{id}: {}",
            wrong.body
        );
    }
    assert!(
        wrong.body.contains("value=\"http://127.0.0.1:9/hook\""),
        "the URL is kept"
    );
    // A ticked event stays ticked; only the refused URL is flagged.
    let private = officer
        .post(
            &path,
            &[
                ("url", "http://10.0.0.8/hook"),
                ("events", "report.ready"),
                ("secret", "a-long-enough-secret-9f00d"),
            ],
        )
        .await;
    assert_eq!(private.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(private.body.contains("id=\"webhook-url-error\""));
    assert!(!private.body.contains("id=\"webhook-secret-error\""));
    assert!(
        private.body.contains("value=\"report.ready\" checked"),
        "{}",
        private.body
    );
    assert!(stored(&app).await.is_empty(), "nothing stored");

    let added = officer
        .post(
            &path,
            &[
                ("url", "https://93.184.216.34/hook"),
                ("events", "report.ready"),
                ("events", "finding.created"),
                ("secret", "a-long-enough-secret-9f00d"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(added.location, format!("{path}?done=created"));
    let hooks = stored(&app).await;
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(hook.url, "https://93.184.216.34/hook");
    assert_eq!(
        hook.events,
        serde_json::json!(["report.ready", "finding.created"])
    );
    let list = officer.get(&added.location).await;
    assert!(
        list.body.contains("role=\"status\">Webhook added."),
        "{}",
        list.body
    );
    assert!(list.body.contains("https://93.184.216.34/hook") && list.body.contains("…f00d"));
    assert!(
        !list.body.contains("a-long-enough-secret"),
        "the secret is never shown"
    );

    // The delivery log shows each attempt: status code, attempt, time.
    webhook_delivery::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        webhook_id: Set(hook.id),
        event_id: Set(uuid::Uuid::now_v7()),
        event: Set("report.ready".into()),
        attempt: Set(3),
        status_code: Set(Some(503)),
        duration_ms: Set(Some(1234)),
        response_snippet: Set(None),
        error: Set(None),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let log = officer.get(&format!("/webhooks/{}", hook.id)).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    assert!(
        log.body.contains("<td>503</td>") && log.body.contains("<td>3</td>"),
        "{}",
        log.body
    );
    assert!(log.body.contains("1234 ms"));
    assert!(
        list.body.contains(&format!("href=\"/webhooks/{}\"", hook.id)),
        "linked from the list"
    );

    let off = officer
        .post(&format!("/webhooks/{}/active", hook.id), &[("active", "false")])
        .await;
    assert_eq!(off.location, format!("{path}?done=disabled"), "{}", off.body);
    assert!(!stored(&app).await[0].active);
    assert!(officer.get(&off.location).await.body.contains("Webhook disabled"));
    let on = officer
        .post(&format!("/webhooks/{}/active", hook.id), &[("active", "true")])
        .await;
    assert_eq!(on.location, format!("{path}?done=enabled"));
    assert!(stored(&app).await[0].active);

    // Strangers: another company's officer and the company's own supplier.
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    let supplier = Portal::new(&app, "en");
    supplier.login(&s.supplier_email, "supplier-password-1").await;
    for who in [&stranger, &supplier] {
        for page in [path.clone(), format!("/webhooks/{}", hook.id)] {
            assert_eq!(who.get(&page).await.status, StatusCode::NOT_FOUND, "{page}");
        }
        let refused = who.post(&format!("/webhooks/{}/delete", hook.id), &[]).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
    }
    // An advisor reads the company but does not manage its webhooks.
    let advisor = advisor_portal(&app, &s.company).await;
    assert_eq!(advisor.get(&path).await.status, StatusCode::FORBIDDEN);
    let refused = advisor
        .post(&format!("/webhooks/{}/active", hook.id), &[("active", "false")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(stored(&app).await[0].active, "nothing changed");

    let deleted = officer.post(&format!("/webhooks/{}/delete", hook.id), &[]).await;
    assert_eq!(
        deleted.location,
        format!("{path}?done=deleted"),
        "{}",
        deleted.body
    );
    assert!(stored(&app).await.is_empty());
    let none: Vec<webhook_delivery::Model> = webhook_delivery::Entity::find().all(&app.db).await.unwrap();
    assert!(none.is_empty(), "the delivery log goes too");
    assert!(
        officer
            .get(&deleted.location)
            .await
            .body
            .contains("Webhook deleted.")
    );
}

#[tokio::test]
async fn portal_send_test_event_delivers_a_signed_webhook_test() {
    use crate::webhooks::{Receiver, Reply, SECRET, private_app, verify};
    let app = private_app().await;
    let s = situation(&app, "Test Event Co").await;
    let receiver = Receiver::start(vec![], Reply::Status(204));
    let hook: serde_json::Value = app
        .create_webhook(&s.company, &receiver.url, &["report.ready"])
        .await
        .json()
        .await
        .unwrap();
    let id = hook["id"].as_str().expect("a webhook").to_string();
    let officer = Portal::new(&app, "fr");
    officer.login(&s.company.email, "a-long-password-1").await;
    let list = officer
        .get(&format!("/companies/{}/webhooks", s.company.id))
        .await;
    assert!(
        list.body.contains(&format!("action=\"/webhooks/{id}/test\"")),
        "a button on the list: {}",
        list.body
    );

    // An advisor may not; a stranger does not see it. Nothing is queued.
    let advisor = advisor_portal(&app, &s.company).await;
    let refused = advisor.post(&format!("/webhooks/{id}/test"), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    let hidden = stranger.post(&format!("/webhooks/{id}/test"), &[]).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    app.run_jobs().await;
    assert!(receiver.hits().is_empty(), "no test event from them");

    let sent = officer.post(&format!("/webhooks/{id}/test"), &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.location, format!("/webhooks/{id}?done=test"));
    let page = officer.get(&sent.location).await;
    assert!(
        page.body
            .contains("role=\"status\">Événement de test mis en file."),
        "{}",
        page.body
    );
    app.run_jobs().await;
    let hits = receiver.hits();
    assert_eq!(hits.len(), 1, "delivered once, to this webhook");
    assert!(verify(&hits[0], SECRET), "signed like any event");
    let body: serde_json::Value = serde_json::from_slice(&hits[0].body).unwrap();
    assert_eq!(body["event"], "webhook.test");
    assert_eq!(body["data"]["webhook_id"], id.as_str());
    let log = officer.get(&format!("/webhooks/{id}")).await;
    assert!(log.body.contains("<code>webhook.test</code>"), "{}", log.body);
    assert!(log.body.contains("<td>204</td>"), "{}", log.body);
}
