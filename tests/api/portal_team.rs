//! The portal's team page: withdrawing a pending invitation (its link stops
//! working) and removing a member (they lose the company's pages at once); the
//! company's last admin stays; another company's ids are 404; strangers, suppliers
//! and advisors are refused, and nothing changes.

use domain::entities::{audit_event, invitation, membership, user};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::Value;

use crate::{
    helpers::{Company, TestApp, spawn_app},
    portal_flow::{Portal, outsiders, situation},
    portal_security::snapshot,
};

fn withdraw_path(cid: &str, id: uuid::Uuid) -> String {
    format!("/companies/{cid}/team/invitations/{id}/withdraw")
}

fn remove_path(cid: &str, id: uuid::Uuid) -> String {
    format!("/companies/{cid}/team/members/{id}/remove")
}

/// The pending invitation sent to `email`.
async fn invitation_to(app: &TestApp, email: &str) -> Option<invitation::Model> {
    invitation::Entity::find()
        .filter(invitation::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
}

/// The membership of `email` in organization `org`.
async fn membership_of(app: &TestApp, email: &str, org: &str) -> Option<membership::Model> {
    let person = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()?;
    membership::Entity::find()
        .filter(membership::Column::UserId.eq(person.id))
        .filter(membership::Column::OrganizationId.eq(uuid::Uuid::parse_str(org).unwrap()))
        .one(&app.db)
        .await
        .unwrap()
}

async fn audited(app: &TestApp, action: &str, entity: uuid::Uuid) -> bool {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .filter(audit_event::Column::EntityId.eq(entity))
        .one(&app.db)
        .await
        .unwrap()
        .is_some()
}

/// The company's admin, signed in to the portal.
async fn admin_portal(app: &TestApp, company: &Company) -> Portal {
    let portal = Portal::new(app, "en");
    portal.login(&company.email, "a-long-password-1").await;
    portal
}

/// Invites `email` as `role` through the team page; returns the invitation's code.
async fn invite(app: &TestApp, who: &Portal, cid: &str, email: &str, role: &str) -> String {
    let sent = who
        .post(
            &format!("/companies/{cid}/team"),
            &[("email", email), ("role", role)],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    app.run_jobs().await;
    app.last_code_for(email)
}

/// Someone who accepted an invitation as `role`, signed in to the portal.
async fn joined(app: &TestApp, admin: &Portal, cid: &str, role: &str) -> (String, Portal) {
    let email = format!("{role}-{}@team.example", uuid::Uuid::new_v4().simple());
    let code = invite(app, admin, cid, &email, role).await;
    assert!(
        app.accept_invitation(&code, "member-password-1")
            .await
            .status()
            .is_success()
    );
    let portal = Portal::new(app, "en");
    portal.login(&email, "member-password-1").await;
    (email, portal)
}

#[tokio::test]
async fn an_officer_withdraws_an_invitation_and_its_link_stops_working() {
    let app = spawn_app().await;
    let s = situation(&app, "Team Co").await;
    let cid = s.company.id.clone();
    let admin = admin_portal(&app, &s.company).await;
    let email = format!("late-{}@review.example", uuid::Uuid::new_v4().simple());
    let code = invite(&app, &admin, &cid, &email, "advisor").await;
    let pending = invitation_to(&app, &email).await.expect("stored");
    let path = withdraw_path(&cid, pending.id);
    let team = admin.get(&format!("/companies/{cid}/team")).await;
    assert!(team.body.contains(&email), "{}", team.body);
    assert!(
        team.body.contains(&format!("action=\"{path}\"")) && team.body.contains("data-confirm="),
        "a confirmed Withdraw form beside it: {}",
        team.body
    );

    // Refused: another company's officer and the supplier (404), an advisor (403);
    // another company's invitation through this company is 404 too.
    for (who, status) in outsiders(&app, &s).await {
        assert_eq!(who.post(&path, &[]).await.status, status);
    }
    let other = app.registered_company().await;
    let theirs: Value = app
        .invite_advisor(&other, "theirs@review.example")
        .await
        .json()
        .await
        .unwrap();
    let theirs = uuid::Uuid::parse_str(theirs["invitation_id"].as_str().unwrap()).unwrap();
    let before = snapshot(&app.db).await;
    let refused = admin.post(&withdraw_path(&cid, theirs), &[]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
    assert!(before == snapshot(&app.db).await, "nothing changed");
    assert!(invitation_to(&app, "theirs@review.example").await.is_some());
    assert!(invitation_to(&app, &email).await.is_some(), "still pending");

    let done = admin.post(&path, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location, format!("/companies/{cid}/team?done=withdrawn"));
    let team = admin.get(&done.location).await;
    assert!(
        team.body.contains("role=\"status\">Invitation withdrawn."),
        "{}",
        team.body
    );
    assert!(!team.body.contains(&email), "no longer listed");
    assert!(invitation_to(&app, &email).await.is_none());
    assert!(audited(&app, "invitation.withdrawn", pending.id).await);

    // The link is dead, in the portal and in the API; nobody joined.
    let late = Portal::new(&app, "en");
    let accept = late
        .post(
            &format!("/invitations/{code}"),
            &[("name", "Late Advisor"), ("password", "advisor-password-1")],
        )
        .await;
    assert_eq!(accept.status, StatusCode::NOT_FOUND, "{}", accept.body);
    assert!(accept.body.contains("This invitation does not exist."));
    assert_eq!(
        app.accept_invitation(&code, "advisor-password-1").await.status(),
        404
    );
    assert!(
        user::Entity::find()
            .filter(user::Column::Email.eq(email.as_str()))
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    // Twice is 404: it is gone.
    assert_eq!(admin.post(&path, &[]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_removed_member_can_no_longer_open_the_company_pages() {
    let app = spawn_app().await;
    let s = situation(&app, "Team Co").await;
    let cid = s.company.id.clone();
    let admin = admin_portal(&app, &s.company).await;
    let (email, advisor) = joined(&app, &admin, &cid, "advisor").await;
    let seat = membership_of(&app, &email, &cid).await.expect("a member");
    let path = remove_path(&cid, seat.id);
    assert_eq!(
        advisor.get(&format!("/companies/{cid}")).await.status,
        StatusCode::OK
    );
    let team = admin.get(&format!("/companies/{cid}/team")).await;
    assert!(
        team.body.contains(&email) && team.body.contains(&format!("action=\"{path}\"")),
        "a Remove form beside the member: {}",
        team.body
    );

    // Refused: strangers and the supplier (404), an advisor (403); another
    // company's membership through this company is 404.
    for (who, status) in outsiders(&app, &s).await {
        assert_eq!(who.post(&path, &[]).await.status, status);
    }
    let other = app.registered_company().await;
    let theirs = membership_of(&app, &other.email, &other.id).await.unwrap();
    let before = snapshot(&app.db).await;
    assert_eq!(
        admin.post(&remove_path(&cid, theirs.id), &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(before == snapshot(&app.db).await, "nothing changed");

    let done = admin.post(&path, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location, format!("/companies/{cid}/team?done=removed"));
    let team = admin.get(&done.location).await;
    assert!(
        team.body.contains("role=\"status\">Member removed."),
        "{}",
        team.body
    );
    assert!(!team.body.contains(&email), "no longer listed");
    assert!(membership_of(&app, &email, &cid).await.is_none());
    assert!(audited(&app, "membership.removed", seat.id).await);
    // At once, in the same session: the company is not theirs any more.
    for page in [format!("/companies/{cid}"), format!("/companies/{cid}/reviews")] {
        assert_eq!(advisor.get(&page).await.status, StatusCode::NOT_FOUND, "{page}");
    }
}

#[tokio::test]
async fn the_last_admin_stays_and_an_admin_may_leave_when_another_remains() {
    let app = spawn_app().await;
    let s = situation(&app, "Team Co").await;
    let cid = s.company.id.clone();
    let admin = admin_portal(&app, &s.company).await;
    let (officer_email, officer) = joined(&app, &admin, &cid, "officer").await;
    let admin_seat = membership_of(&app, &s.company.email, &cid).await.unwrap();
    let officer_seat = membership_of(&app, &officer_email, &cid).await.unwrap();
    let team = admin.get(&format!("/companies/{cid}/team")).await;
    assert!(
        !team.body.contains(&remove_path(&cid, admin_seat.id)),
        "no Remove beside the last admin"
    );
    assert!(team.body.contains(&remove_path(&cid, officer_seat.id)));

    // An officer never removes an admin (least privilege); the admin cannot
    // remove themselves while they are the last one.
    let before = snapshot(&app.db).await;
    let seen_by_officer = officer.get(&format!("/companies/{cid}/team")).await;
    assert!(!seen_by_officer.body.contains(&remove_path(&cid, admin_seat.id)));
    let refused = officer.post(&remove_path(&cid, admin_seat.id), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let refused = admin.post(&remove_path(&cid, admin_seat.id), &[]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(
        refused
            .body
            .contains("role=\"alert\">The company&#39;s last admin cannot be removed"),
        "{}",
        refused.body
    );
    assert!(before == snapshot(&app.db).await, "nothing changed");

    // With a second admin, the first may leave (and goes home); the second is
    // then the last.
    let mut promoted = officer_seat.clone().into_active_model();
    promoted.role = Set("admin".into());
    promoted.update(&app.db).await.unwrap();
    let team = admin.get(&format!("/companies/{cid}/team")).await;
    assert!(
        team.body.contains(&remove_path(&cid, admin_seat.id)),
        "{}",
        team.body
    );
    let left = admin.post(&remove_path(&cid, admin_seat.id), &[]).await;
    assert_eq!(left.status, StatusCode::SEE_OTHER, "{}", left.body);
    assert_eq!(left.location, "/");
    assert_eq!(
        admin.get(&format!("/companies/{cid}/team")).await.status,
        StatusCode::NOT_FOUND
    );
    let refused = officer.post(&remove_path(&cid, officer_seat.id), &[]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(membership_of(&app, &officer_email, &cid).await.is_some());
}

#[tokio::test]
async fn an_admin_creates_a_key_in_the_portal_uses_it_once_shown_and_revokes_it() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let admin = admin_portal(&app, &company).await;
    let path = format!("/companies/{}/api-keys", company.id);
    let page = admin.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("No API keys yet."), "{}", page.body);
    assert!(
        page.body.contains(&format!("href=\"{path}\"")),
        "the admin's navigation links it"
    );

    // A name with a line break is refused beside the field; nothing is stored.
    let refused = admin
        .post(&path, &[("name", "ERP\nsync"), ("role", "read_only")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"key-name-error\""), "{}", refused.body);
    assert!(refused.body.contains("No API keys yet."));

    // Created: the key is shown once, and it opens the API with its role.
    let created = admin
        .post(&path, &[("name", "ERP sync"), ("role", "read_only")])
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let marker = "<code id=\"new-key\">";
    let start = created.body.find(marker).expect("the new key is shown") + marker.len();
    let key = created.body[start..].split('<').next().unwrap().to_string();
    assert!(key.starts_with("fh_"), "{key}");
    let companies = app
        .get_api(&format!("/companies/{}", company.id), Some(&key))
        .await;
    assert_eq!(companies.status(), 200);
    let listed = admin.get(&path).await;
    assert!(listed.body.contains("ERP sync"));
    assert!(!listed.body.contains(&key), "never shown again");

    // Revoked: it opens nothing any more, and stays listed as revoked.
    let keys: serde_json::Value = app
        .get_api(
            &format!("/companies/{}/api-keys", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = keys["items"][0]["id"].as_str().unwrap().to_string();
    let revoked = admin.post(&format!("{path}/{id}/revoke"), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER, "{}", revoked.body);
    assert_eq!(revoked.location, format!("{path}?revoked=1"));
    assert_eq!(
        app.get_api(&format!("/companies/{}", company.id), Some(&key))
            .await
            .status(),
        401
    );
    assert!(admin.get(&path).await.body.contains("Revoked on"));

    // An officer may not manage keys; another company's admin does not see them.
    let (_, officer) = joined(&app, &admin, &company.id, "officer").await;
    assert_eq!(officer.get(&path).await.status, StatusCode::FORBIDDEN);
    let other = app.registered_company().await;
    let stranger = admin_portal(&app, &other).await;
    assert_eq!(stranger.get(&path).await.status, StatusCode::NOT_FOUND);
}
