//! Supplier links (issue #24): the assessment email carries a link that opens
//! that one assessment for answering without an account. A supplier answers and
//! submits through the emailed link alone; a revoked or expired link gets a clear
//! page (410), an unknown one a 404; the link's cookie opens nothing else; the
//! company lists, revokes and re-sends links, and another tenant gets 404.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{Company, ReceivedEmail, TestApp, assert_problem, parse_email, spawn_app, spawn_app_with_smtp},
    portal_flow::{Page, Portal},
};

/// The token of the supplier link in an email (`{PUBLIC_URL}/a/{token}`).
pub fn link_token(email: &ReceivedEmail) -> String {
    let start = email.text.find("/a/").expect("a supplier link in the email") + 3;
    let token: String = email.text[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "a 256-bit token");
    token
}

/// A supplier nobody has an account for, and an assessment sent to its contact.
struct Sent {
    supplier_id: String,
    assessment_id: String,
    contact: String,
}

async fn send_to_new_supplier(app: &TestApp, company: &Company, name: &str) -> Sent {
    let contact = format!("contact-{}@supplier.example", uuid::Uuid::new_v4().simple());
    let created = app
        .create_supplier(
            company,
            &json!({"name": name, "country": "MY", "sector": "electronics", "contact_email": contact}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let supplier: Value = created.json().await.unwrap();
    let supplier_id = supplier["id"].as_str().unwrap().to_string();
    let questionnaire = app
        .company_questionnaire(company, &small_definition(&format!("links-{name}"), 1))
        .await;
    let assessment_id = app.send_assessment(company, &supplier_id, &questionnaire).await;
    app.run_jobs().await;
    Sent {
        supplier_id,
        assessment_id,
        contact,
    }
}

/// The supplier links emailed to `to` (outbox transport), in no set order.
fn links_in_outbox(app: &TestApp, to: &str) -> Vec<String> {
    app.outbox()
        .into_iter()
        .map(|raw| parse_email(raw.as_bytes()))
        .filter(|m| m.to.contains(to) && m.text.contains("/a/"))
        .map(|m| link_token(&m))
        .collect()
}

/// `GET /assessments/{aid}/links` as the company's admin.
async fn links_of(app: &TestApp, company: &Company, aid: &str) -> Value {
    let listed = app
        .get_api(&format!("/assessments/{aid}/links"), Some(&company.token))
        .await;
    assert_eq!(listed.status(), 200);
    listed.json().await.unwrap()
}

async fn open(portal: &Portal, token: &str) -> Page {
    portal.get(&format!("/a/{token}")).await
}

#[tokio::test]
async fn a_supplier_answers_and_submits_through_the_emailed_link_alone() {
    let app = spawn_app_with_smtp().await;
    let company = app.registered_company().await;
    let sent = send_to_new_supplier(&app, &company, "Linked Fabrics").await;
    let aid = sent.assessment_id.as_str();
    let mail = app
        .smtp
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .find(|m| m.to.contains(&sent.contact) && m.subject.contains("questionnaire"))
        .expect("the assessment email arrived at the SMTP server");
    assert!(mail.text.contains("http://portal.test/a/"), "{}", mail.text);
    assert!(mail.text.contains("30 days"), "{}", mail.text);
    let token = link_token(&mail);

    // A browser with nothing but the link.
    let supplier = Portal::new(&app, "en");
    let opened = open(&supplier, &token).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert_eq!(opened.location, format!("/assessments/{aid}/sections/1"));
    let section = supplier.get(&opened.location).await;
    assert_eq!(section.status, StatusCode::OK, "{}", section.body);
    assert!(section.body.contains("Did any worker pay a fee?"));
    assert!(
        section.body.contains("action=\"/a/account\""),
        "the offer to create an account"
    );

    // A refused value is reported beside the field, nothing of it stored.
    let refused = supplier
        .post(
            &format!("/assessments/{aid}/sections/1"),
            &[
                ("a.fees.paid", "no"),
                ("a.hours.max_weekly", "200"),
                ("go", "stay"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let saved = supplier
        .post(
            &format!("/assessments/{aid}/sections/1"),
            &[
                ("a.fees.paid", "no"),
                ("a.hours.max_weekly", "48"),
                ("go", "check"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location, format!("/assessments/{aid}/check"));
    let submitted = supplier.post(&format!("/assessments/{aid}/submit"), &[]).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER, "{}", submitted.body);
    assert_eq!(
        submitted.location,
        format!("/assessments/{aid}/check?submitted=1")
    );

    // The company sees it submitted, with the answers the link holder gave.
    let got: Value = app
        .get_api(&format!("/assessments/{aid}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got["status"], "submitted");
    assert_eq!(got["answers"]["hours.max_weekly"], 48);

    // The audit trail names the link as the actor ("the supplier via link").
    let links = links_of(&app, &company, aid).await;
    assert_eq!(links["total"], 1);
    let link_id: uuid::Uuid = links["items"][0]["id"].as_str().unwrap().parse().unwrap();
    assert!(links["items"][0].get("token").is_none());
    assert!(links["items"][0]["last_opened_at"].is_string());
    let submitted_event = domain::entities::audit_event::Entity::find()
        .filter(domain::entities::audit_event::Column::Action.eq("assessment.submitted"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("an audit event for the submit");
    assert_eq!(submitted_event.actor_user_id, Some(link_id));
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let trail = officer.get(&format!("/companies/{}/audit", company.id)).await;
    assert!(trail.body.contains("supplier link"), "{}", trail.body);
    assert!(trail.body.contains(&sent.contact));

    // A submitted assessment can no longer be changed through the link.
    let late = supplier
        .post(
            &format!("/assessments/{aid}/sections/1"),
            &[("a.fees.paid", "yes"), ("go", "stay")],
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_link_opens_nothing_else() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sent = send_to_new_supplier(&app, &company, "Scoped Ltd").await;
    let token = links_in_outbox(&app, &sent.contact).pop().expect("a link");
    // A second assessment of the same supplier.
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("links-second", 1))
        .await;
    let other = app
        .send_assessment(&company, &sent.supplier_id, &questionnaire)
        .await;
    let holder = Portal::new(&app, "en");
    assert_eq!(open(&holder, &token).await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        holder
            .get(&format!("/assessments/{}/sections/1", sent.assessment_id))
            .await
            .status,
        StatusCode::OK
    );
    // Evidence for its own assessment is taken; for the other one, 404.
    let holder = &holder;
    let evidence = |aid: String| async move {
        let token = holder.csrf().await;
        let form = reqwest::multipart::Form::new()
            .text("csrf_token", token)
            .text("question_key", "docs.policy")
            .text("section", "1")
            .part(
                "file",
                reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("policy.pdf"),
            );
        holder
            .post_multipart(&format!("/assessments/{aid}/evidence"), form)
            .await
    };
    let uploaded = evidence(sent.assessment_id.clone()).await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.body);
    assert!(uploaded.location.ends_with("?upload=ok"), "{}", uploaded.location);
    assert_eq!(evidence(other.clone()).await.status, StatusCode::NOT_FOUND);
    // Another assessment of the same supplier: 404, and nothing saved through it.
    assert_eq!(
        holder
            .get(&format!("/assessments/{other}/sections/1"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let posted = holder
        .post(
            &format!("/assessments/{other}/sections/1"),
            &[("a.fees.paid", "yes"), ("go", "stay")],
        )
        .await;
    assert_eq!(posted.status, StatusCode::NOT_FOUND);
    assert_eq!(
        holder
            .post(&format!("/assessments/{other}/submit"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Every other portal page sends the holder to the login page.
    for page in [
        format!("/suppliers/{}/assessments", sent.supplier_id),
        format!("/suppliers/{}", sent.supplier_id),
        format!("/suppliers/{}/findings", sent.supplier_id),
        format!("/companies/{}/suppliers", company.id),
        format!("/companies/{}", company.id),
        format!("/companies/{}/audit", company.id),
        format!("/assessments/{}", sent.assessment_id),
    ] {
        let got = holder.get(&page).await;
        assert_eq!(got.status, StatusCode::SEE_OTHER, "{page}");
        assert_eq!(got.location, "/", "{page}");
    }
    // The API never reads the cookie: 401 (the holder's client sends it).
    let api = holder
        .client
        .get(format!(
            "{}/api/v1/assessments/{}",
            app.address, sent.assessment_id
        ))
        .send()
        .await
        .unwrap();
    assert_problem(api, 401).await;
    let answers: Vec<String> = domain::entities::assessment_answer::Entity::find()
        .filter(
            domain::entities::assessment_answer::Column::AssessmentId
                .eq(other.parse::<uuid::Uuid>().unwrap()),
        )
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.question_key)
        .collect();
    assert!(answers.is_empty(), "{answers:?}");
}

#[tokio::test]
async fn revoked_expired_and_unknown_links_get_a_clear_page() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sent = send_to_new_supplier(&app, &company, "Closed Links").await;
    let token = links_in_outbox(&app, &sent.contact).pop().expect("a link");
    let holder = Portal::new(&app, "en");
    assert_eq!(open(&holder, &token).await.status, StatusCode::SEE_OTHER);
    let section = format!("/assessments/{}/sections/1", sent.assessment_id);

    // Revoked through the API: the link and the cookie it gave are closed.
    let links = links_of(&app, &company, &sent.assessment_id).await;
    let link_id = links["items"][0]["id"].as_str().unwrap().to_string();
    let revoked = app
        .client
        .delete(app.url(&format!("/api/v1/assessment-links/{link_id}")))
        .bearer_auth(&company.token)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 200);
    let revoked: Value = revoked.json().await.unwrap();
    assert_eq!(revoked["status"], "revoked");
    let closed = open(&Portal::new(&app, "en"), &token).await;
    assert_eq!(closed.status, StatusCode::GONE);
    assert!(
        closed.body.contains("This link has been withdrawn"),
        "{}",
        closed.body
    );
    assert!(
        closed.body.contains(&company_name(&app, &company).await),
        "whom to ask"
    );
    assert_eq!(holder.get(&section).await.status, StatusCode::GONE);

    // A new link (resend), then aged past its 30 days in the database.
    let resent = app
        .post_json(
            &format!("/assessments/{}/links", sent.assessment_id),
            Some(&company.token),
            &json!({}),
        )
        .await;
    assert_eq!(resent.status(), 201);
    let resent: Value = resent.json().await.unwrap();
    assert_eq!(resent["items"].as_array().unwrap().len(), 1);
    app.run_jobs().await;
    let fresh = links_in_outbox(&app, &sent.contact);
    assert_eq!(fresh.len(), 2, "the first email and the resend");
    let fresh = fresh.into_iter().find(|t| *t != token).expect("a new token");
    let later = Portal::new(&app, "es");
    assert_eq!(open(&later, &fresh).await.status, StatusCode::SEE_OTHER);
    assert_eq!(later.get(&section).await.status, StatusCode::OK);
    domain::entities::assessment_link::Entity::update_many()
        .col_expr(
            domain::entities::assessment_link::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let expired = open(&Portal::new(&app, "fr"), &fresh).await;
    assert_eq!(expired.status, StatusCode::GONE);
    // In the language of the person it was sent to (the supplier's: English here).
    assert!(expired.body.contains("This link has expired"), "{}", expired.body);
    assert_eq!(later.get(&section).await.status, StatusCode::GONE);

    // An unknown link is a 404 page.
    let unknown = open(&Portal::new(&app, "en"), &"ab".repeat(32)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("This link is not known"));
}

async fn company_name(app: &TestApp, company: &Company) -> String {
    let got: Value = app
        .get_api(&format!("/companies/{}", company.id), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    got["name"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn links_are_the_companys_to_manage_and_another_tenant_gets_404() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let user = app.supplier_with_user(&company, "Has Users").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("links-tenant", 1))
        .await;
    let aid = app
        .send_assessment(&company, &user.supplier_id, &questionnaire)
        .await;
    app.run_jobs().await;
    let listed = links_of(&app, &company, &aid).await;
    assert_eq!(
        listed["total"], 1,
        "one person: the supplier's user, who is its contact"
    );
    assert_eq!(listed["items"][0]["status"], "active");
    assert_eq!(listed["items"][0]["email"], user.email.as_str());
    let link_id = listed["items"][0]["id"].as_str().unwrap().to_string();

    // The supplier's own users do not manage links.
    assert_problem(
        app.get_api(&format!("/assessments/{aid}/links"), Some(&user.token))
            .await,
        403,
    )
    .await;
    assert_problem(
        app.client
            .delete(app.url(&format!("/api/v1/assessment-links/{link_id}")))
            .bearer_auth(&user.token)
            .send()
            .await
            .unwrap(),
        403,
    )
    .await;
    // An advisor reads the list but may not revoke.
    let advisor = app.advisor_of(&company).await;
    assert_eq!(
        app.get_api(&format!("/assessments/{aid}/links"), Some(&advisor))
            .await
            .status(),
        200
    );
    assert_problem(
        app.client
            .delete(app.url(&format!("/api/v1/assessment-links/{link_id}")))
            .bearer_auth(&advisor)
            .send()
            .await
            .unwrap(),
        403,
    )
    .await;

    // Another tenant: 404 on every route, nothing changed.
    let stranger = app
        .register("Other Co", "other@other.example", "other-password-1")
        .await;
    let stranger: Value = stranger.json().await.unwrap();
    let stranger = stranger["access_token"].as_str().unwrap().to_string();
    assert_problem(
        app.get_api(&format!("/assessments/{aid}/links"), Some(&stranger))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.post_json(&format!("/assessments/{aid}/links"), Some(&stranger), &json!({}))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.client
            .delete(app.url(&format!("/api/v1/assessment-links/{link_id}")))
            .bearer_auth(&stranger)
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
    let still = links_of(&app, &company, &aid).await;
    assert_eq!(still["total"], 1);
    assert_eq!(still["items"][0]["status"], "active");

    // Once submitted, no new links: 409.
    assert_eq!(
        app.save_answers(
            &user.token,
            &aid,
            &json!({"fees.paid": "no", "hours.max_weekly": 40})
        )
        .await
        .status(),
        200
    );
    assert_eq!(app.submit(&user.token, &aid).await.status(), 202);
    assert_problem(
        app.post_json(
            &format!("/assessments/{aid}/links"),
            Some(&company.token),
            &json!({}),
        )
        .await,
        409,
    )
    .await;
}

#[tokio::test]
async fn the_holder_can_still_ask_for_an_account() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sent = send_to_new_supplier(&app, &company, "Wants An Account").await;
    let token = links_in_outbox(&app, &sent.contact).pop().expect("a link");
    let holder = Portal::new(&app, "en");
    assert_eq!(open(&holder, &token).await.status, StatusCode::SEE_OTHER);
    let before = app
        .outbox()
        .iter()
        .filter(|m| m.contains("Invitation code: "))
        .count();
    let asked = holder.post("/a/account", &[]).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert!(
        asked
            .body
            .contains("An invitation to create an account has been emailed")
    );
    app.run_jobs().await;
    let after = app
        .outbox()
        .iter()
        .filter(|m| m.contains("Invitation code: "))
        .count();
    assert_eq!(after, before + 1, "a new invitation email");
    // The existing invitation flow: accept, and the new user is the supplier's.
    let code = app.last_code_for(&sent.contact);
    let accepted = app.accept_invitation(&code, "new-supplier-password-1").await;
    assert_eq!(accepted.status(), 200);
    let token: Value = accepted.json().await.unwrap();
    let listed = app
        .get_api(
            &format!("/suppliers/{}/assessments", sent.supplier_id),
            token["access_token"].as_str(),
        )
        .await;
    assert_eq!(listed.status(), 200);
    // Asked again, now that the account exists: told to log in, nothing sent.
    let again = holder.post("/a/account", &[]).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.body.contains("already has an account"));
    // A signed-in member has no link to ask through: 404, not an invitation.
    let member = Portal::new(&app, "en");
    member.login(&company.email, "a-long-password-1").await;
    assert_eq!(member.post("/a/account", &[]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn officers_revoke_and_resend_links_from_the_assessment_page() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sent = send_to_new_supplier(&app, &company, "Portal Links").await;
    let aid = sent.assessment_id.as_str();
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let page = officer.get(&format!("/assessments/{aid}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&sent.contact));
    assert!(page.body.contains("/revoke\""), "a revoke button");
    let links = links_of(&app, &company, aid).await;
    let link_id = links["items"][0]["id"].as_str().unwrap().to_string();
    let revoked = officer
        .post(&format!("/assessment-links/{link_id}/revoke"), &[])
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let page = officer.get(&revoked.location).await;
    assert!(page.body.contains("The link has been withdrawn."));
    assert!(page.body.contains("withdrawn"));
    let resent = officer.post(&format!("/assessments/{aid}/links"), &[]).await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let tokens = links_in_outbox(&app, &sent.contact);
    assert_eq!(tokens.len(), 2);
    // The revoked one is closed, the new one opens.
    let mut outcomes = Vec::new();
    for token in &tokens {
        outcomes.push(open(&Portal::new(&app, "en"), token).await.status);
    }
    outcomes.sort();
    assert_eq!(outcomes, [StatusCode::SEE_OTHER, StatusCode::GONE]);
    let listed = links_of(&app, &company, aid).await;
    let statuses: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["active", "revoked"], "newest first");
}
