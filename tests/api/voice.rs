//! Worker voice (issue 12): the public reporting door, anonymity, triage emails,
//! tenant isolation, throttling, case handling, referral directory, metrics and
//! the poster PDF. Run on SQLite and on PostgreSQL
//! (`FAIRHIRE_TEST_DATABASE_URL=… cargo test --test api voice`).

use lopdf::Document;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Company, TestApp, assert_problem, spawn_app, spawn_app_with_smtp};

/// A company, one of its supplier sites with a logged-in supplier user, the
/// site's open channel and one example referral service for its country.
pub struct VoiceWorld {
    pub company: Company,
    pub supplier_id: String,
    pub supplier_token: String,
    pub channel: Value,
    pub token: String,
}

pub async fn voice_world(app: &TestApp) -> VoiceWorld {
    let company = app.registered_company().await;
    let supplier = if app.smtp.is_some() {
        // With a real SMTP server there is no outbox to read the invitation from;
        // the supplier's users are not needed there.
        let created = app
            .create_supplier(
                &company,
                &json!({"name": "Penang Assembly Sdn Bhd", "country": "MY", "sector": "electronics", "contact_email": "contact@supplier.example"}),
            )
            .await;
        assert_eq!(created.status(), 201);
        let created: Value = created.json().await.unwrap();
        crate::fixtures::SupplierUser {
            supplier_id: created["id"].as_str().unwrap().to_string(),
            token: String::new(),
            email: "contact@supplier.example".into(),
        }
    } else {
        app.supplier_with_user(&company, "Penang Assembly Sdn Bhd").await
    };
    let response = app
        .post_json(
            &format!("/companies/{}/voice/channels", company.id),
            Some(&company.token),
            &json!({"supplier_id": supplier.supplier_id, "locales": ["en", "es", "fr"]}),
        )
        .await;
    assert_eq!(response.status(), 201, "open channel");
    let channel: Value = response.json().await.unwrap();
    let token = channel["token"].as_str().unwrap().to_string();
    assert!(channel["url"].as_str().unwrap().ends_with(&format!("/v/{token}")));
    let referral = app
        .post_json(
            &format!("/companies/{}/referral-services", company.id),
            Some(&company.token),
            &json!({
                "country": "MY", "kind": "hotline", "name": "Example Migrant Helpline",
                "phone": "+60 3 0000 0000", "languages": ["en", "ms", "ne"],
                "description": "Demonstration entry.", "example": true
            }),
        )
        .await;
    assert_eq!(referral.status(), 201, "referral");
    VoiceWorld {
        company,
        supplier_id: supplier.supplier_id,
        supplier_token: supplier.token,
        channel,
        token,
    }
}

impl TestApp {
    /// `POST /voice/{token}/reports` (no login).
    pub async fn voice_report(&self, token: &str, body: &Value) -> reqwest::Response {
        self.post_json(&format!("/voice/{token}/reports"), None, body)
            .await
    }

    /// `POST /voice/check` (no login).
    pub async fn voice_check(&self, code: &str, secret: &str) -> reqwest::Response {
        self.post_json(
            "/voice/check",
            None,
            &json!({"case_code": code, "secret": secret}),
        )
        .await
    }

    /// The company's cases.
    pub async fn voice_cases(&self, company: &Company) -> Value {
        let response = self
            .get_api(
                &format!("/companies/{}/voice/cases", company.id),
                Some(&company.token),
            )
            .await;
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }

    /// `POST /voice/cases/{id}/messages`.
    pub async fn voice_message(&self, id: &str, token: &str, kind: &str, body: &str) -> reqwest::Response {
        self.post_json(
            &format!("/voice/cases/{id}/messages"),
            Some(token),
            &json!({"kind": kind, "body": body}),
        )
        .await
    }
}

#[tokio::test]
async fn voice_a_report_is_sealed_answered_and_read_back_with_code_and_secret() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;

    // The public form's data needs no login.
    let info = app
        .get_api(&format!("/voice/{}?lang=es", world.token), None)
        .await;
    assert_eq!(info.status(), 200);
    let info: Value = info.json().await.unwrap();
    assert_eq!(info["site"], "Penang Assembly Sdn Bhd");
    assert_eq!(info["categories"].as_array().unwrap().len(), 11);
    assert_eq!(
        info["categories"][1]["label"],
        "Me retienen el pasaporte o los documentos"
    );

    let text = "The agent took 1200 dollars and the supervisor deducts 50 every month.";
    let response = app
        .voice_report(
            &world.token,
            &json!({"category": "recruitment_fees", "description": text, "contact": "WhatsApp 555 0101", "locale": "en"}),
        )
        .await;
    assert_eq!(response.status(), 201);
    assert!(
        response.headers().get("set-cookie").is_none(),
        "no cookie for reporters"
    );
    let receipt: Value = response.json().await.unwrap();
    let code = receipt["case_code"].as_str().unwrap().to_string();
    let secret = receipt["secret"].as_str().unwrap().to_string();
    assert_eq!(receipt["urgent"], false);
    assert_eq!(receipt["referrals"][0]["name"], "Example Migrant Helpline");
    assert_eq!(receipt["referrals"][0]["example"], true);

    let seen: Value = app.voice_check(&code, &secret).await.json().await.unwrap();
    assert_eq!(seen["status"], "new");
    assert_eq!(seen["replies"].as_array().unwrap().len(), 0);
    // Typed in lower case without dashes, the code and secret still work.
    let relaxed = app
        .voice_check(&code.to_lowercase().replace('-', ""), &secret.to_lowercase())
        .await;
    assert_eq!(relaxed.status(), 200);
    assert_problem(app.voice_check(&code, "WRONG-SECRET").await, 404).await;

    // The officer reads the words and replies; the reporter reads the reply.
    let cases = app.voice_cases(&world.company).await;
    assert_eq!(cases["total"], 1);
    assert!(
        cases["items"][0].get("description").is_none(),
        "lists carry no words"
    );
    let id = cases["items"][0]["id"].as_str().unwrap().to_string();
    let case: Value = app
        .get_api(&format!("/voice/cases/{id}"), Some(&world.company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case["description"], text);
    assert_eq!(case["contact"], "WhatsApp 555 0101");
    assert_eq!(case["indicator"], "debt_bondage");
    let reply = "We have spoken to the factory; the deductions will stop and be repaid.";
    let answered = app.voice_message(&id, &world.company.token, "reply", reply).await;
    assert_eq!(answered.status(), 201);
    let note = app
        .voice_message(
            &id,
            &world.company.token,
            "note",
            "Internal: check payroll for May.",
        )
        .await;
    assert_eq!(note.status(), 201);
    let seen: Value = app.voice_check(&code, &secret).await.json().await.unwrap();
    assert_eq!(seen["status"], "acknowledged");
    assert_eq!(
        seen["replies"].as_array().unwrap().len(),
        1,
        "notes stay internal"
    );
    assert_eq!(seen["replies"][0]["body"], reply);

    // A confirmed case raises a finding on the supplier; before that, 409.
    let early = app
        .post_json(
            &format!("/voice/cases/{id}/findings"),
            Some(&world.company.token),
            &json!({"severity": "major", "title": "Recruitment fees charged to workers"}),
        )
        .await;
    assert_problem(early, 409).await;
    let confirmed = app
        .patch_json(
            &format!("/voice/cases/{id}"),
            &world.company.token,
            &json!({"status": "confirmed"}),
        )
        .await;
    assert_eq!(confirmed.status(), 200);
    let finding = app
        .post_json(
            &format!("/voice/cases/{id}/findings"),
            Some(&world.company.token),
            &json!({"severity": "major", "title": "Recruitment fees charged to workers", "detail": "Repay and stop deductions."}),
        )
        .await;
    assert_eq!(finding.status(), 201);
    let finding: Value = finding.json().await.unwrap();
    assert_eq!(finding["indicator"], "debt_bondage");
    assert_eq!(finding["source"], "worker_voice");
    assert_eq!(finding["supplier_id"], world.supplier_id.as_str());
    let case: Value = app
        .get_api(&format!("/voice/cases/{id}"), Some(&world.company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case["finding_ids"][0], finding["id"]);
    assert_eq!(case["messages"].as_array().unwrap().len(), 2);

    // The audit trail has the case's changes, none of its words.
    let audit = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT action FROM audit_events WHERE entity_type = 'voice_case'".to_string(),
        ))
        .await
        .unwrap();
    let actions: Vec<String> = audit
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect();
    for wanted in [
        "voice_case.reported",
        "voice_case.replied",
        "voice_case.noted",
        "voice_case.status_changed",
    ] {
        assert!(actions.iter().any(|a| a == wanted), "{wanted} in {actions:?}");
    }

    // Metrics: one report, answered, none urgent.
    let metrics: Value = app
        .get_api(
            &format!("/companies/{}/voice/metrics", world.company.id),
            Some(&world.company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(metrics["total_reports"], 1);
    assert_eq!(metrics["responded"], 1);
    assert_eq!(metrics["open_urgent"], 0);
    assert_eq!(metrics["reports"][0]["category"], "recruitment_fees");
    assert_eq!(metrics["reports"][0]["supplier_id"], world.supplier_id.as_str());
    assert!(metrics["median_hours_to_first_response"].as_f64().unwrap() >= 0.0);
}

#[tokio::test]
async fn voice_an_urgent_report_emails_the_officers_and_advisors_at_once() {
    let mut app = spawn_app_with_smtp().await;
    let public_url = app.settings.public_url.clone();
    app.runner.set_public_url(&public_url);
    let world = voice_world(&app).await;
    let advisor_email = format!("advisor-{}@review.example", Uuid::new_v4().simple());
    assert_eq!(
        app.invite_advisor(&world.company, &advisor_email).await.status(),
        201
    );
    app.run_jobs().await;
    let invitation = app
        .smtp
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .find(|m| m.to.contains(&advisor_email))
        .expect("advisor invitation");
    let accepted = app
        .accept_invitation(
            &crate::helpers::invitation_code(&invitation),
            "advisor-password-1",
        )
        .await;
    assert_eq!(accepted.status(), 200);

    let secret_words = "The manager keeps all our passports in his office safe.";
    let response = app
        .voice_report(
            &world.token,
            &json!({"category": "documents_held", "description": secret_words}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let receipt: Value = response.json().await.unwrap();
    assert_eq!(receipt["urgent"], true);
    app.run_jobs().await;

    let messages = app.smtp.as_ref().unwrap().messages();
    for address in [&world.company.email, &advisor_email] {
        let alert = messages
            .iter()
            .find(|m| m.to.contains(address.as_str()) && m.subject.contains("Urgent worker report"))
            .unwrap_or_else(|| panic!("no urgent alert for {address}"));
        assert!(alert.subject.contains("Penang Assembly"));
        assert!(
            alert.text.contains("My passport or documents are kept from me"),
            "{}",
            alert.text
        );
        assert!(alert.text.contains(receipt["case_code"].as_str().unwrap()));
        assert!(alert.text.contains("http://portal.test/voice/cases/"));
        assert!(
            !alert.text.contains("passports in his office"),
            "the words stay out of email"
        );
    }
    // Nothing goes to the supplier.
    let supplier_alerts = messages
        .iter()
        .filter(|m| m.to.contains("supplier.example") && m.subject.contains("Urgent"))
        .count();
    assert_eq!(supplier_alerts, 0);
    let metrics: Value = app
        .get_api(
            &format!("/companies/{}/voice/metrics", world.company.id),
            Some(&world.company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(metrics["open_urgent"], 1);
}

#[tokio::test]
async fn voice_supplier_users_and_other_companies_get_404_on_cases() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let outsider = app.registered_company().await;
    let receipt: Value = app
        .voice_report(
            &world.token,
            &json!({"category": "threats_violence", "description": "The supervisor hit a worker."}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(receipt["case_code"].is_string());
    let id = app.voice_cases(&world.company).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for token in [&world.supplier_token, &outsider.token] {
        assert_problem(app.get_api(&format!("/voice/cases/{id}"), Some(token)).await, 404).await;
        assert_problem(app.voice_message(&id, token, "reply", "hello").await, 404).await;
        assert_problem(
            app.patch_json(&format!("/voice/cases/{id}"), token, &json!({"status": "closed"}))
                .await,
            404,
        )
        .await;
    }
    assert_problem(
        app.get_api(
            &format!("/companies/{}/voice/cases", world.company.id),
            Some(&world.supplier_token),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        app.get_api(
            &format!("/companies/{}/voice/cases", world.company.id),
            Some(&outsider.token),
        )
        .await,
        404,
    )
    .await;
    assert_problem(app.get_api(&format!("/voice/cases/{id}"), None).await, 401).await;
    // Another company's list is empty of this case; its own id is a 404 to us too.
    assert_eq!(app.voice_cases(&outsider).await["total"], 0);
}

/// Every text-like value in every table of the database, one string per row.
pub(crate) async fn every_stored_text(app: &TestApp) -> Vec<String> {
    let db = &app.db;
    let backend = db.get_database_backend();
    let mut out = Vec::new();
    match backend {
        DbBackend::Postgres => {
            let tables = db
                .query_all_raw(Statement::from_string(
                    backend,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'".to_string(),
                ))
                .await
                .unwrap();
            for table in tables {
                let table: String = table.try_get_by_index(0).unwrap();
                let rows = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("SELECT t::text FROM \"{table}\" t"),
                    ))
                    .await
                    .unwrap();
                out.extend(rows.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()));
            }
        }
        _ => {
            let tables = db
                .query_all_raw(Statement::from_string(
                    backend,
                    "SELECT name FROM sqlite_master WHERE type = 'table'".to_string(),
                ))
                .await
                .unwrap();
            for table in tables {
                let table: String = table.try_get_by_index(0).unwrap();
                let columns = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("PRAGMA table_info(\"{table}\")"),
                    ))
                    .await
                    .unwrap();
                for column in columns {
                    let column: String = column.try_get("", "name").unwrap();
                    let rows = db
                        .query_all_raw(Statement::from_string(
                            backend,
                            format!("SELECT CAST(\"{column}\" AS BLOB) FROM \"{table}\""),
                        ))
                        .await
                        .unwrap();
                    out.extend(rows.iter().filter_map(|r| {
                        r.try_get_by_index::<Option<Vec<u8>>>(0)
                            .unwrap()
                            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                    }));
                }
            }
        }
    }
    out
}

#[tokio::test]
async fn voice_stores_no_address_no_user_agent_and_no_plaintext() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let agent = "VoiceProbe/9.9 (Distinctive-Agent-7f3a91)";
    let forwarded = "203.0.113.177";
    let words = "Distinctive-words-q81z: my wages for March were never paid.";
    let contact = "Distinctive-contact-k29x +60 12 345 6789";
    let response = app
        .client
        .post(app.url(&format!("/api/v1/voice/{}/reports", world.token)))
        .header("User-Agent", agent)
        .header("X-Forwarded-For", forwarded)
        .header("X-Real-IP", forwarded)
        .header("Forwarded", format!("for={forwarded}"))
        .json(&json!({"category": "wages_withheld", "description": words, "contact": contact}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert!(response.headers().get("set-cookie").is_none());
    // The portal form too.
    let form = app
        .client
        .post(app.url(&format!("/v/{}?lang=fr", world.token)))
        .header("User-Agent", agent)
        .header("X-Forwarded-For", forwarded)
        .form(&[("lang", "fr"), ("category", "housing"), ("description", words)])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 200);
    assert!(
        form.headers().get("set-cookie").is_none(),
        "no cookie on the public page"
    );
    let page = form.text().await.unwrap();
    assert!(page.contains("Votre code de dossier"), "{page}");
    // A reply is sealed too.
    let id = app.voice_cases(&world.company).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = "Distinctive-reply-m44p: we are on it.";
    assert_eq!(
        app.voice_message(&id, &world.company.token, "reply", reply)
            .await
            .status(),
        201
    );
    app.run_jobs().await;

    let stored = every_stored_text(&app).await;
    assert!(stored.len() > 20, "the scan read the database");
    for needle in [
        agent,
        "Distinctive-Agent",
        forwarded,
        "127.0.0.1",
        "Distinctive-words-q81z",
        "wages for March",
        "Distinctive-contact-k29x",
        "Distinctive-reply-m44p",
    ] {
        let hits: Vec<&String> = stored.iter().filter(|v| v.contains(needle)).collect();
        assert!(hits.is_empty(), "{needle:?} is stored: {hits:?}");
    }
    // The throttle holds one salted hash, nothing readable.
    let case: Value = app
        .get_api(&format!("/voice/cases/{id}"), Some(&world.company.token))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        case["description"]
            .as_str()
            .unwrap()
            .starts_with("Distinctive-words-q81z")
    );
}

#[tokio::test]
async fn voice_a_burst_from_one_client_is_throttled_with_a_problem() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let mut statuses = Vec::new();
    for n in 0..12 {
        let response = app
            .voice_report(
                &world.token,
                &json!({"category": "other", "description": format!("report {n}")}),
            )
            .await;
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            assert!(response.headers().get("retry-after").is_some());
            let problem = assert_problem(response, 429).await;
            assert!(problem["detail"].as_str().unwrap().contains("try again"));
            break;
        }
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 10, "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429));
}

#[tokio::test]
async fn voice_bad_input_is_a_problem_naming_each_field() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let problem = assert_problem(
        app.voice_report(&world.token, &json!({"category": "aliens", "description": "  "}))
            .await,
        422,
    )
    .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["category", "description"]);
    let long = "x".repeat(5001);
    assert_problem(
        app.voice_report(&world.token, &json!({"category": "other", "description": long}))
            .await,
        422,
    )
    .await;
    assert_problem(
        app.voice_report("nosuchtoken", &json!({"category": "other", "description": "x"}))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.client
            .post(app.url(&format!("/api/v1/voice/{}/reports", world.token)))
            .header("content-type", "text/plain")
            .body("hello")
            .send()
            .await
            .unwrap(),
        415,
    )
    .await;
    // Company side: a second channel for the site, unknown languages, bad referral.
    let again = app
        .post_json(
            &format!("/companies/{}/voice/channels", world.company.id),
            Some(&world.company.token),
            &json!({"supplier_id": world.supplier_id}),
        )
        .await;
    assert_problem(again, 409).await;
    let id = world.channel["id"].as_str().unwrap();
    let poster = app
        .post_json(
            &format!("/voice/channels/{id}/posters"),
            Some(&world.company.token),
            &json!({"locales": ["xx"]}),
        )
        .await;
    let problem = assert_problem(poster, 422).await;
    assert_eq!(problem["errors"][0]["field"], "locales");
    let referral = app
        .post_json(
            &format!("/companies/{}/referral-services", world.company.id),
            Some(&world.company.token),
            &json!({"country": "ZZ", "kind": "psychic", "name": "", "url": "ftp://x"}),
        )
        .await;
    let problem = assert_problem(referral, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for field in ["country", "kind", "name", "url"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    // Suppliers cannot touch the directory; lists are paginated.
    let forbidden = app
        .post_json(
            &format!("/companies/{}/referral-services", world.company.id),
            Some(&world.supplier_token),
            &json!({"country": "MY", "kind": "ngo", "name": "X", "phone": "123"}),
        )
        .await;
    assert_problem(forbidden, 404).await;
    let list: Value = app
        .get_api(
            &format!(
                "/companies/{}/referral-services?country=MY&per_page=1",
                world.company.id
            ),
            Some(&world.company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["per_page"], 1);
    assert_problem(
        app.get_api(
            &format!("/companies/{}/voice/cases?per_page=500", world.company.id),
            Some(&world.company.token),
        )
        .await,
        422,
    )
    .await;
}

/// The text of each page of a PDF, whitespace-normalised.
fn page_texts(pdf: &Document) -> Vec<String> {
    pdf.get_pages()
        .keys()
        .map(|n| {
            pdf.extract_text(&[*n])
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The QR modules drawn on a page: black squares of one size, as a grid.
fn drawn_modules(pdf: &Document, page: u32) -> Vec<Vec<bool>> {
    let pages = pdf.get_pages();
    let id = pages[&page];
    let content = lopdf::content::Content::decode(&pdf.get_page_content(id)).unwrap();
    let mut black = false;
    let mut path: Vec<(f32, f32)> = Vec::new();
    let mut squares: Vec<(f32, f32, f32)> = Vec::new();
    let num = |o: &lopdf::Object| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).unwrap();
    for op in content.operations {
        match op.operator.as_str() {
            "rg" => black = op.operands.iter().all(|o| num(o) == 0.0),
            "m" | "l" => path.push((num(&op.operands[0]), num(&op.operands[1]))),
            "f" | "f*" | "b" | "B" => {
                if black && path.len() >= 4 {
                    let xs: Vec<f32> = path.iter().map(|p| p.0).collect();
                    let ys: Vec<f32> = path.iter().map(|p| p.1).collect();
                    let min_x = xs.iter().cloned().fold(f32::MAX, f32::min);
                    let max_x = xs.iter().cloned().fold(f32::MIN, f32::max);
                    let min_y = ys.iter().cloned().fold(f32::MAX, f32::min);
                    let max_y = ys.iter().cloned().fold(f32::MIN, f32::max);
                    if ((max_x - min_x) - (max_y - min_y)).abs() < 0.01 {
                        squares.push((min_x, max_y, max_x - min_x));
                    }
                }
                path.clear();
            }
            "n" => path.clear(),
            _ => {}
        }
    }
    assert!(!squares.is_empty(), "no QR modules drawn");
    let side = squares[0].2;
    let left = squares.iter().map(|s| s.0).fold(f32::MAX, f32::min);
    let top = squares.iter().map(|s| s.1).fold(f32::MIN, f32::max);
    let cols = squares
        .iter()
        .map(|s| ((s.0 - left) / side).round() as usize)
        .max()
        .unwrap()
        + 1;
    let rows = squares
        .iter()
        .map(|s| ((top - s.1) / side).round() as usize)
        .max()
        .unwrap()
        + 1;
    let mut grid = vec![vec![false; cols]; rows];
    for (x, y, _) in squares {
        grid[((top - y) / side).round() as usize][((x - left) / side).round() as usize] = true;
    }
    grid
}

#[tokio::test]
async fn voice_the_poster_pdf_has_the_link_the_qr_code_and_the_steps_in_each_language() {
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let id = world.channel["id"].as_str().unwrap();
    let link = world.channel["url"].as_str().unwrap().to_string();
    let response = app
        .post_json(
            &format!("/voice/channels/{id}/posters"),
            Some(&world.company.token),
            &json!({"locales": ["es", "fr", "en"]}),
        )
        .await;
    assert_eq!(response.status(), 202);
    let poster: Value = response.json().await.unwrap();
    let pid = poster["id"].as_str().unwrap();
    let early = app
        .get_api(&format!("/voice/posters/{pid}/pdf"), Some(&world.company.token))
        .await;
    assert_problem(early, 409).await;
    app.run_jobs().await;
    let status: Value = app
        .get_api(&format!("/voice/posters/{pid}"), Some(&world.company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["status"], "ready");
    assert_problem(
        app.get_api(&format!("/voice/posters/{pid}/pdf"), Some(&world.supplier_token))
            .await,
        404,
    )
    .await;
    let response = app
        .get_api(&format!("/voice/posters/{pid}/pdf"), Some(&world.company.token))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let pdf = Document::load_mem(&response.bytes().await.unwrap()).unwrap();
    let texts = page_texts(&pdf);
    assert_eq!(texts.len(), 3, "one page per language");
    let expected = [
        (
            "es",
            "¿Algo va mal en el trabajo?",
            "Escanee el código con la cámara del teléfono o escriba el enlace.",
        ),
        (
            "fr",
            "Un problème au travail ?",
            "Scannez le code avec l’appareil photo de votre téléphone, ou tapez le lien.",
        ),
        (
            "en",
            "Something wrong at work?",
            "Scan the code with your phone camera, or type the link.",
        ),
    ];
    for ((code, title, step), text) in expected.iter().zip(&texts) {
        assert!(text.contains(title), "{code}: {text}");
        assert!(text.contains(step), "{code}: {text}");
        assert!(text.contains(&link), "{code} lacks the link: {text}");
        assert!(text.contains("Penang Assembly Sdn Bhd"), "{code}: {text}");
    }
    // The drawn modules are the `qrcode` crate's matrix of the link.
    let code = qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::M).unwrap();
    let width = code.width();
    let expected: Vec<Vec<bool>> = code
        .to_colors()
        .chunks(width)
        .map(|row| row.iter().map(|c| *c == qrcode::Color::Dark).collect())
        .collect();
    for page in 1..=3 {
        assert_eq!(drawn_modules(&pdf, page), expected, "page {page}");
    }
}

#[tokio::test]
async fn voice_officers_handle_cases_in_the_portal_and_suppliers_get_404() {
    use crate::portal_flow::Portal;
    let app = spawn_app().await;
    let world = voice_world(&app).await;
    let words = "They took our passports at the airport and keep them in the office.";
    let receipt: Value = app
        .voice_report(
            &world.token,
            &json!({"category": "documents_held", "description": words, "locale": "fr"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let code = receipt["case_code"].as_str().unwrap();
    let id = app.voice_cases(&world.company).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let officer = Portal::new(&app, "en");
    officer.login(&world.company.email, "a-long-password-1").await;
    let list = officer
        .get(&format!("/companies/{}/voice", world.company.id))
        .await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains(code), "{}", list.body);
    assert!(
        list.body.contains("id=\"open-urgent\">1<"),
        "the dashboard figures"
    );
    let case = officer.get(&format!("/voice/cases/{id}")).await;
    assert_eq!(case.status, 200);
    assert!(case.body.contains(words));
    let sent = officer
        .post(
            &format!("/voice/cases/{id}/messages"),
            &[("kind", "reply"), ("body", "Nous venons sur le site demain.")],
        )
        .await;
    assert_eq!(sent.status, 303);
    let seen: Value = app
        .voice_check(code, receipt["secret"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["replies"][0]["body"], "Nous venons sur le site demain.");

    let supplier = Portal::new(&app, "en");
    let supplier_email = app
        .get_api(
            &format!("/suppliers/{}", world.supplier_id),
            Some(&world.company.token),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["contact_email"]
        .as_str()
        .unwrap()
        .to_string();
    supplier.login(&supplier_email, "supplier-password-1").await;
    assert_eq!(supplier.get(&format!("/voice/cases/{id}")).await.status, 404);
    assert_eq!(
        supplier
            .get(&format!("/companies/{}/voice", world.company.id))
            .await
            .status,
        404
    );
}
