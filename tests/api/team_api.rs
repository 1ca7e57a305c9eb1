//! The API's team routes: withdrawing a pending invitation
//! (`DELETE /companies/{cid}/invitations/{id}`) and removing a member
//! (`DELETE /companies/{cid}/members/{uid}`), with the domain's rules: officers and
//! admins only, another company's ids 404, the last admin stays (409).

use domain::entities::{invitation, membership};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, assert_problem, spawn_app};

async fn delete(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.client
        .delete(app.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn user_id(app: &TestApp, token: &str) -> String {
    let me: Value = app.me(token).await.json().await.unwrap();
    me["user"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn an_admin_withdraws_a_pending_invitation_and_its_code_stops_working() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sent: Value = app
        .invite_advisor(&company, "later@review.example")
        .await
        .json()
        .await
        .unwrap();
    let id = sent["invitation_id"].as_str().unwrap().to_string();
    app.run_jobs().await;
    let code = app.last_code_for("later@review.example");
    let path = format!("/companies/{}/invitations/{id}", company.id);

    let other = app.registered_company().await;
    assert_problem(delete(&app, &path, &other.token).await, 404).await;
    let advisor = app.advisor_of(&company).await;
    assert_problem(delete(&app, &path, &advisor).await, 403).await;
    let row = invitation::Entity::find_by_id(id.parse::<Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap();
    assert!(row.is_some(), "still pending");

    assert_eq!(delete(&app, &path, &company.token).await.status(), 204);
    let row = invitation::Entity::find_by_id(id.parse::<Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap();
    assert!(row.is_none(), "withdrawn");
    assert_eq!(
        app.accept_invitation(&code, "advisor-password-1").await.status(),
        404,
        "the code no longer works"
    );
    assert_problem(delete(&app, &path, &company.token).await, 404).await;
}

#[tokio::test]
async fn an_admin_removes_a_member_but_never_the_last_admin() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let advisor = app.advisor_of(&company).await;
    let advisor_id = user_id(&app, &advisor).await;
    let admin_id = user_id(&app, &company.token).await;
    let member = format!("/companies/{}/members/{advisor_id}", company.id);

    let other = app.registered_company().await;
    assert_problem(delete(&app, &member, &other.token).await, 404).await;
    let second = app.advisor_of(&company).await;
    assert_problem(delete(&app, &member, &second).await, 403).await;
    let last_admin = format!("/companies/{}/members/{admin_id}", company.id);
    let refused = assert_problem(delete(&app, &last_admin, &company.token).await, 409).await;
    assert!(
        refused["detail"].as_str().unwrap().contains("last admin"),
        "{refused}"
    );

    assert_eq!(delete(&app, &member, &company.token).await.status(), 204);
    let left = membership::Entity::find()
        .filter(membership::Column::UserId.eq(advisor_id.parse::<Uuid>().unwrap()))
        .all(&app.db)
        .await
        .unwrap();
    assert!(left.is_empty(), "the membership is gone");
    let me: Value = app.me(&advisor).await.json().await.unwrap();
    assert_eq!(me["memberships"], serde_json::json!([]), "{me}");
    assert_problem(delete(&app, &member, &company.token).await, 404).await;
    let admins = membership::Entity::find()
        .filter(membership::Column::UserId.eq(admin_id.parse::<Uuid>().unwrap()))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(admins.len(), 1, "the admin stays");
}
