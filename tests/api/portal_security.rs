//! The portal's defences, checked form by form: every POST route the web crate
//! declares (read from its source, so a new form cannot escape) refuses a missing
//! and a wrong CSRF token with nothing in the database changed — and accepts the
//! same form with the right token, so the refusal is the token's doing; another
//! tenant's pages and forms are 404; user text (supplier name, answer text,
//! finding title, comment, progress note) is shown as text.

use std::{collections::BTreeSet, path::Path};

use reqwest::StatusCode;
use sea_orm::{DatabaseConnection, DbBackend, FromQueryResult, JsonValue, Statement};
use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{Company, TestApp, spawn_app},
    portal_flow::{Page, Portal},
};

/// What a refused form says (the CSRF error page, in English).
const EXPIRED: &str = "This form has expired";

/// Every row of every table, sorted: "nothing changed" compares two of these.
pub async fn snapshot(db: &DatabaseConnection) -> Vec<(String, Vec<String>)> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        _ => {
            "SELECT table_name AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
    };
    let tables = JsonValue::find_by_statement(Statement::from_string(backend, sql))
        .all(db)
        .await
        .unwrap();
    let mut all = Vec::new();
    for table in tables {
        let name = table["name"].as_str().unwrap().to_string();
        let rows = JsonValue::find_by_statement(Statement::from_string(
            backend,
            format!("SELECT * FROM \"{name}\""),
        ))
        .all(db)
        .await
        .unwrap();
        let mut rows: Vec<String> = rows.iter().map(Value::to_string).collect();
        rows.sort();
        all.push((name, rows));
    }
    all
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `/a/{x}/b` → `/a/{}/b`: parameter names do not matter.
fn shape(route: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for ch in route.chars() {
        match ch {
            '{' => {
                inside = true;
                out.push_str("{}");
            }
            '}' => inside = false,
            _ if inside => {}
            _ => out.push(ch),
        }
    }
    out
}

/// The POST routes declared in the web crate's source (`#[post("…")]`); any other
/// way to declare a route that changes something is refused outright.
fn declared_post_routes() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("web/src"), &mut files);
    let mut routes = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for other in [
            "#[put(",
            "#[patch(",
            "#[delete(",
            "#[route(",
            "web::post()",
            "web::put()",
            "web::delete()",
            "web::patch()",
            ".route(",
        ] {
            assert!(
                !source.contains(other),
                "{} declares a route with {other}: declare it with #[post] so the CSRF test sees it",
                file.display()
            );
        }
        for (at, _) in source.match_indices("#[post(\"") {
            let rest = &source[at + "#[post(\"".len()..];
            routes.insert(shape(&rest[..rest.find('"').unwrap()]));
        }
    }
    routes
}

#[test]
fn the_list_of_post_routes_is_every_declared_post_route() {
    let declared = declared_post_routes();
    let listed: BTreeSet<String> = web::POST_ROUTES.iter().map(|r| shape(r)).collect();
    assert_eq!(listed.len(), web::POST_ROUTES.len(), "no route listed twice");
    assert_eq!(declared, listed, "web::POST_ROUTES must list every #[post] route");
    assert!(declared.len() >= 13, "the scan found the forms: {declared:?}");
}

/// Everything the forms need, set up through the API.
struct Scene {
    company: Company,
    officer: Portal,
    supplier: Portal,
    anonymous: Portal,
    supplier_id: String,
    /// Sent, every required question answered (not submitted).
    open: String,
    /// Submitted and scored, with a corrective action.
    scored: String,
    action: String,
    questionnaire: String,
    invitation: String,
}

async fn scene(app: &TestApp) -> Scene {
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Forms Co").await;
    let first = app
        .company_questionnaire(&company, &small_definition("forms-a", 1))
        .await;
    let second = app
        .company_questionnaire(&company, &small_definition("forms-b", 1))
        .await;
    let open = app.send_assessment(&company, &supplier.supplier_id, &first).await;
    let answers = json!({"fees.paid": "no", "hours.max_weekly": 40});
    assert_eq!(
        app.save_answers(&supplier.token, &open, &answers).await.status(),
        200
    );
    let scored = app
        .send_assessment(&company, &supplier.supplier_id, &second)
        .await;
    let answers = json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 40});
    assert_eq!(
        app.save_answers(&supplier.token, &scored, &answers)
            .await
            .status(),
        200
    );
    assert_eq!(app.submit(&supplier.token, &scored).await.status(), 202);
    app.run_jobs().await;
    let findings: Value = app
        .get_api(&format!("/assessments/{scored}/findings"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let finding = findings[0]["id"].as_str().expect("a finding").to_string();
    let action: Value = app
        .post_json(
            &format!("/findings/{finding}/actions"),
            Some(&company.token),
            &json!({"description": "Repay every worker", "due_date": "2030-01-31"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let invited = format!("advisor-{}@review.example", uuid::Uuid::new_v4().simple());
    assert_eq!(app.invite_advisor(&company, &invited).await.status(), 201);
    app.run_jobs().await;
    let officer = Portal::new(app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let supplier_portal = Portal::new(app, "en");
    supplier_portal
        .login(&supplier.email, "supplier-password-1")
        .await;
    Scene {
        invitation: app.last_code_for(&invited),
        questionnaire: app.standard_questionnaire(&company).await,
        company,
        officer,
        supplier: supplier_portal,
        anonymous: Portal::new(app, "en"),
        supplier_id: supplier.supplier_id,
        open,
        scored,
        action: action["id"].as_str().unwrap().to_string(),
    }
}

/// One form: who sends it, where, and a body that succeeds with the right token.
struct Form<'a> {
    who: &'a Portal,
    path: String,
    fields: Vec<(&'static str, String)>,
    multipart: bool,
}

fn form_for<'a>(route: &str, s: &'a Scene) -> Form<'a> {
    let due = (chrono::Utc::now() + chrono::Duration::days(20))
        .date_naive()
        .to_string();
    let unique = format!("{}@forms.example", uuid::Uuid::new_v4().simple());
    let f = |who: &'a Portal, path: String, fields: Vec<(&'static str, String)>| Form {
        who,
        path,
        fields,
        multipart: false,
    };
    match route {
        "/login" => f(
            &s.anonymous,
            "/login".into(),
            vec![
                ("email", s.company.email.clone()),
                ("password", "a-long-password-1".into()),
            ],
        ),
        "/register" => f(
            &s.anonymous,
            "/register".into(),
            vec![
                ("company_name", "Forged Ltd".into()),
                ("name", "Fay Forger".into()),
                ("email", unique),
                ("password", "a-long-password-1".into()),
            ],
        ),
        "/logout" => f(&s.officer, "/logout".into(), vec![]),
        "/locale" => f(&s.officer, "/locale".into(), vec![("locale", "es".into())]),
        "/invitations/{token}" => f(
            &s.anonymous,
            format!("/invitations/{}", s.invitation),
            vec![
                ("name", "Ada Advisor".into()),
                ("password", "advisor-password-1".into()),
            ],
        ),
        "/assessments/{aid}/sections/{n}" => f(
            &s.supplier,
            format!("/assessments/{}/sections/1", s.open),
            vec![
                ("a.fees.paid", "no".into()),
                ("a.hours.max_weekly", "41".into()),
                ("go", "stay".into()),
            ],
        ),
        "/assessments/{aid}/submit" => f(&s.supplier, format!("/assessments/{}/submit", s.open), vec![]),
        "/assessments/{aid}/review" => f(
            &s.officer,
            format!("/assessments/{}/review", s.scored),
            vec![("decision", "approve".into()), ("comment", String::new())],
        ),
        "/companies/{cid}/suppliers/new" => f(
            &s.officer,
            format!("/companies/{}/suppliers/new", s.company.id),
            vec![
                ("name", "Forged Supplier".into()),
                ("country", "MY".into()),
                ("sector", "electronics".into()),
                ("contact_email", unique),
            ],
        ),
        "/suppliers/{sid}/assessments" => f(
            &s.officer,
            format!("/suppliers/{}/assessments", s.supplier_id),
            vec![("questionnaire_id", s.questionnaire.clone()), ("due_date", due)],
        ),
        "/actions/{id}" => f(
            &s.supplier,
            format!("/actions/{}", s.action),
            vec![("status", "done".into()), ("note", "Repaid".into())],
        ),
        "/assessments/{aid}/evidence" => Form {
            who: &s.supplier,
            path: format!("/assessments/{}/evidence", s.open),
            fields: vec![("question_key", "docs.policy".into()), ("section", "1".into())],
            multipart: true,
        },
        "/assessments/{aid}/reports" => f(
            &s.officer,
            format!("/assessments/{}/reports", s.scored),
            vec![("locale", "es".into())],
        ),
        other => panic!("{other}: add a valid form for this new POST route to form_for"),
    }
}

/// Sends a form with no token (`None`) or the given one.
async fn send(form: &Form<'_>, token: Option<&str>) -> Page {
    let mut pairs: Vec<(&str, &str)> = form.fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if let Some(token) = token {
        pairs.insert(0, ("csrf_token", token));
    }
    if !form.multipart {
        return form.who.post_raw(&form.path, &pairs).await;
    }
    let mut multipart = reqwest::multipart::Form::new();
    for (k, v) in pairs {
        multipart = multipart.text(k.to_string(), v.to_string());
    }
    let multipart = multipart.part(
        "file",
        reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("policy.pdf"),
    );
    let response = form
        .who
        .client
        .post(format!("{}{}", form.who.base, form.path))
        .multipart(multipart)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    Page {
        status,
        location,
        body: response.text().await.unwrap(),
    }
}

#[tokio::test]
async fn every_form_refuses_a_missing_or_wrong_csrf_token_and_changes_nothing() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    let before = snapshot(&app.db).await;
    let forged = "0".repeat(64);
    for route in web::POST_ROUTES {
        let form = form_for(route, &s);
        let missing = send(&form, None).await;
        assert_eq!(missing.status, StatusCode::FORBIDDEN, "{route} without a token");
        assert!(missing.body.contains(EXPIRED), "{route}: {}", missing.body);
        let wrong = send(&form, Some(&forged)).await;
        assert_eq!(wrong.status, StatusCode::FORBIDDEN, "{route} with a wrong token");
        assert!(wrong.body.contains(EXPIRED), "{route}: {}", wrong.body);
        // Another visitor's real token is as wrong as a made-up one.
        let someone_else = Portal::new(&app, "en").csrf().await;
        let stolen = send(&form, Some(&someone_else)).await;
        assert_eq!(
            stolen.status,
            StatusCode::FORBIDDEN,
            "{route} with another's token"
        );
    }
    assert!(
        before == snapshot(&app.db).await,
        "a refused form changed the database"
    );

    // The same forms with the right token go through (evidence before the
    // submit, logout last).
    let mut routes: Vec<&str> = web::POST_ROUTES.to_vec();
    routes.sort_by_key(|r| match *r {
        "/assessments/{aid}/evidence" => 0,
        "/assessments/{aid}/submit" => 2,
        "/logout" => 3,
        _ => 1,
    });
    for route in routes {
        let form = form_for(route, &s);
        let token = form.who.csrf().await;
        let done = send(&form, Some(&token)).await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "{route} with its token: {}",
            done.body
        );
    }
    assert!(
        before != snapshot(&app.db).await,
        "the accepted forms changed the database"
    );
}
