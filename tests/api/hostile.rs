//! Hostile input over HTTP: every answer is a clear 4xx problem (never a 5xx, never a
//! dropped connection) and nothing already stored is lost. Also concurrency on the
//! embedded SQLite database, which used to fail a deferred transaction's upgrade to a
//! writer with SQLITE_BUSY (a 500) when two requests wrote at once.

use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::helpers::{Company, TestApp, assert_problem, spawn_app};

async fn supplier(app: &TestApp, company: &Company) -> String {
    let response = app
        .create_supplier(
            company,
            &json!({"name": "Tejidos del Norte", "country": "MY", "sector": "electronics",
                    "contact_email": "ana@tejidos.example"}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    body["id"].as_str().unwrap().to_string()
}

async fn supplier_count(app: &TestApp, company: &Company) -> u64 {
    let list: Value = app
        .get_api(
            &format!("/companies/{}/suppliers", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    list["total"].as_u64().unwrap()
}

async fn post_raw(
    app: &TestApp,
    path: &str,
    token: &str,
    content_type: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn deeply_nested_json_is_400_and_a_non_object_body_is_422() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/suppliers", company.id);
    let depth = 100_000;
    let nested = format!("{{\"name\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
    let response = post_raw(
        &app,
        &path,
        &company.token,
        "application/json",
        nested.into_bytes(),
    )
    .await;
    let problem = assert_problem(response, 400).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("recursion"),
        "{problem}"
    );

    // serde would read a struct from an array; the API does not.
    let response = post_raw(
        &app,
        &path,
        &company.token,
        "application/json",
        br#"["Tejidos", "MX", "apparel", "ana@tejidos.example"]"#.to_vec(),
    )
    .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(problem["errors"][0]["field"], "body");
    assert_eq!(supplier_count(&app, &company).await, 0);
}

#[tokio::test]
async fn invalid_utf8_and_very_long_strings_are_refused_clearly() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/suppliers", company.id);
    let mut body = br#"{"name": "Tejidos "#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    body.extend_from_slice(
        br#"", "country": "MY", "sector": "electronics", "contact_email": "a@b.example"}"#,
    );
    let response = post_raw(&app, &path, &company.token, "application/json", body).await;
    assert_problem(response, 400).await;

    let long = "x".repeat(500_000);
    let response = app
        .create_supplier(
            &company,
            &json!({"name": long, "country": "MY", "sector": "electronics", "contact_email": "a@b.example"}),
        )
        .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(problem["errors"][0]["field"], "name", "{problem}");

    // Invalid UTF-8 in a CSV file is a 422 naming the line, not a 500.
    let mut csv = b"name,country,sector,contact_email\nTejidos ".to_vec();
    csv.extend_from_slice(&[0xff, 0xfe]);
    csv.extend_from_slice(b",MY,electronics,a@b.example\n");
    let response = post_raw(
        &app,
        &format!("/companies/{}/suppliers/import", company.id),
        &company.token,
        "text/csv",
        csv,
    )
    .await;
    let status = response.status().as_u16();
    assert!(status == 400 || status == 422, "status {status}");
    assert_eq!(supplier_count(&app, &company).await, 0);
}

#[tokio::test]
async fn a_csv_with_a_million_columns_is_refused_and_stores_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sid = supplier(&app, &company).await;
    let mut header = String::from("worker_ref");
    for i in 0..1_000_000 {
        header.push_str(&format!(",c{i}"));
    }
    header.push('\n');
    let response = post_raw(
        &app,
        &format!("/suppliers/{sid}/fee-audits"),
        &company.token,
        "text/csv",
        header.clone().into_bytes(),
    )
    .await;
    let status = response.status().as_u16();
    assert!(status == 413 || status == 422, "status {status}");
    let audits: Value = app
        .list_fee_audits(&sid, &company.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audits["total"], 0, "{audits}");

    let response = post_raw(
        &app,
        &format!("/companies/{}/suppliers/import", company.id),
        &company.token,
        "text/csv",
        header.into_bytes(),
    )
    .await;
    let status = response.status().as_u16();
    assert!(status == 413 || status == 422, "status {status}");
    assert_eq!(supplier_count(&app, &company).await, 1);
}

#[tokio::test]
async fn a_hundred_megabyte_line_is_413_and_stores_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sid = supplier(&app, &company).await;
    let mut csv = b"worker_ref,category,amount,currency,paid_on\nW1,".to_vec();
    csv.resize(csv.len() + 100 * 1024 * 1024, b'a');
    csv.extend_from_slice(b",1,USD,2026-01-01\n");
    let response = post_raw(
        &app,
        &format!("/suppliers/{sid}/fee-audits"),
        &company.token,
        "text/csv",
        csv,
    )
    .await;
    assert_problem(response, 413).await;
    let audits: Value = app
        .list_fee_audits(&sid, &company.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audits["total"], 0, "{audits}");
}

#[tokio::test]
async fn paths_methods_and_pages_out_of_range_are_problems() {
    let app = spawn_app().await;
    let company = app.registered_company().await;

    // A known path with a method it does not have: 405 with Allow.
    let response = app
        .client
        .request(reqwest::Method::TRACE, app.url("/health/live"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET");
    let response = app
        .client
        .delete(app.url(&format!("/api/v1/companies/{}/suppliers", company.id)))
        .bearer_auth(&company.token)
        .send()
        .await
        .unwrap();
    let allow = response.headers()["allow"].to_str().unwrap().to_string();
    assert_problem(response, 405).await;
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");

    // An id that is not a UUID names nothing: a problem 404, not actix's text.
    let response = app
        .get_api("/suppliers/not-a-uuid/fee-audits", Some(&company.token))
        .await;
    assert_problem(response, 404).await;

    // A page number far past the end must not overflow the offset.
    for query in [
        "page=9223372036854775808",
        "page=18446744073709551615",
        "page=0",
        "per_page=0",
    ] {
        let response = app
            .get_api(
                &format!("/companies/{}/suppliers?{query}", company.id),
                Some(&company.token),
            )
            .await;
        let status = response.status().as_u16();
        assert!(status == 400 || status == 422, "{query}: {status}");
        assert_problem(response, status).await;
    }
}

#[tokio::test]
async fn concurrent_writes_on_one_database_all_succeed() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let path = format!("/companies/{}/risk-overrides", company.id);
    let bodies: Vec<Value> = (0..16)
        .map(|i| {
            json!({"name": format!("Supplier {i}"), "country": "NP", "sector": "construction",
                   "contact_email": format!("contact{i}@supplier.example")})
        })
        .collect();
    let creates = bodies.iter().map(|body| app.create_supplier(&company, body));
    let overrides = (0..8).map(|i| {
        app.client
            .put(app.url(&format!("/api/v1{path}")))
            .bearer_auth(&company.token)
            .json(&json!({"countries": {"NP": {"risk": 50 + i, "note": "our own audit"}}, "sectors": {}}))
            .send()
    });
    let (created, overridden) = tokio::join!(join_all(creates), join_all(overrides));
    for response in created {
        assert_eq!(response.status(), 201, "{:?}", response.text().await);
    }
    for response in overridden {
        let response = response.unwrap();
        assert_eq!(response.status(), 200, "{:?}", response.text().await);
    }
    assert_eq!(supplier_count(&app, &company).await, 16);
}

/// Many saves of one assessment at once, each adding answers not yet stored (the
/// first save of a question inserts its row): every one succeeds, none is a 500
/// (found by the benchmark's 64 connections on PostgreSQL).
#[tokio::test]
async fn concurrent_saves_of_one_assessment_all_succeed() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Busy Supplier").await;
    let questionnaire = app.standard_questionnaire(&company).await;
    let aid = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let saves = (0..32).map(|i| {
        let body = json!({"answers": {"hours.max_weekly": 40 + i, "rec.migrant_share": i}});
        app.client
            .put(app.url(&format!("/api/v1/assessments/{aid}/answers")))
            .bearer_auth(&supplier.token)
            .json(&body)
            .send()
    });
    for response in join_all(saves).await {
        let response = response.unwrap();
        assert_eq!(response.status(), 200, "{:?}", response.text().await);
    }
    let stored: Value = app
        .get_api(&format!("/assessments/{aid}"), Some(&supplier.token))
        .await
        .json()
        .await
        .unwrap();
    let weekly = stored["answers"]["hours.max_weekly"].as_i64().unwrap_or(-1);
    assert!((40..72).contains(&weekly), "{stored}");
}

/// The control characters a hostile client sends: NUL (PostgreSQL cannot store
/// it), SOH, ESC (terminal escapes), DEL and a C1 character.
pub const CONTROLS: [&str; 5] = ["\u{0}", "\u{1}", "\u{1b}", "\u{7f}", "\u{85}"];

/// A 422 problem naming `field`.
async fn refused(response: reqwest::Response, field: &str, what: &str) {
    let status = response.status().as_u16();
    let body = response.text().await.unwrap_or_default();
    assert_eq!(status, 422, "{what}: {body}");
    let problem: Value = serde_json::from_str(&body).unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .map(|errors| errors.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default();
    assert!(fields.contains(&field), "{what}: {field} not named in {problem}");
}

/// Every text field and parameter of the API, sent with each control character:
/// a 422 naming the field (a 4xx for a path), never a 5xx, and nothing stored, on
/// SQLite and PostgreSQL alike.
#[tokio::test]
async fn control_characters_in_any_api_text_are_422_naming_the_field_and_store_nothing() {
    let app = spawn_app().await;
    let world = crate::voice::voice_world(&app).await;
    let company = &world.company;
    let mut definition = crate::fixtures::small_definition("hostile-text", 1);
    definition["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"key": "notes.other", "type": "text", "required": false, "text": {"en": "Anything else?"}}));
    let questionnaire = app.company_questionnaire(company, &definition).await;
    let aid = app
        .send_assessment(company, &world.supplier_id, &questionnaire)
        .await;
    let suppliers_before = supplier_count(&app, company).await;

    for control in CONTROLS {
        let bad = format!("Tejidos{control}Norte");
        let bad_email = format!("ana{control}@tejidos.example");
        let what = |field: &str| format!("{field} with U+{:04X}", control.chars().next().unwrap() as u32);

        // Registration and login.
        let email = format!("new-{}@example.org", uuid::Uuid::new_v4().simple());
        let good =
            json!({"company_name": "Acme", "name": "Ana", "email": email, "password": "a-long-password-1"});
        for field in ["company_name", "name", "email", "password"] {
            let mut body = good.clone();
            let value = if field == "email" {
                bad_email.clone()
            } else {
                bad.clone()
            };
            body[field] = json!(value);
            refused(
                app.post_json("/auth/register", None, &body).await,
                field,
                &what(field),
            )
            .await;
        }
        assert_eq!(
            app.login(&email, "a-long-password-1").await.status(),
            401,
            "no account was made"
        );
        let login = app
            .post_json("/auth/login", None, &json!({"email": bad_email, "password": "x"}))
            .await;
        refused(login, "email", &what("login email")).await;

        // Suppliers: create, edit, search and filter.
        let good = json!({"name": "Tejidos", "country": "MY", "sector": "electronics",
                          "contact_email": "ana@tejidos.example", "contact_name": "Ana"});
        for field in ["name", "country", "sector", "contact_email", "contact_name"] {
            let mut body = good.clone();
            let value = if field == "contact_email" {
                bad_email.clone()
            } else {
                bad.clone()
            };
            body[field] = json!(value);
            refused(app.create_supplier(company, &body).await, field, &what(field)).await;
        }
        let edit = app
            .client
            .patch(app.url(&format!("/api/v1/suppliers/{}", world.supplier_id)))
            .bearer_auth(&company.token)
            .json(&json!({"name": bad}))
            .send()
            .await
            .unwrap();
        refused(edit, "name", &what("supplier edit")).await;
        for parameter in ["q", "sector", "country"] {
            let response = app
                .client
                .get(app.url(&format!("/api/v1/companies/{}/suppliers", company.id)))
                .bearer_auth(&company.token)
                .query(&[(parameter, bad.as_str())])
                .send()
                .await
                .unwrap();
            refused(response, parameter, &what(parameter)).await;
        }

        // A finding and a free-text answer.
        for field in ["title", "detail"] {
            let mut body = json!({"severity": "major", "indicator": "recruitment_fees", "title": "Fees", "detail": "Seen"});
            body[field] = json!(bad);
            let response = app
                .post_json(
                    &format!("/assessments/{aid}/findings"),
                    Some(&company.token),
                    &body,
                )
                .await;
            refused(response, field, &what(field)).await;
        }
        let answer = app
            .save_answers(&world.supplier_token, &aid, &json!({"notes.other": bad}))
            .await;
        refused(answer, "answers.notes.other", &what("text answer")).await;

        // Worker voice: a report, a check, a referral service, the channel's token.
        let report = json!({"category": "recruitment_fees", "description": "I paid a fee", "contact": "WhatsApp 555", "locale": "en"});
        for field in ["category", "description", "contact", "locale"] {
            let mut body = report.clone();
            body[field] = json!(bad);
            refused(app.voice_report(&world.token, &body).await, field, &what(field)).await;
        }
        let check = app
            .post_json("/voice/check", None, &json!({"code": bad, "secret": bad}))
            .await;
        refused(check, "code", &what("voice check")).await;
        let referral = json!({"country": "MY", "kind": "hotline", "name": "Helpline", "phone": "+60 3 0000 0000",
                              "languages": ["en"], "description": "A line", "example": true});
        for field in ["name", "phone", "description"] {
            let mut body = referral.clone();
            body[field] = json!(bad);
            let response = app
                .post_json(
                    &format!("/companies/{}/referral-services", company.id),
                    Some(&company.token),
                    &body,
                )
                .await;
            refused(response, field, &what(field)).await;
        }
        let token = format!("{}{}", world.token, urlencode(control));
        let response = app.voice_report(&token, &report).await;
        let status = response.status().as_u16();
        assert!((400..500).contains(&status), "{}: {status}", what("voice token"));
        let response = app.get_api(&format!("/voice/{token}"), None).await;
        let status = response.status().as_u16();
        assert!(
            (400..500).contains(&status),
            "{}: {status}",
            what("voice token (GET)")
        );
    }

    // A single-line field refuses a line break too; a multi-line one keeps it.
    let body = json!({"name": "Tejidos\nNorte", "country": "MY", "sector": "electronics", "contact_email": "a@b.example"});
    refused(
        app.create_supplier(company, &body).await,
        "name",
        "name with a line break",
    )
    .await;
    let answer = app
        .save_answers(
            &world.supplier_token,
            &aid,
            &json!({"notes.other": "First line\nSecond line"}),
        )
        .await;
    assert_eq!(answer.status(), 200, "a multi-line answer is accepted");

    // Nothing was stored.
    assert_eq!(supplier_count(&app, company).await, suppliers_before);
    let findings: Value = app
        .get_api(&format!("/assessments/{aid}/findings"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        findings["total"]
            .as_u64()
            .or(findings.as_array().map(|a| a.len() as u64)),
        Some(0),
        "{findings}"
    );
    let cases = app.voice_cases(company).await;
    assert_eq!(cases["total"], 0, "{cases}");
    let referrals: Value = app
        .get_api(
            &format!("/companies/{}/referral-services", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(referrals["total"], 1, "only the world's own: {referrals}");
    let stored: Value = app
        .get_api(&format!("/assessments/{aid}"), Some(&world.supplier_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        stored["answers"]["notes.other"], "First line\nSecond line",
        "{stored}"
    );
}

pub fn urlencode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// The portal refuses the same text: the form comes back (422) with the message
/// beside the field, and nothing is stored.
#[tokio::test]
async fn control_characters_in_portal_forms_are_shown_beside_the_field_and_store_nothing() {
    use crate::portal_flow::Portal;
    let app = spawn_app().await;
    let world = crate::voice::voice_world(&app).await;
    let company = &world.company;
    let suppliers_before = supplier_count(&app, company).await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let beside = |body: &str, id: &str| body.contains(&format!("id=\"{id}\""));

    for control in ["\u{0}", "\u{1b}", "\u{7f}"] {
        let bad = format!("Tejidos{control}Norte");

        // Registration: the message beside the company name, no account.
        let email = format!("new-{}@example.org", uuid::Uuid::new_v4().simple());
        let anonymous = Portal::new(&app, "en");
        let page = anonymous
            .post(
                "/register",
                &[
                    ("company_name", &bad),
                    ("name", "Ana"),
                    ("email", &email),
                    ("password", "a-long-password-1"),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(beside(&page.body, "company_name-error"), "{}", page.body);
        assert_eq!(
            app.login(&email, "a-long-password-1").await.status(),
            401,
            "no account was made"
        );

        // A supplier: the message beside the name.
        let page = officer
            .post(
                &format!("/companies/{}/suppliers/new", company.id),
                &[
                    ("name", &bad),
                    ("country", "MY"),
                    ("sector", "electronics"),
                    ("contact_email", "a@b.example"),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(beside(&page.body, "name-error"), "{}", page.body);

        // The supplier search: the message beside the search box.
        let page = officer
            .get(&format!(
                "/companies/{}/suppliers?q=Tej{}idos",
                company.id,
                urlencode(control)
            ))
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(beside(&page.body, "q-error"), "{}", page.body);

        // A worker's report on the supplier's site: the message beside the text.
        let worker = Portal::new(&app, "en");
        let page = worker
            .post_raw(
                &format!("/v/{}", world.token),
                &[
                    ("category", "recruitment_fees"),
                    ("description", &bad),
                    ("lang", "en"),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(beside(&page.body, "description-error"), "{}", page.body);
        let page = worker
            .get(&format!("/v/{}{}", world.token, urlencode(control)))
            .await;
        assert!(
            page.status.is_client_error(),
            "a token with a control character: {}",
            page.status
        );
    }

    assert_eq!(supplier_count(&app, company).await, suppliers_before);
    let cases = app.voice_cases(company).await;
    assert_eq!(cases["total"], 0, "{cases}");
}

/// Text arrives in CSV files too: a cell holding a control character is a 422
/// and nothing is stored.
#[tokio::test]
async fn control_characters_in_csv_uploads_are_refused_and_store_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let sid = supplier(&app, &company).await;
    for control in ["\u{0}", "\u{1b}"] {
        let import =
            format!("name,country,sector,contact_email\nTej{control}idos,MY,electronics,a@b.example\n");
        let response = post_raw(
            &app,
            &format!("/companies/{}/suppliers/import", company.id),
            &company.token,
            "text/csv",
            import.into_bytes(),
        )
        .await;
        assert_problem(response, 422).await;
        // Each free-text cell of a fee audit on its own: the worker's reference,
        // the recruiter, the evidence note.
        for (worker, recruiter, evidence) in [
            (
                format!("W{control}1"),
                "Sunrise".to_string(),
                "receipt".to_string(),
            ),
            (
                "W1".to_string(),
                format!("Sun{control}rise"),
                "receipt".to_string(),
            ),
            (
                "W1".to_string(),
                "Sunrise".to_string(),
                format!("rec{control}eipt"),
            ),
        ] {
            let audit = format!(
                "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,loan,reimbursed,evidence\n\
                 {worker},NP,{recruiter},NP,2026-02-01,1500,USD,recruitment_fee,100,USD,2026-01-10,no,0,{evidence}\n"
            );
            let response = post_raw(
                &app,
                &format!("/suppliers/{sid}/fee-audits"),
                &company.token,
                "text/csv",
                audit.into_bytes(),
            )
            .await;
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            assert_eq!(status, 422, "{worker:?} {recruiter:?} {evidence:?}: {body}");
        }
    }
    assert_eq!(supplier_count(&app, &company).await, 1);
    let audits: Value = app
        .list_fee_audits(&sid, &company.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audits["total"], 0, "{audits}");
}
