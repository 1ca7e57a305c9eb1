//! The portal's audit trail: the company's own events, newest first, a page at a
//! time, naming who acted; strangers get 404s, advisors and suppliers are refused.

use domain::entities::audit_event;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use crate::{
    helpers::{TestApp, spawn_app},
    portal_flow::{Portal, outsiders, situation},
};

/// Records `action` for `company` by Fairhire itself, `seconds` ago.
async fn event(app: &TestApp, company: &str, action: &str, seconds: i64) {
    audit_event::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        company_id: Set(Some(uuid::Uuid::parse_str(company).unwrap())),
        actor_user_id: Set(None),
        action: Set(action.into()),
        entity_type: Set("supplier".into()),
        entity_id: Set(None),
        before: Set(None),
        after: Set(None),
        created_at: Set(chrono::Utc::now() - chrono::Duration::seconds(seconds)),
    }
    .insert(&app.db)
    .await
    .unwrap();
}

#[tokio::test]
async fn an_officer_reads_the_audit_trail_newest_first_page_by_page() {
    let app = spawn_app().await;
    let s = situation(&app, "Audit Co").await;
    let officer = Portal::new(&app, "en");
    officer.login(&s.company.email, "a-long-password-1").await;
    // A change made in the portal, recorded under the officer's name.
    let added = officer
        .post(
            &format!("/companies/{}/webhooks", s.company.id),
            &[
                ("url", "https://93.184.216.34/hook"),
                ("events", "report.ready"),
                ("secret", "a-long-enough-secret-for-audit"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    // Older events, enough for a second page, and another company's.
    for n in 0..60 {
        event(&app, &s.company.id, &format!("old.event-{n:02}"), 3600 + n).await;
    }
    let other = app.registered_company().await;
    event(&app, &other.id, "theirs.only", 10).await;

    let path = format!("/companies/{}/audit", s.company.id);
    let first = officer.get(&path).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert!(
        first.body.contains(&format!("href=\"{path}\"")),
        "in the navigation"
    );
    let at = |body: &str, what: &str| body.find(what).unwrap_or_else(|| panic!("{what} in {body}"));
    let newest = at(&first.body, "<code>webhook.created</code>");
    assert!(newest < at(&first.body, "old.event-00"), "newest first");
    let row = first.body[..newest].rfind("<tr>").unwrap();
    assert!(first.body[row..newest].contains("Test Person"), "who acted");
    let row_end = newest + first.body[newest..].find("</tr>").unwrap();
    assert!(
        first.body[row..row_end].contains("url: https://93.184.216.34/hook"),
        "what the change recorded: {}",
        &first.body[row..row_end]
    );
    assert!(first.body.contains("Fairhire (automatic)"));
    assert!(!first.body.contains("theirs.only"), "another company's trail");
    assert!(first.body.contains("Page 1 of 2"), "{}", first.body);
    assert!(!first.body.contains("old.event-59"), "on the second page");
    let second = officer.get(&format!("{path}?page=2")).await;
    assert!(second.body.contains("old.event-59") && !second.body.contains("webhook.created"));

    for (who, status) in outsiders(&app, &s).await {
        assert_eq!(who.get(&path).await.status, status);
    }
}
