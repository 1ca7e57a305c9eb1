//! A list that reads its caller in its own statement (issue #23,
//! `domain::access::claim`) refuses exactly what a separately loaded caller
//! is refused, in the same order: 401 before 404 before 422; serves a session
//! and an API key alike; and keeps a session's `last_seen_at` current.

use chrono::{Duration, Utc};
use domain::entities::{membership, user, user_session};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    helpers::{TestApp, assert_problem, spawn_app},
    sessions::session_id,
};

fn suppliers(cid: &str) -> String {
    format!("/companies/{cid}/suppliers?per_page=2")
}

/// The same list with a filter that does not parse.
fn invalid(cid: &str) -> String {
    format!("/companies/{cid}/suppliers?risk_band=severe")
}

async fn add_suppliers(app: &TestApp, cid: &str, token: &str, names: &[&str]) {
    for name in names {
        let body = json!({"name": name, "country": "MY", "sector": "electronics",
            "contact_email": format!("c-{}@example.org", Uuid::new_v4().simple())});
        let created = app
            .post_json(&format!("/companies/{cid}/suppliers"), Some(token), &body)
            .await;
        assert_eq!(created.status(), 201, "{name}");
    }
}

async fn names(response: reqwest::Response) -> (Vec<String>, Value) {
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    let names = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect();
    (names, body)
}

#[tokio::test]
async fn every_refusal_of_a_loaded_caller_holds_when_the_list_reads_its_caller() {
    let app = spawn_app().await;
    let home = app.registered_company().await;
    let other = app.registered_company().await;
    add_suppliers(&app, &home.id, &home.token, &["Alpha", "Bravo", "Charlie"]).await;
    add_suppliers(&app, &other.id, &other.token, &["Zulu"]).await;

    // A member: the page, its total and its cursor, as before.
    let (listed, body) = names(app.get_api(&suppliers(&home.id), Some(&home.token)).await).await;
    assert_eq!(listed, ["Alpha", "Bravo"]);
    assert_eq!(body["total"], 3);
    assert!(body["next_cursor"].is_string(), "{body}");
    // A member's invalid query is the member's 422.
    let problem = assert_problem(app.get_api(&invalid(&home.id), Some(&home.token)).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "risk_band", "{problem}");

    // Another company's list is a 404, whether or not its query parses, and
    // so is a company that does not exist: nothing of either is read out.
    for cid in [other.id.clone(), Uuid::now_v7().to_string()] {
        assert_problem(app.get_api(&suppliers(&cid), Some(&home.token)).await, 404).await;
        assert_problem(app.get_api(&invalid(&cid), Some(&home.token)).await, 404).await;
    }

    // No token, or a token that is not one: 401, before the query is looked at.
    assert_problem(app.get_api(&invalid(&home.id), None).await, 401).await;
    assert_problem(app.get_api(&suppliers(&home.id), Some("not-a-token")).await, 401).await;

    // An ended session: 401 on the list, valid query or not; the company's
    // other sessions keep reading.
    let second = app.login(&home.email, "a-long-password-1").await;
    let second: Value = second.json().await.unwrap();
    let second = second["access_token"].as_str().unwrap().to_string();
    let sid: Uuid = session_id(&home.token).parse().unwrap();
    let mut ended: user_session::ActiveModel = user_session::Entity::find_by_id(sid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    ended.ended_at = Set(Some(Utc::now()));
    ended.update(&app.db).await.unwrap();
    assert_problem(app.get_api(&suppliers(&home.id), Some(&home.token)).await, 401).await;
    assert_problem(app.get_api(&invalid(&home.id), Some(&home.token)).await, 401).await;
    assert_problem(app.get_api(&suppliers(&other.id), Some(&home.token)).await, 401).await;
    let (listed, _) = names(app.get_api(&suppliers(&home.id), Some(&second)).await).await;
    assert_eq!(listed, ["Alpha", "Bravo"]);

    // A member removed: a 404 on the very next request, a live session or not.
    let me: Value = app.me(&second).await.json().await.unwrap();
    let user_id: Uuid = me["user"]["id"].as_str().unwrap().parse().unwrap();
    membership::Entity::delete_many()
        .filter(membership::Column::UserId.eq(user_id))
        .exec(&app.db)
        .await
        .unwrap();
    assert_problem(app.get_api(&suppliers(&home.id), Some(&second)).await, 404).await;
    assert_problem(app.get_api(&invalid(&home.id), Some(&second)).await, 404).await;

    // A user who no longer exists: 401.
    let gone = app.registered_company().await;
    let gone_user: Value = app.me(&gone.token).await.json().await.unwrap();
    let gone_id: Uuid = gone_user["user"]["id"].as_str().unwrap().parse().unwrap();
    membership::Entity::delete_many()
        .filter(membership::Column::UserId.eq(gone_id))
        .exec(&app.db)
        .await
        .unwrap();
    user_session::Entity::delete_many()
        .filter(user_session::Column::UserId.eq(gone_id))
        .exec(&app.db)
        .await
        .unwrap();
    user::Entity::delete_by_id(gone_id).exec(&app.db).await.unwrap();
    assert_problem(app.get_api(&suppliers(&gone.id), Some(&gone.token)).await, 401).await;
}

#[tokio::test]
async fn a_company_requiring_a_second_factor_refuses_the_list_until_enrolment() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    app.require_second_factor(&company).await;
    for path in [suppliers(&company.id), invalid(&company.id)] {
        let refused = assert_problem(app.get_api(&path, Some(&company.token)).await, 403).await;
        assert_eq!(
            refused["type"],
            "https://fairhire.dev/problems/mfa-enrolment-required"
        );
    }
}

#[tokio::test]
async fn a_session_and_an_api_key_read_the_same_list() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let other = app.registered_company().await;
    add_suppliers(&app, &company.id, &company.token, &["Delta", "Echo", "Foxtrot"]).await;
    let (_, officer_key) = app.api_key(&company, "officer").await;
    let (_, read_key) = app.api_key(&company, "read_only").await;
    let (_, other_key) = app.api_key(&other, "officer").await;

    let (_, by_session) = names(app.get_api(&suppliers(&company.id), Some(&company.token)).await).await;
    for key in [&officer_key, &read_key] {
        let (_, by_key) = names(app.get_api(&suppliers(&company.id), Some(key)).await).await;
        assert_eq!(by_key, by_session);
        assert_problem(app.get_api(&invalid(&company.id), Some(key)).await, 422).await;
    }
    // A key reads its own company's list alone.
    assert_problem(app.get_api(&suppliers(&company.id), Some(&other_key)).await, 404).await;
    assert_problem(app.get_api(&invalid(&company.id), Some(&other_key)).await, 404).await;
    assert_problem(
        app.get_api(&suppliers(&company.id), Some("fh_not-a-key")).await,
        401,
    )
    .await;
}

#[tokio::test]
async fn the_list_keeps_its_session_seen() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sid: Uuid = session_id(&company.token).parse().unwrap();
    let an_hour_ago = Utc::now() - Duration::hours(1);
    let mut session: user_session::ActiveModel = user_session::Entity::find_by_id(sid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    session.last_seen_at = Set(an_hour_ago);
    session.update(&app.db).await.unwrap();

    names(app.get_api(&suppliers(&company.id), Some(&company.token)).await).await;
    let seen = user_session::Entity::find_by_id(sid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .last_seen_at;
    assert!(
        seen > Utc::now() - Duration::minutes(1),
        "last seen {seen}, set to {an_hour_ago}"
    );
}

#[tokio::test]
async fn the_gate_reads_no_page_for_a_caller_who_is_no_member() {
    use domain::{
        access::claim::{Asker, SessionClaim},
        listing::Start,
        suppliers::{SupplierFilter, list_suppliers_with_profiles_asked},
    };
    let app = spawn_app().await;
    let home = app.registered_company().await;
    let other = app.registered_company().await;
    add_suppliers(&app, &other.id, &other.token, &["Yankee", "Zulu"]).await;
    let me: Value = app.me(&home.token).await.json().await.unwrap();
    let claim = SessionClaim {
        user_id: me["user"]["id"].as_str().unwrap().parse().unwrap(),
        session_id: session_id(&home.token).parse().unwrap(),
    };
    let filter = SupplierFilter::default();
    let read = |cid: &str, claim: SessionClaim| {
        let cid: Uuid = cid.parse().unwrap();
        let db = app.db.clone();
        let filter = filter.clone();
        async move {
            list_suppliers_with_profiles_asked(&db, Asker::Claimed(claim), cid, &filter, &Start::Page(1), 50)
                .await
                .unwrap()
        }
    };

    // A member: admitted, the caller and the page.
    let own = read(&home.id, claim).await;
    assert!(own.admitted);
    assert_eq!(own.caller.as_ref().map(|c| c.user_id), Some(claim.user_id));
    // Another company: the caller is known, the page was never read.
    let theirs = read(&other.id, claim).await;
    assert!(!theirs.admitted);
    assert!(theirs.caller.is_some());
    assert!(theirs.value.items.is_empty() && theirs.value.total == 0);
    // A session that is not theirs: no caller, no page.
    let stolen = SessionClaim {
        session_id: session_id(&other.token).parse().unwrap(),
        ..claim
    };
    let refused = read(&other.id, stolen).await;
    assert!(refused.caller.is_none() && !refused.admitted);
    assert!(refused.value.items.is_empty());
}
