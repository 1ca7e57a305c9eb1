//! Notifications at a real SMTP server: every message reaches the right people in
//! their language with the link to the exact page; reminders come once per
//! period even with two workers; an SMTP outage delays email but loses or doubles
//! none; undeliverable email is listed for admins; user content is escaped.

use std::time::Duration;

use chrono::{Days, Utc};
use domain::{
    entities::{assessment, fee_audit, finding, job, report},
    notifications,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    fixtures::small_definition,
    helpers::{
        Company, ReceivedEmail, SmtpServer, TestApp, assert_problem, invitation_code, spawn_app_with_smtp,
    },
};

/// A logged-in person.
struct Person {
    email: String,
    token: String,
}

/// A company (admin in English), an advisor reading French, a supplier whose
/// contact accepted the invitation and reads Spanish, and an unrelated company.
struct World {
    app: TestApp,
    company: Company,
    advisor: Person,
    contact: Person,
    supplier_id: Uuid,
    outsider: Company,
}

/// The app with a real SMTP server, and links under its public URL.
async fn smtp_app() -> TestApp {
    let mut app = spawn_app_with_smtp().await;
    let public_url = app.settings.public_url.clone();
    app.runner.set_public_url(&public_url);
    app
}

async fn world() -> World {
    let app = smtp_app().await;
    let company = app.registered_company().await;
    let outsider = app.registered_company().await;

    let email = format!("advisor-{}@review.example", Uuid::new_v4().simple());
    assert_eq!(app.invite_advisor(&company, &email).await.status(), 201);
    let advisor = accept(&app, &email).await;
    set_preferences(&app, &advisor, json!({"locale": "fr"})).await;

    let email = format!("contact-{}@supplier.example", Uuid::new_v4().simple());
    let body =
        json!({"name": "Textiles del Sur", "country": "MY", "sector": "electronics", "contact_email": email});
    let created = app.create_supplier(&company, &body).await;
    assert_eq!(created.status(), 201, "create supplier");
    let supplier: Value = created.json().await.unwrap();
    let contact = accept(&app, &email).await;
    set_preferences(&app, &contact, json!({"locale": "es"})).await;

    World {
        supplier_id: supplier["id"].as_str().unwrap().parse().unwrap(),
        app,
        company,
        advisor,
        contact,
        outsider,
    }
}

/// Runs the jobs, then accepts the invitation that reached `email`.
async fn accept(app: &TestApp, email: &str) -> Person {
    app.run_jobs().await;
    let invitation = inbox(app, email)
        .pop()
        .unwrap_or_else(|| panic!("no invitation for {email}"));
    assert!(
        invitation.text.contains("http://portal.test/invitations/"),
        "{}",
        invitation.text
    );
    let accepted = app
        .accept_invitation(&invitation_code(&invitation), "a-long-password-1")
        .await;
    assert_eq!(accepted.status(), 200);
    let token: Value = accepted.json().await.unwrap();
    Person {
        email: email.to_string(),
        token: token["access_token"].as_str().unwrap().to_string(),
    }
}

async fn set_preferences(app: &TestApp, person: &Person, body: Value) -> Value {
    let response = app.patch_json("/me/preferences", &person.token, &body).await;
    assert_eq!(response.status(), 200, "preferences");
    response.json().await.unwrap()
}

/// Every message received so far for `address`.
fn inbox(app: &TestApp, address: &str) -> Vec<ReceivedEmail> {
    let smtp = app.smtp.as_ref().expect("an SMTP server");
    smtp.messages()
        .into_iter()
        .filter(|m| m.to.contains(address))
        .collect()
}

/// The one message to `address` whose subject contains `subject`.
fn one(app: &TestApp, address: &str, subject: &str) -> ReceivedEmail {
    let mut found: Vec<ReceivedEmail> = inbox(app, address)
        .into_iter()
        .filter(|m| m.subject.contains(subject))
        .collect();
    assert_eq!(found.len(), 1, "one “{subject}” for {address}: {found:#?}");
    let email = found.remove(0);
    assert!(
        !email.text.is_empty() && !email.html.is_empty(),
        "both parts: {email:#?}"
    );
    email
}

/// Asserts `link` is in both parts of `email`.
fn links_to(email: &ReceivedEmail, link: &str) {
    assert!(email.text.contains(link), "text lacks {link}:\n{}", email.text);
    assert!(email.html.contains(link), "html lacks {link}:\n{}", email.html);
}

/// The assessment the email's supplier link opens (issue #24: the assessment
/// emails carry `{PUBLIC_URL}/a/{token}`, the same in text and HTML).
async fn opened_by(app: &TestApp, email: &ReceivedEmail) -> String {
    let at = email.text.find("http://portal.test/a/").expect("a supplier link");
    let link: String = email.text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    assert!(email.html.contains(&link), "html lacks {link}:\n{}", email.html);
    let token = link.trim_start_matches("http://portal.test/a/");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let opened = client
        .get(format!("{}/a/{token}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 303, "the link opens");
    let location = opened.headers()["location"].to_str().unwrap();
    location
        .trim_start_matches("/assessments/")
        .trim_end_matches("/sections/1")
        .to_string()
}

/// Nobody but the company's people and the supplier's contact ever got email.
fn only_insiders(world: &World) {
    let insiders = [&world.company.email, &world.advisor.email, &world.contact.email];
    for message in world.app.smtp.as_ref().unwrap().messages() {
        assert!(
            insiders.iter().any(|a| message.to.contains(a.as_str())),
            "sent to {}",
            message.to
        );
    }
    assert!(inbox(&world.app, &world.outsider.email).is_empty());
}

async fn questionnaire(app: &TestApp, company: &Company) -> String {
    let path = format!("/companies/{}/questionnaires", company.id);
    let created = app
        .post_json(&path, Some(&company.token), &small_definition("small", 1))
        .await;
    assert_eq!(created.status(), 201, "questionnaire");
    let created: Value = created.json().await.unwrap();
    created["id"].as_str().unwrap().to_string()
}

async fn set_assessment(app: &TestApp, id: &str, status: &str, due_in_days: i64) {
    let due = (Utc::now() + chrono::Duration::days(due_in_days)).date_naive();
    let row = assessment::Entity::find_by_id(id.parse::<Uuid>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: assessment::ActiveModel = row.into();
    row.status = Set(status.to_string());
    row.due_date = Set(due);
    row.update(&app.db).await.unwrap();
}

async fn add_finding(world: &World, severity: &str, zero_tolerance: bool, age_days: u64) -> finding::Model {
    let at = Utc::now().checked_sub_days(Days::new(age_days)).unwrap();
    finding::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(world.company.id.parse().unwrap()),
        supplier_id: Set(world.supplier_id),
        assessment_id: Set(None),
        fee_audit_id: Set(None),
        severity: Set(severity.to_string()),
        zero_tolerance: Set(zero_tolerance),
        indicator: Set("recruitment_fees".into()),
        question_key: Set(None),
        title: Set(format!("A {severity} finding")),
        detail: Set("Seen in the payroll.".into()),
        status: Set("open".into()),
        source: Set("manual".into()),
        created_by: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        confirmed_at: Set(None),
        confirmed_by: Set(None),
    }
    .insert(&world.app.db)
    .await
    .unwrap()
}

/// Jobs not yet done or failed.
async fn pending_jobs(app: &TestApp) -> u64 {
    job::Entity::find()
        .filter(job::Column::Status.is_in(["queued", "running"]))
        .count(&app.db)
        .await
        .unwrap()
}

async fn tick(app: &TestApp, days_ahead: i64) -> usize {
    let now = Utc::now() + chrono::Duration::days(days_ahead);
    app.runner.tick_scheduler(now).await.unwrap()
}

#[tokio::test]
async fn the_supplier_hears_about_its_assessment_in_spanish_with_the_link_to_it() {
    let w = world().await;
    let app = &w.app;
    let invitation = one(app, &w.contact.email, "invited to Fairhire");
    assert!(invitation.html.contains("http://portal.test/invitations/"));

    // Sent.
    let qid = questionnaire(app, &w.company).await;
    let aid = app
        .send_assessment(&w.company, &w.supplier_id.to_string(), &qid)
        .await;
    app.run_jobs().await;
    let sent = one(
        app,
        &w.contact.email,
        "le ha enviado un cuestionario: Control breve",
    );
    assert_eq!(opened_by(app, &sent).await, aid);
    assert!(sent.text.contains("Por qué recibe este mensaje"), "{}", sent.text);

    // Returned, through the review route.
    set_assessment(app, &aid, "scored", 30).await;
    let review = json!({"decision": "return", "comment": "Adjunte las nóminas de marzo"});
    let returned = app
        .post_json(
            &format!("/assessments/{aid}/review"),
            Some(&w.advisor.token),
            &review,
        )
        .await;
    assert_eq!(returned.status(), 200);
    app.run_jobs().await;
    let returned = one(app, &w.contact.email, "Se solicitan cambios");
    assert_eq!(opened_by(app, &returned).await, aid);
    assert!(returned.text.contains("Adjunte las nóminas de marzo"));

    // Due in two days: one reminder, however often the scheduler ticks that day.
    set_assessment(app, &aid, "returned", 2).await;
    assert!(tick(app, 0).await >= 1);
    app.run_jobs().await;
    assert_eq!(tick(app, 0).await, 0, "the period's job exists");
    app.run_jobs().await;
    let soon = one(app, &w.contact.email, "Recordatorio");
    assert!(soon.subject.contains("vence en 2 días"), "{}", soon.subject);
    assert_eq!(opened_by(app, &soon).await, aid);

    // Overdue: once a week, not once a day (days 4 to 7 overdue are one week).
    set_assessment(app, &aid, "returned", -3).await;
    for day in 1..=4 {
        tick(app, day).await;
        app.run_jobs().await;
    }
    let overdue = one(app, &w.contact.email, "Vencido");
    assert!(overdue.text.contains("4 días de retraso"), "{}", overdue.text);
    assert_eq!(opened_by(app, &overdue).await, aid);
    tick(app, 8).await;
    app.run_jobs().await;
    assert_eq!(
        inbox(app, &w.contact.email)
            .iter()
            .filter(|m| m.subject.contains("Vencido"))
            .count(),
        2
    );

    // The company's people were told nothing of this, and nobody else was either.
    assert_eq!(inbox(app, &w.company.email).len(), 0);
    only_insiders(&w);
}

#[tokio::test]
async fn the_company_hears_about_findings_fee_audits_reports_and_actions() {
    let w = world().await;
    let app = &w.app;
    let admin = w.company.email.clone();
    let qid = questionnaire(app, &w.company).await;
    let aid = app
        .send_assessment(&w.company, &w.supplier_id.to_string(), &qid)
        .await;

    // Priority findings at once, to admins and advisors, each in their language.
    let urgent = add_finding(&w, "priority", true, 0).await;
    let minor = add_finding(&w, "minor", false, 1).await;
    notifications::findings_raised(&app.db, &[urgent.clone(), minor.clone()])
        .await
        .unwrap();
    app.run_jobs().await;
    let english = one(app, &admin, "Priority findings at Textiles del Sur");
    links_to(&english, &format!("http://portal.test/findings/{}", urgent.id));
    assert!(
        !english.text.contains(&minor.id.to_string()),
        "the minor one waits for the digest"
    );
    assert!(
        english.text.contains("“Administrator”"),
        "says why: {}",
        english.text
    );
    let french = one(
        app,
        &w.advisor.email,
        "Constats prioritaires chez Textiles del Sur",
    );
    links_to(&french, &format!("http://portal.test/findings/{}", urgent.id));
    // The notify job carried only the urgent finding, and running it again queues nothing.
    let notify = job::Entity::find()
        .filter(job::Column::Kind.eq("notify"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let event: notifications::Event = serde_json::from_value(notify.payload).unwrap();
    assert_eq!(
        event,
        notifications::Event::FindingsRaised {
            finding_ids: vec![urgent.id]
        }
    );
    let again = notifications::deliver(&app.db, notify.id, &event, "http://portal.test")
        .await
        .unwrap();
    assert_eq!(again, 0);

    // The digest of yesterday's other findings, to those who keep it on.
    let off = set_preferences(app, &w.advisor, json!({"digest_enabled": false})).await;
    assert_eq!(off, json!({"locale": "fr", "digest_enabled": false}));
    tick(app, 0).await;
    app.run_jobs().await;
    let digest = one(app, &admin, "Findings digest");
    links_to(&digest, &format!("http://portal.test/findings/{}", minor.id));
    assert!(!digest.text.contains(&urgent.id.to_string()));
    assert!(
        inbox(app, &w.advisor.email)
            .iter()
            .all(|m| !m.subject.contains("Synthèse"))
    );

    // Fee audit processed.
    let audit = fee_audit::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(urgent.company_id),
        supplier_id: Set(w.supplier_id),
        summary: Set(
            json!({"workers": 3, "workers_who_paid": 1, "total_fees_usd": "1200.00",
                            "total_outstanding_usd": "1200.00"}),
        ),
        row_count: Set(4),
        created_by: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    notifications::fee_audit_processed(&app.db, &audit).await.unwrap();
    app.run_jobs().await;
    let processed = one(app, &admin, "Fee audit processed for Textiles del Sur");
    links_to(&processed, &format!("http://portal.test/fee-audits/{}", audit.id));
    assert!(processed.text.contains("1200.00"));
    one(app, &w.advisor.email, "Audit des frais de recrutement");

    // Report ready: officers and admins (the advisor did not ask for it).
    let me: Value = app.me(&w.company.token).await.json().await.unwrap();
    let ready = report::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(urgent.company_id),
        assessment_id: Set(aid.parse().unwrap()),
        status: Set("ready".into()),
        locale: Set("en".into()),
        storage_key: Set(Some("reports/x.pdf".into())),
        error: Set(None),
        requested_by: Set(me["user"]["id"].as_str().unwrap().parse().ok()),
        created_at: Set(Utc::now()),
        ready_at: Set(Some(Utc::now())),
    }
    .insert(&app.db)
    .await
    .unwrap();
    notifications::report_ready(&app.db, &ready).await.unwrap();
    app.run_jobs().await;
    links_to(
        &one(app, &admin, "Your report on Textiles del Sur is ready"),
        &format!("http://portal.test/reports/{}", ready.id),
    );
    assert!(
        inbox(app, &w.advisor.email)
            .iter()
            .all(|m| !m.subject.contains("rapport"))
    );

    // Corrective actions due soon: the owner (if one of ours) and the admins.
    let due = (Utc::now() + chrono::Duration::days(6)).date_naive().to_string();
    for owner in [w.contact.email.as_str(), "stranger@elsewhere.example"] {
        let body = json!({"description": "Repay every worker", "due_date": due, "owner_email": owner});
        let added = app
            .post_json(
                &format!("/findings/{}/actions", minor.id),
                Some(&w.company.token),
                &body,
            )
            .await;
        assert_eq!(added.status(), 201, "add action");
    }
    tick(app, 1).await;
    app.run_jobs().await;
    let owner = one(app, &w.contact.email, "Acción correctiva que vence en 5 días");
    links_to(&owner, &format!("http://portal.test/findings/{}", minor.id));
    assert!(owner.text.contains("usted es responsable"), "{}", owner.text);
    let to_admin: Vec<_> = inbox(app, &admin)
        .into_iter()
        .filter(|m| m.subject.contains("Corrective action due"))
        .collect();
    assert_eq!(to_admin.len(), 2, "one per action");
    only_insiders(&w);
}

#[tokio::test]
async fn an_smtp_outage_delays_email_but_loses_or_doubles_none() {
    let w = world().await;
    let mut app = w.app;
    let before = app.smtp.as_ref().unwrap().messages().len();
    let port = app.smtp.as_ref().unwrap().port;
    app.smtp.as_mut().unwrap().stop();

    // Three events while the server is down.
    let qid = questionnaire(&app, &w.company).await;
    let aid = app
        .send_assessment(&w.company, &w.supplier_id.to_string(), &qid)
        .await;
    assert_eq!(
        app.invite_advisor(&w.company, "second-advisor@review.example")
            .await
            .status(),
        201
    );
    let body = json!({"name": "Kedah Plastics", "country": "MY", "sector": "electronics",
                      "contact_email": "contact@kedah.example"});
    assert_eq!(app.create_supplier(&w.company, &body).await.status(), 201);

    let outcomes = (0..3).map(|_| app.runner.run_once());
    let mut retried = 0;
    for outcome in futures_util::future::join_all(outcomes).await {
        if let Some(outcome) = outcome.unwrap() {
            assert!(
                matches!(outcome.result, worker::JobResult::Retry { .. }),
                "{outcome:?}"
            );
            retried += 1;
        }
    }
    assert_eq!(retried, 3, "each send failed and was put back with a delay");
    let waiting = job::Entity::find()
        .filter(job::Column::Kind.eq("send_email"))
        .filter(job::Column::Status.eq("queued"))
        .filter(job::Column::LastError.is_not_null())
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(waiting, 3);

    // The server comes back on the same port; the retries deliver.
    app.smtp = Some(SmtpServer::start_on(port, app.settings.data_dir.join("maildir")));
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while app.smtp.as_ref().unwrap().messages().len() < before + 3 {
        assert!(std::time::Instant::now() < deadline, "the emails never arrived");
        app.run_jobs().await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.run_jobs().await;

    let all = app.smtp.as_ref().unwrap().messages();
    assert_eq!(all.len(), before + 3, "exactly once each");
    let count = |to: &str, subject: &str| {
        all.iter()
            .filter(|m| m.to.contains(to) && m.subject.contains(subject))
            .count()
    };
    assert_eq!(count(&w.contact.email, "le ha enviado un cuestionario"), 1);
    assert_eq!(count("second-advisor@review.example", "invited"), 1);
    assert_eq!(count("contact@kedah.example", "invited"), 1);
    let sent = domain::entities::outbound_email::Entity::find()
        .filter(domain::entities::outbound_email::Column::Status.eq("sent"))
        .filter(domain::entities::outbound_email::Column::MessageId.is_not_null())
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(
        sent as usize,
        before + 3,
        "each recorded with its Message-ID ({aid})"
    );
}

#[tokio::test]
async fn email_that_cannot_be_delivered_is_listed_for_admins_only() {
    let mut app = smtp_app().await;
    let company = app.registered_company().await;
    let outsider = app.registered_company().await;
    app.smtp.as_mut().unwrap().stop();
    assert_eq!(
        app.invite_advisor(&company, "nobody@review.example")
            .await
            .status(),
        201
    );

    // Every attempt fails (backoff 10 ms, doubling) until the email is given up.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        app.run_jobs().await;
        let failed = job::Entity::find()
            .filter(job::Column::Status.eq("failed"))
            .count(&app.db)
            .await
            .unwrap();
        if failed == 1 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the email never failed for good"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let path = format!("/companies/{}/emails?status=failed", company.id);
    let listed = app.get_api(&path, Some(&company.token)).await;
    assert_eq!(listed.status(), 200);
    let listed: Value = listed.json().await.unwrap();
    assert_eq!(listed["total"], 1);
    let item = &listed["items"][0];
    assert_eq!(
        (item["template"].as_str(), item["to"].as_str()),
        (Some("invitation"), Some("nobody@review.example"))
    );
    assert!(item["last_error"].as_str().unwrap().contains("SMTP"), "{item}");
    assert!(item["created_at"].is_string());

    let sent = app
        .get_api(
            &format!("/companies/{}/emails?status=sent", company.id),
            Some(&company.token),
        )
        .await;
    assert_eq!(sent.json::<Value>().await.unwrap()["total"], 0);
    assert_problem(
        app.get_api(
            &format!("/companies/{}/emails?status=lost", company.id),
            Some(&company.token),
        )
        .await,
        422,
    )
    .await;
    assert_problem(app.get_api(&path, Some(&outsider.token)).await, 404).await;
    assert_problem(app.get_api(&path, None).await, 401).await;

    // An advisor of the company may not see them.
    let port = app.smtp.as_ref().unwrap().port;
    app.smtp = Some(SmtpServer::start_on(port, app.settings.data_dir.join("maildir")));
    assert_eq!(
        app.invite_advisor(&company, "reader@review.example")
            .await
            .status(),
        201
    );
    let advisor = accept(&app, "reader@review.example").await;
    assert_problem(app.get_api(&path, Some(&advisor.token)).await, 403).await;
}

#[tokio::test]
async fn two_workers_send_one_reminder_per_assessment_per_period() {
    let w = world().await;
    let app = &w.app;
    let qid = questionnaire(app, &w.company).await;
    let first = app
        .send_assessment(&w.company, &w.supplier_id.to_string(), &qid)
        .await;
    let second = app
        .send_assessment(&w.company, &w.supplier_id.to_string(), &qid)
        .await;
    app.run_jobs().await;
    set_assessment(app, &first, "sent", 1).await;
    set_assessment(app, &second, "in_progress", 3).await;

    let runners: Vec<worker::Runner> = (0..2)
        .map(|_| {
            let config = fairhire::startup::worker_config(&app.settings).unwrap();
            let mut runner = worker::Runner::new(app.db.clone(), config, worker::jobs::catalogue()).unwrap();
            runner.set_public_url("http://portal.test");
            runner
        })
        .collect();
    let now = Utc::now();
    let (a, b) = tokio::join!(runners[0].tick_scheduler(now), runners[1].tick_scheduler(now));
    assert_eq!(
        a.unwrap() + b.unwrap(),
        5,
        "today's reminders, today's recurring assessments and three days of digests, once"
    );
    // Side by side, as two processes would; a write conflict (SQLite) is a retry.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while pending_jobs(app).await > 0 {
        assert!(std::time::Instant::now() < deadline, "jobs left undone");
        let (a, b) = tokio::join!(runners[0].run_until_idle(), runners[1].run_until_idle());
        a.unwrap();
        b.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (a, b) = tokio::join!(runners[0].tick_scheduler(now), runners[1].tick_scheduler(now));
    assert_eq!(a.unwrap() + b.unwrap(), 0);

    let reminders = job::Entity::find()
        .filter(job::Column::Kind.eq("send_reminders"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(reminders, 1);
    let got: Vec<ReceivedEmail> = inbox(app, &w.contact.email)
        .into_iter()
        .filter(|m| m.subject.contains("Recordatorio"))
        .collect();
    assert_eq!(got.len(), 2, "one per assessment: {got:#?}");
    let mut opened = Vec::new();
    for email in &got {
        opened.push(opened_by(app, email).await);
    }
    for aid in [&first, &second] {
        assert_eq!(opened.iter().filter(|o| *o == aid).count(), 1, "{aid}");
    }
}

#[tokio::test]
async fn user_content_is_escaped_in_html_and_kept_in_text() {
    let app = smtp_app().await;
    let company = app.registered_company().await;
    let name = "<script>alert(1)</script>";
    let body =
        json!({"name": name, "country": "MY", "sector": "electronics", "contact_email": "c@evil.example"});
    let created = app.create_supplier(&company, &body).await;
    assert_eq!(created.status(), 201);
    let supplier: Value = created.json().await.unwrap();
    let qid = questionnaire(&app, &company).await;
    app.send_assessment(&company, supplier["id"].as_str().unwrap(), &qid)
        .await;
    app.run_jobs().await;

    let messages = inbox(&app, "c@evil.example");
    assert_eq!(messages.len(), 2, "the invitation and the questionnaire");
    for email in messages {
        assert!(!email.html.contains("<script>"), "{}", email.html);
        assert!(email.html.contains("&#60;script&#62;") || email.html.contains("&lt;script&gt;"));
        assert!(email.text.contains(name));
    }
}

#[tokio::test]
async fn preferences_take_a_known_locale_and_a_boolean() {
    let app = smtp_app().await;
    let company = app.registered_company().await;
    let me = Person {
        email: company.email.clone(),
        token: company.token.clone(),
    };
    let saved = set_preferences(&app, &me, json!({"locale": "es", "digest_enabled": false})).await;
    assert_eq!(saved, json!({"locale": "es", "digest_enabled": false}));
    let unchanged = set_preferences(&app, &me, json!({})).await;
    assert_eq!(unchanged, saved);

    let problem = assert_problem(
        app.patch_json("/me/preferences", &me.token, &json!({"locale": "de"}))
            .await,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "locale");
    let problem = assert_problem(
        app.patch_json("/me/preferences", &me.token, &json!({"digest_enabled": "no"}))
            .await,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "digest_enabled");
    let anonymous = app
        .client
        .patch(app.url("/api/v1/me/preferences"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_problem(anonymous, 401).await;
}
