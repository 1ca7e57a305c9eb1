//! The same use case through both doors: each row of the table sends one input
//! through the API (JSON) and through the portal (a form), as the same person, and
//! both must end the same way — done, refused naming the same field, forbidden, or
//! not found — and a refusal must store nothing. The rules live in the domain, so
//! the doors cannot drift apart (issue #22).

use domain::entities::{audit_event, corrective_action, finding, invitation, questionnaire, report};
use reqwest::{Method, StatusCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel, PaginatorTrait};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    helpers::{Company, TestApp, spawn_app},
    portal_findings::scored,
    portal_flow::{Portal, Situation},
};

/// How a use case ended, whichever door it came through.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Done (API 2xx, portal 303).
    Done,
    /// Refused, naming this field (API 422 `errors[].field`, portal 422 with the
    /// message beside the field).
    Invalid(&'static str),
    /// The role may not (403 both).
    Forbidden,
    /// Not there, or not the caller's (404 both).
    NotFound,
}

/// Who knocks: the same person at both doors.
struct Person {
    token: String,
    portal: Portal,
}

async fn person(app: &TestApp, email: &str, password: &str, token: &str) -> Person {
    let portal = Portal::new(app, "en");
    portal.login(email, password).await;
    Person {
        token: token.to_string(),
        portal,
    }
}

async fn company_admin(app: &TestApp, company: &Company) -> Person {
    person(app, &company.email, "a-long-password-1", &company.token).await
}

/// One use case with one input, as each door takes it.
struct Case {
    name: &'static str,
    api: (Method, String, Value),
    portal: (String, Vec<(&'static str, String)>),
    expect: Outcome,
}

async fn through_api(app: &TestApp, who: &Person, (method, path, body): &(Method, String, Value)) -> Outcome {
    let response = app
        .client
        .request(method.clone(), app.url(&format!("/api/v1{path}")))
        .bearer_auth(&who.token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    match status {
        s if s.is_success() => Outcome::Done,
        StatusCode::FORBIDDEN => Outcome::Forbidden,
        StatusCode::NOT_FOUND => Outcome::NotFound,
        StatusCode::UNPROCESSABLE_ENTITY => {
            let field = body["errors"][0]["field"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            Outcome::Invalid(field_name(&field))
        }
        other => panic!("API answered {other}: {body}"),
    }
}

async fn through_portal(who: &Person, (path, pairs): &(String, Vec<(&'static str, String)>)) -> Outcome {
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = who.portal.post(path, &pairs).await;
    match page.status {
        StatusCode::SEE_OTHER => Outcome::Done,
        StatusCode::FORBIDDEN => Outcome::Forbidden,
        StatusCode::NOT_FOUND => Outcome::NotFound,
        StatusCode::UNPROCESSABLE_ENTITY => {
            // The form's message ids are `{form}-{field}[-{id}]-error`.
            let refused: Vec<&str> = page
                .body
                .match_indices("-error\"")
                .filter_map(|(at, _)| page.body[..at].rsplit("id=\"").next())
                .collect();
            let field = FIELDS
                .iter()
                .find(|f| refused.iter().any(|id| id.split('-').any(|part| part == **f)))
                .unwrap_or_else(|| panic!("no known field refused: {refused:?}"));
            Outcome::Invalid(field)
        }
        other => panic!("portal answered {other}: {}", page.body),
    }
}

/// The fields the cases refuse, as the API names them (the portal's ids use the
/// same words).
const FIELDS: [&str; 5] = ["title", "severity", "description", "status", "email"];

fn field_name(raw: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|f| **f == raw)
        .unwrap_or_else(|| panic!("unexpected field {raw}"))
}

/// Runs every case through both doors as `who`; `unchanged` must hold after
/// every refusal.
async fn run(app: &TestApp, who: &Person, cases: Vec<Case>, fid: Uuid) {
    for case in cases {
        let before = stored(app, fid).await;
        let api = through_api(app, who, &case.api).await;
        if api != Outcome::Done {
            assert_eq!(
                stored(app, fid).await,
                before,
                "{}: the API refused and stored nothing",
                case.name
            );
        }
        let portal = through_portal(who, &case.portal).await;
        if portal != Outcome::Done {
            assert_eq!(
                stored(app, fid).await,
                before,
                "{}: the portal refused and stored nothing",
                case.name
            );
        }
        assert_eq!(api, case.expect, "{}: the API", case.name);
        assert_eq!(portal, case.expect, "{}: the portal", case.name);
    }
}

/// What any case could change: the finding, and how many findings, actions,
/// reports, invitations and audit events are stored (every use case records one).
async fn stored(app: &TestApp, fid: Uuid) -> (Option<finding::Model>, [u64; 5]) {
    let found = finding::Entity::find_by_id(fid).one(&app.db).await.unwrap();
    let counts = [
        finding::Entity::find().count(&app.db).await.unwrap(),
        corrective_action::Entity::find().count(&app.db).await.unwrap(),
        report::Entity::find().count(&app.db).await.unwrap(),
        invitation::Entity::find().count(&app.db).await.unwrap(),
        audit_event::Entity::find().count(&app.db).await.unwrap(),
    ];
    (found, counts)
}

/// Every finding use case, with one input each, as either door takes it.
fn finding_cases(s: &Situation, fid: Uuid, title: &str, expect: &Outcome, description: &str) -> Vec<Case> {
    let aid = &s.assessment;
    vec![
        Case {
            name: "edit a finding",
            api: (
                Method::PATCH,
                format!("/findings/{fid}"),
                json!({"severity": "major", "title": title, "detail": "Receipts.", "status": "open"}),
            ),
            portal: (
                format!("/findings/{fid}"),
                vec![
                    ("severity", "major".into()),
                    ("title", title.into()),
                    ("detail", "Receipts.".into()),
                    ("status", "open".into()),
                ],
            ),
            expect: expect.clone(),
        },
        Case {
            name: "add a finding",
            api: (
                Method::POST,
                format!("/assessments/{aid}/findings"),
                json!({"severity": "minor", "indicator": "deception", "title": title, "detail": "Seen."}),
            ),
            portal: (
                format!("/assessments/{aid}/findings"),
                vec![
                    ("severity", "minor".into()),
                    ("indicator", "deception".into()),
                    ("title", title.into()),
                    ("detail", "Seen.".into()),
                ],
            ),
            expect: expect.clone(),
        },
        Case {
            name: "add a corrective action",
            api: (
                Method::POST,
                format!("/findings/{fid}/actions"),
                json!({"description": description}),
            ),
            portal: (
                format!("/findings/{fid}/actions"),
                vec![("description", description.into()), ("due_date", String::new())],
            ),
            expect: match expect {
                Outcome::Invalid(_) => Outcome::Invalid("description"),
                other => other.clone(),
            },
        },
    ]
}

#[tokio::test]
async fn both_doors_refuse_the_same_finding_input_and_accept_the_same() {
    let app = spawn_app().await;
    let (s, f) = scored(&app, "Two Doors Co").await;
    let reviewer = company_admin(&app, &s.company).await;

    // A 301-character title, and an empty one: refused by both, nothing stored.
    for title in ["x".repeat(301), "   ".to_string()] {
        let cases = finding_cases(&s, f.id, &title, &Outcome::Invalid("title"), "");
        run(&app, &reviewer, cases, f.id).await;
    }
    // 300 characters is a title; both doors store it trimmed.
    let longest = "é".repeat(300);
    let cases = finding_cases(
        &s,
        f.id,
        &format!(" {longest} "),
        &Outcome::Done,
        "Repay the fees",
    );
    run(&app, &reviewer, cases, f.id).await;
    let now = finding::Entity::find_by_id(f.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.title, longest);
    let [findings, actions, ..] = stored(&app, f.id).await.1;
    assert_eq!(actions, 2, "one action through each door");
    assert_eq!(findings, 3, "one finding added through each door");
}

#[tokio::test]
async fn both_doors_refuse_a_supplier_and_hide_from_another_company() {
    let app = spawn_app().await;
    let (s, f) = scored(&app, "Closed Doors Co").await;
    let supplier = person(&app, &s.supplier_email, "supplier-password-1", &s.supplier_token).await;
    let cases = finding_cases(&s, f.id, "A fine title", &Outcome::Forbidden, "Repay");
    run(&app, &supplier, cases, f.id).await;

    let other = app.registered_company().await;
    let stranger = company_admin(&app, &other).await;
    let cases = finding_cases(&s, f.id, "A fine title", &Outcome::NotFound, "Repay");
    run(&app, &stranger, cases, f.id).await;

    // A read-only key changes nothing (the portal has no keys; its callers are
    // never read-only, and the domain's rule refuses one — see `access.rs`).
    let (_, key) = app.api_key(&s.company, "read_only").await;
    let read_only = Person {
        token: key,
        portal: Portal::new(&app, "en"),
    };
    for case in finding_cases(&s, f.id, "A fine title", &Outcome::Forbidden, "Repay") {
        let before = stored(&app, f.id).await;
        assert_eq!(
            through_api(&app, &read_only, &case.api).await,
            Outcome::Forbidden,
            "{}",
            case.name
        );
        assert_eq!(stored(&app, f.id).await, before);
    }
}

#[tokio::test]
async fn both_doors_hide_a_finding_whose_company_is_not_its_suppliers() {
    let app = spawn_app().await;
    let (s, f) = scored(&app, "Mismatch Co").await;
    let reviewer = company_admin(&app, &s.company).await;
    // A row that names another company than its supplier's would be a bug; it is
    // treated as "not yours", as evidence files are, never trusted.
    let other = app.registered_company().await;
    let mut row = f.clone().into_active_model();
    row.company_id = Set(other.id.parse().unwrap());
    row.update(&app.db).await.unwrap();

    let page = reviewer
        .portal
        .get(&format!("/suppliers/{}/findings", s.supplier_id))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let edit = &finding_cases(&s, f.id, "A fine title", &Outcome::NotFound, "Repay")[0];
    assert_eq!(through_api(&app, &reviewer, &edit.api).await, Outcome::NotFound);
    assert_eq!(through_portal(&reviewer, &edit.portal).await, Outcome::NotFound);
    let listed = app
        .get_api(&format!("/findings/{}/actions", f.id), Some(&reviewer.token))
        .await;
    assert_eq!(listed.status(), 404);
}

#[tokio::test]
async fn both_doors_read_a_questionnaire_through_the_one_cache() {
    let app = spawn_app().await;
    let (s, _) = scored(&app, "Cached Co").await;
    let reviewer = company_admin(&app, &s.company).await;
    let before = reviewer
        .portal
        .get(&format!("/assessments/{}", s.assessment))
        .await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    // Stored versions never change; were one changed behind the platform's back,
    // both doors would still read the definition parsed before — the portal does
    // not parse the stored JSON again on every page.
    let aid: Uuid = s.assessment.parse().unwrap();
    let qid = domain::entities::assessment::Entity::find_by_id(aid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .questionnaire_id;
    let mut row = questionnaire::Entity::find_by_id(qid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.definition = Set(json!({"not": "a definition"}));
    row.update(&app.db).await.unwrap();
    let after = reviewer
        .portal
        .get(&format!("/assessments/{}", s.assessment))
        .await;
    assert_eq!(after.status, StatusCode::OK, "{}", after.body);
    assert_eq!(
        after.body, before.body,
        "the same page, from the same parsed definition"
    );
}

/// The company's other mutating use cases that both doors offer: requesting a
/// report, reporting progress on an action, inviting someone to the team.
/// `expect`: the outcomes of the three, in order. The portal invites another
/// address than the API (one pending invitation per address).
fn company_cases(s: &Situation, action: Uuid, email: &str, expect: [Outcome; 3]) -> Vec<Case> {
    let [report, progress, invite] = expect;
    let (aid, cid) = (&s.assessment, &s.company.id);
    vec![
        Case {
            name: "request a report",
            api: (
                Method::POST,
                format!("/assessments/{aid}/reports"),
                json!({"locale": "en"}),
            ),
            portal: (
                format!("/assessments/{aid}/reports"),
                vec![("locale", "en".into())],
            ),
            expect: report,
        },
        Case {
            name: "report progress on an action",
            api: (
                Method::PATCH,
                format!("/actions/{action}"),
                json!({"status": "in_progress", "note": "Started."}),
            ),
            portal: (
                format!("/actions/{action}"),
                vec![("status", "in_progress".into()), ("note", "Started.".into())],
            ),
            expect: progress,
        },
        Case {
            name: "invite an advisor",
            api: (
                Method::POST,
                format!("/companies/{cid}/advisors"),
                json!({"email": email}),
            ),
            portal: (
                format!("/companies/{cid}/team"),
                vec![("email", format!("portal-{email}")), ("role", "advisor".into())],
            ),
            expect: invite,
        },
    ]
}

/// An advisor of the company, at both doors.
async fn advisor(app: &TestApp, company: &Company) -> Person {
    let email = format!("advisor-{}@doors.example", Uuid::new_v4().simple());
    assert_eq!(app.invite_advisor(company, &email).await.status(), 201);
    app.run_jobs().await;
    let code = app.last_code_for(&email);
    let accepted: Value = app
        .accept_invitation(&code, "advisor-password-1")
        .await
        .json()
        .await
        .unwrap();
    let token = accepted["access_token"].as_str().unwrap().to_string();
    person(app, &email, "advisor-password-1", &token).await
}

#[tokio::test]
async fn both_doors_agree_on_reports_progress_and_invitations() {
    use Outcome::{Done, Forbidden, Invalid, NotFound};
    let app = spawn_app().await;
    let (s, f) = scored(&app, "Agreeing Co").await;
    let created = app
        .post_json(
            &format!("/findings/{}/actions", f.id),
            Some(&s.company.token),
            &json!({"description": "Repay the fees"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let action: Uuid = created.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();

    // A stranger finds none of it.
    let stranger = company_admin(&app, &app.registered_company().await).await;
    let cases = company_cases(
        &s,
        action,
        "someone@doors.example",
        [NotFound, NotFound, NotFound],
    );
    run(&app, &stranger, cases, f.id).await;

    // An advisor may not invite, but requests reports and reports progress.
    let advisor = advisor(&app, &s.company).await;
    let cases = company_cases(&s, action, "someone@doors.example", [Done, Done, Forbidden]);
    run(&app, &advisor, cases, f.id).await;

    // A bad address is refused beside the field by both; the rest is done.
    let admin = company_admin(&app, &s.company).await;
    let cases = company_cases(&s, action, "not-an-address", [Done, Done, Invalid("email")]);
    run(&app, &admin, cases, f.id).await;
    let [.., reports_before, invitations_before, _] = stored(&app, f.id).await.1;
    let cases = company_cases(&s, action, "new-officer@doors.example", [Done, Done, Done]);
    run(&app, &admin, cases, f.id).await;
    let [.., reports, invitations, _] = stored(&app, f.id).await.1;
    assert_eq!(reports, reports_before + 2, "one report through each door");
    assert_eq!(
        invitations,
        invitations_before + 2,
        "one invitation through each door"
    );

    // The supplier reports progress, but requests no report and invites no one
    // (the company's team is not theirs to see: 404).
    let supplier = person(&app, &s.supplier_email, "supplier-password-1", &s.supplier_token).await;
    let cases = company_cases(&s, action, "someone@doors.example", [Forbidden, Done, NotFound]);
    run(&app, &supplier, cases, f.id).await;
}
