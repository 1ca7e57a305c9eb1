//! The portal's defences, checked form by form: every POST route the web crate
//! declares (read from its source, so a new form cannot escape) refuses a missing
//! and a wrong CSRF token with nothing in the database changed — and accepts the
//! same form with the right token, so the refusal is the token's doing; another
//! tenant's pages and forms are 404; user text (supplier name, answer text,
//! finding title, comment, progress note) is shown as text.

use std::{collections::BTreeSet, path::Path};

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, JsonValue, Statement};
use serde_json::{Value, json};

use crate::{
    fixtures::small_definition,
    helpers::{Company, TestApp, spawn_app},
    portal_flow::{Page, Portal},
};

/// What a refused form says (the CSRF error page, in English).
const EXPIRED: &str = "This form has expired";

/// Every row of every table, sorted: "nothing changed" compares two of these.
pub async fn snapshot(db: &domain::database::Database) -> Vec<(String, Vec<String>)> {
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
pub fn shape(route: &str) -> String {
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
    let listed: BTreeSet<String> = web::POST_ROUTES
        .iter()
        .chain(web::PUBLIC_POST_ROUTES)
        .map(|r| shape(r))
        .collect();
    assert_eq!(
        listed.len(),
        web::POST_ROUTES.len() + web::PUBLIC_POST_ROUTES.len(),
        "no route listed twice"
    );
    assert_eq!(declared, listed, "web::POST_ROUTES must list every #[post] route");
    assert!(declared.len() >= 13, "the scan found the forms: {declared:?}");
}

/// Everything the forms need, set up through the API.
pub struct Scene {
    pub company: Company,
    pub officer: Portal,
    pub supplier: Portal,
    /// The supplier's user, at the API.
    pub supplier_token: String,
    pub anonymous: Portal,
    pub supplier_id: String,
    /// Sent, every required question answered (not submitted).
    pub open: String,
    /// Submitted and scored, with a corrective action.
    pub scored: String,
    /// The scored assessment's finding (edited, given an action, dismissed).
    pub finding: String,
    pub action: String,
    pub questionnaire: String,
    pub invitation: String,
    /// The supplier's worker-voice channel: its id and its public token.
    pub channel: String,
    pub channel_token: String,
    /// A worker-voice case reported on the supplier's site.
    pub voice_case: String,
    /// A service of the company's referral directory.
    pub referral_service: String,
    /// A referral of the case to that service, with the worker's consent (its
    /// outcome is recorded by the forms).
    pub voice_referral: String,
    /// A webhook of the company (disabled, then deleted, by the forms).
    pub webhook: String,
    /// A fee audit of the supplier (repayments are recorded on it).
    pub fee_audit: String,
    /// A pending invitation's id (withdrawn by the forms).
    pub pending_invitation: String,
    /// An advisor's membership of the company (removed by the forms).
    pub member: String,
    /// An API key of the company (revoked by the forms).
    pub api_key: String,
    /// An open screening hit of a second supplier, on a listed name (dismissed by the forms).
    pub screening_hit: String,
    /// A site of the supplier (edited, matched, then deleted by the forms).
    pub site: String,
    /// A recruiter of the company's registry, named by the fee audit (edited by the forms).
    pub recruiter: String,
    /// A modern-slavery statement of the company (a section edited by the forms).
    pub statement: String,
    /// A second sign-in session of the company's admin (ended by the forms).
    pub session: String,
    /// A usable password-reset token of a user of its own (used by the forms).
    pub password_reset: String,
    /// A browser holding the supplier link of `open` (no account; issue #24).
    pub link_holder: Portal,
    /// That link's id (revoked by the forms).
    pub assessment_link: String,
    /// A product of the company (edited and linked by the forms).
    pub product: String,
    /// A second supplier of the company, with no user (a sub-tier supplier).
    pub sub_supplier: String,
}

pub async fn scene(app: &TestApp) -> Scene {
    let company = crate::fee_audits::company_with_rates(app).await;
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
    let channel: Value = app
        .post_json(
            &format!("/companies/{}/voice/channels", company.id),
            Some(&company.token),
            &json!({"supplier_id": supplier.supplier_id, "locales": ["en"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let reported = app
        .voice_report(
            channel["token"].as_str().unwrap(),
            &json!({"category": "housing", "description": "Twelve people share one room.", "locale": "en"}),
        )
        .await;
    assert_eq!(reported.status(), 201, "voice report");
    let voice_case = app.voice_cases(&company).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let referral_service: Value = app
        .post_json(
            &format!("/companies/{}/referral-services", company.id),
            Some(&company.token),
            &crate::hostile_contract::referral_body(),
        )
        .await
        .json()
        .await
        .unwrap();
    let referral_service = referral_service["id"]
        .as_str()
        .expect("a referral service")
        .to_string();
    let voice_referral: Value = app
        .post_json(
            &format!("/voice/cases/{voice_case}/referrals"),
            Some(&company.token),
            &json!({"service_id": referral_service, "consent_given": true, "consent_method": "verbal"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let voice_referral = voice_referral["id"]
        .as_str()
        .expect("a voice referral")
        .to_string();
    let hook: Value = app
        .create_webhook(&company, "https://93.184.216.34/hook", &["report.ready"])
        .await
        .json()
        .await
        .unwrap();
    let fee_audit = crate::fee_audits::uploaded_audit(app, &company, &supplier.supplier_id).await;
    let pending: Value = app
        .invite_advisor(&company, "pending@review.example")
        .await
        .json()
        .await
        .unwrap();
    let member = {
        use domain::entities::{membership, user};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let email = format!("member-{}@review.example", uuid::Uuid::new_v4().simple());
        assert_eq!(app.invite_advisor(&company, &email).await.status(), 201);
        app.run_jobs().await;
        let code = app.last_code_for(&email);
        assert_eq!(
            app.accept_invitation(&code, "member-password-1").await.status(),
            200
        );
        let person = user::Entity::find()
            .filter(user::Column::Email.eq(email))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        membership::Entity::find()
            .filter(membership::Column::UserId.eq(person.id))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let key: Value = app
        .post_json(
            &format!("/companies/{}/api-keys", company.id),
            Some(&company.token),
            &json!({"name": "Forms key", "role": "read_only"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let listed = app
        .create_supplier(
            &company,
            &json!({"name": "Hoshine Silicon Industry", "country": "CN", "sector": "electronics",
                    "contact_email": "listed@forms.example"}),
        )
        .await;
    assert_eq!(listed.status(), 201);
    let hits: Value = app
        .get_api(
            &format!("/companies/{}/screening-hits", company.id),
            Some(&company.token),
        )
        .await
        .json()
        .await
        .unwrap();
    let screening_hit = hits["items"][0]["id"]
        .as_str()
        .expect("a screening hit")
        .to_string();
    let site = app
        .site_of(&company, &supplier.supplier_id, "Forms Site", "MY")
        .await;
    let recruiters: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    let recruiter = recruiters["items"][0]["id"]
        .as_str()
        .expect("a recruiter named by the fee audit")
        .to_string();
    let statement: Value = app
        .post_json(
            &format!("/companies/{}/statements", company.id),
            Some(&company.token),
            &json!({"regime": "uk_msa", "period_start": "2026-01-01", "period_end": "2026-12-31"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let second: Value = app
        .login(&company.email, "a-long-password-1")
        .await
        .json()
        .await
        .unwrap();
    let statement = statement["id"].as_str().expect("a statement").to_string();
    let session = crate::sessions::session_id(second["access_token"].as_str().expect("a token"));
    let password_reset = crate::password_reset::usable_token(app).await;
    let product = app.product_of(&company, "FORMS-1", "Forms Tee").await;
    let sub_supplier = app.plain_supplier(&company, "Forms Spinning", "UZ").await;
    let officer = Portal::new(app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let supplier_portal = Portal::new(app, "en");
    supplier_portal
        .login(&supplier.email, "supplier-password-1")
        .await;
    let (link_holder, assessment_link) = link_holder_of(app, &company, &open).await;
    Scene {
        link_holder,
        assessment_link,
        invitation: app.last_code_for(&invited),
        questionnaire: app.standard_questionnaire(&company).await,
        company,
        officer,
        supplier: supplier_portal,
        supplier_token: supplier.token,
        anonymous: Portal::new(app, "en"),
        supplier_id: supplier.supplier_id,
        open,
        scored,
        finding,
        action: action["id"].as_str().unwrap().to_string(),
        channel: channel["id"].as_str().expect("a channel").to_string(),
        channel_token: channel["token"].as_str().unwrap().to_string(),
        voice_case,
        referral_service,
        voice_referral,
        webhook: hook["id"].as_str().expect("a webhook").to_string(),
        fee_audit: fee_audit["id"].as_str().expect("a fee audit").to_string(),
        pending_invitation: pending["invitation_id"]
            .as_str()
            .expect("an invitation")
            .to_string(),
        member: member.to_string(),
        api_key: key["id"].as_str().expect("an API key").to_string(),
        screening_hit,
        site,
        recruiter,
        statement,
        session,
        password_reset,
        product,
        sub_supplier,
    }
}

/// A browser that opened the supplier link emailed for assessment `aid`, and the
/// link's id.
async fn link_holder_of(app: &TestApp, company: &Company, aid: &str) -> (Portal, String) {
    let holder = Portal::new(app, "en");
    let landing = format!("/assessments/{aid}/sections/1");
    let mut opened = false;
    for raw in app.outbox() {
        let mail = crate::helpers::parse_email(raw.as_bytes());
        if !mail.text.contains("/a/") {
            continue;
        }
        let token = crate::supplier_links::link_token(&mail);
        if holder.get(&format!("/a/{token}")).await.location == landing {
            opened = true;
            break;
        }
    }
    assert!(opened, "the link of {aid} was emailed");
    let links: Value = app
        .get_api(&format!("/assessments/{aid}/links"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let id = links["items"][0]["id"].as_str().expect("a supplier link");
    (holder, id.to_string())
}

/// One form: who sends it, where, and a body that succeeds with the right token.
pub struct Form<'a> {
    pub who: &'a Portal,
    pub path: String,
    pub fields: Vec<(&'static str, String)>,
    /// A `multipart/form-data` upload of this file (name, bytes).
    pub multipart: Option<(&'static str, &'static [u8])>,
}

pub fn form_for<'a>(route: &str, s: &'a Scene) -> Form<'a> {
    let due = (chrono::Utc::now() + chrono::Duration::days(20))
        .date_naive()
        .to_string();
    let unique = format!("{}@forms.example", uuid::Uuid::new_v4().simple());
    let f = |who: &'a Portal, path: String, fields: Vec<(&'static str, String)>| Form {
        who,
        path,
        fields,
        multipart: None,
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
        "/sso" => f(
            &s.anonymous,
            "/sso".into(),
            vec![("sso_email", "someone@example.org".into())],
        ),
        "/logout" => f(&s.officer, "/logout".into(), vec![]),
        "/locale" => f(&s.officer, "/locale".into(), vec![("locale", "es".into())]),
        "/password-reset" => f(
            &s.anonymous,
            "/password-reset".into(),
            vec![("email", s.company.email.clone())],
        ),
        "/password-reset/{token}" => f(
            &s.anonymous,
            format!("/password-reset/{}", s.password_reset),
            vec![("password", "a-reset-password-1".into())],
        ),
        "/account/security/totp" => f(&s.officer, "/account/security/totp".into(), vec![]),
        // No code can be known here: the form answers 422 with the error beside
        // the field (the right code is `portal_account`'s test).
        "/account/security/totp/confirm" => f(
            &s.officer,
            "/account/security/totp/confirm".into(),
            vec![("code", String::new())],
        ),
        "/account/sessions/{id}/end" => f(&s.officer, format!("/account/sessions/{}/end", s.session), vec![]),
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
        "/suppliers/{sid}/profile" => f(
            &s.officer,
            format!("/suppliers/{}/profile", s.supplier_id),
            vec![
                ("workforce_size", "120".into()),
                ("migrant_worker_share", "0.5".into()),
                ("worker_origins", "NP:0.5".into()),
            ],
        ),
        "/actions/{id}" => f(
            &s.supplier,
            format!("/actions/{}", s.action),
            vec![("status", "done".into()), ("note", "Repaid".into())],
        ),
        "/assessments/{aid}/findings" => f(
            &s.officer,
            format!("/assessments/{}/findings", s.scored),
            vec![
                ("indicator", "deception".into()),
                ("severity", "minor".into()),
                ("title", "Contracts only in English".into()),
                ("detail", "Seen on site".into()),
            ],
        ),
        "/findings/{fid}" => f(
            &s.officer,
            format!("/findings/{}", s.finding),
            vec![
                ("severity", "major".into()),
                ("title", "Fees charged".into()),
                ("detail", "Receipts".into()),
                ("status", "open".into()),
            ],
        ),
        "/findings/{fid}/dismiss" => f(
            &s.officer,
            format!("/findings/{}/dismiss", s.finding),
            vec![("reason", "Not borne out".into())],
        ),
        "/findings/{fid}/confirm" => f(&s.officer, format!("/findings/{}/confirm", s.finding), vec![]),
        "/findings/{fid}/actions" => f(
            &s.officer,
            format!("/findings/{}/actions", s.finding),
            vec![("description", "Repay the fees".into()), ("due_date", due)],
        ),
        "/assessments/{aid}/evidence" => Form {
            who: &s.supplier,
            path: format!("/assessments/{}/evidence", s.open),
            fields: vec![("question_key", "docs.policy".into()), ("section", "1".into())],
            multipart: Some(("policy.pdf", b"%PDF-1.4\n%%EOF\n")),
        },
        "/suppliers/{sid}/fee-audits" => Form {
            who: &s.officer,
            path: format!("/suppliers/{}/fee-audits", s.supplier_id),
            fields: vec![],
            multipart: Some(("audit.csv", crate::fee_audits::AUDIT.as_bytes())),
        },
        "/assessments/{aid}/reports" => f(
            &s.officer,
            format!("/assessments/{}/reports", s.scored),
            vec![("locale", "es".into())],
        ),
        "/companies/{cid}/team" => f(
            &s.officer,
            format!("/companies/{}/team", s.company.id),
            vec![("email", unique), ("role", "advisor".into())],
        ),
        "/companies/{cid}/team/invitations/{id}/withdraw" => f(
            &s.officer,
            format!(
                "/companies/{}/team/invitations/{}/withdraw",
                s.company.id, s.pending_invitation
            ),
            vec![],
        ),
        "/companies/{cid}/api-keys" => f(
            &s.officer,
            format!("/companies/{}/api-keys", s.company.id),
            vec![("name", "ERP sync".into()), ("role", "read_only".into())],
        ),
        "/companies/{cid}/questionnaires" => Form {
            who: &s.officer,
            path: format!("/companies/{}/questionnaires", s.company.id),
            fields: vec![],
            multipart: Some((
                "forms.json",
                br#"{"key": "forms", "version": 1, "default_locale": "en", "title": {"en": "Forms"},
                    "sections": [{"key": "s", "title": {"en": "S"},
                        "questions": [{"key": "s.note", "type": "text", "text": {"en": "Note"}}]}]}"#,
            )),
        },
        "/companies/{cid}/api-keys/{id}/revoke" => f(
            &s.officer,
            format!("/companies/{}/api-keys/{}/revoke", s.company.id, s.api_key),
            vec![],
        ),
        "/companies/{cid}/team/members/{id}/remove" => f(
            &s.officer,
            format!("/companies/{}/team/members/{}/remove", s.company.id, s.member),
            vec![],
        ),
        "/voice/cases/{id}/messages" => f(
            &s.officer,
            format!("/voice/cases/{}/messages", s.voice_case),
            vec![("kind", "note".into()), ("body", "Visit planned.".into())],
        ),
        "/companies/{cid}/voice/promise" => f(
            &s.officer,
            format!("/companies/{}/voice/promise", s.company.id),
            vec![("response_days", "7".into())],
        ),
        "/companies/{cid}/voice/messaging" => f(
            &s.officer,
            format!("/companies/{}/voice/messaging", s.company.id),
            vec![
                ("account_sid", "AC0123456789abcdef0123456789abcdef".into()),
                ("auth_token", "an-auth-token-0123456789".into()),
                ("from", "+14155550100".into()),
            ],
        ),
        "/voice/cases/{id}/referrals" => f(
            &s.officer,
            format!("/voice/cases/{}/referrals", s.voice_case),
            vec![
                ("service_id", s.referral_service.clone()),
                ("consent_given", "yes".into()),
                ("consent_method", "written".into()),
            ],
        ),
        "/voice/referrals/{id}/outcome" => f(
            &s.officer,
            format!("/voice/referrals/{}/outcome", s.voice_referral),
            vec![
                ("outcome", "assisted".into()),
                ("note", "Helped with the claim.".into()),
            ],
        ),
        "/voice/cases/{id}/status" => f(
            &s.officer,
            format!("/voice/cases/{}/status", s.voice_case),
            vec![("status", "investigating".into())],
        ),
        "/companies/{cid}/webhooks" => f(
            &s.officer,
            format!("/companies/{}/webhooks", s.company.id),
            vec![
                ("url", "https://93.184.216.34/forms".into()),
                ("events", "report.ready".into()),
                ("events", "fee_audit.created".into()),
                ("secret", "a-long-enough-secret-for-forms".into()),
            ],
        ),
        // These two before the delete below (the list's order).
        "/webhooks/{id}/active" => f(
            &s.officer,
            format!("/webhooks/{}/active", s.webhook),
            vec![("active", "false".into())],
        ),
        "/webhooks/{id}/test" => f(&s.officer, format!("/webhooks/{}/test", s.webhook), vec![]),
        "/webhooks/{id}/delete" => f(&s.officer, format!("/webhooks/{}/delete", s.webhook), vec![]),
        "/companies/{cid}/risk-overrides" => f(
            &s.officer,
            format!("/companies/{}/risk-overrides", s.company.id),
            vec![
                ("kind.0", "country".into()),
                ("key.0", "NP".into()),
                ("risk.0", "80".into()),
                ("note.0", "our own audits".into()),
            ],
        ),
        "/companies/{cid}/fx-rates" => Form {
            who: &s.officer,
            path: format!("/companies/{}/fx-rates", s.company.id),
            fields: vec![],
            multipart: Some(("rates.csv", b"currency,date,usd_per_unit\nEUR,2026-01-01,1.08\n")),
        },
        "/fee-audits/{id}/repayments" => Form {
            who: &s.officer,
            path: format!("/fee-audits/{}/repayments", s.fee_audit),
            fields: vec![],
            multipart: Some((
                "repayments.csv",
                b"worker_ref,amount,currency,paid_on\nW4,100,USD,2026-03-03\n",
            )),
        },
        "/screening-hits/{id}" => f(
            &s.officer,
            format!("/screening-hits/{}", s.screening_hit),
            vec![("status", "dismissed".into()), ("reason", "Another firm".into())],
        ),
        "/companies/{cid}/products" => f(
            &s.officer,
            format!("/companies/{}/products", s.company.id),
            vec![("name", "Forged Tee".into()), ("sku", "FORGED-1".into())],
        ),
        "/products/{id}" => f(
            &s.officer,
            format!("/products/{}", s.product),
            vec![("hs_code", "6109.90".into())],
        ),
        "/products/{id}/links" => f(
            &s.officer,
            format!("/products/{}/links", s.product),
            vec![
                ("supplier_id", s.supplier_id.clone()),
                ("site_id", s.site.clone()),
                ("role", "assembly".into()),
            ],
        ),
        "/products/{id}/origins" => f(
            &s.officer,
            format!("/products/{}/origins", s.product),
            vec![
                ("material", "cotton".into()),
                ("country", "UZ".into()),
                ("share", "50".into()),
            ],
        ),
        "/suppliers/{sid}/evidence-packs" => f(
            &s.officer,
            format!("/suppliers/{}/evidence-packs", s.supplier_id),
            vec![("regime", "uflpa".into()), ("locale", "en".into())],
        ),
        "/suppliers/{sid}/sites" => f(
            &s.officer,
            format!("/suppliers/{}/sites", s.supplier_id),
            vec![
                ("name", "Forged Site".into()),
                ("address", "1 Road".into()),
                ("country", "MY".into()),
                ("headcount", "12".into()),
            ],
        ),
        "/sites/{id}" => f(
            &s.officer,
            format!("/sites/{}", s.site),
            vec![("headcount", "13".into())],
        ),
        "/sites/{id}/os-hub/match" => f(&s.officer, format!("/sites/{}/os-hub/match", s.site), vec![]),
        "/sites/{id}/delete" => f(&s.officer, format!("/sites/{}/delete", s.site), vec![]),
        "/recruiters/{id}" => f(
            &s.officer,
            format!("/recruiters/{}", s.recruiter),
            vec![
                ("origin_countries", "NP, BD".into()),
                ("licences", "RL-1; NP; DoFE; 2027-01-31".into()),
                ("iris_status", "none".into()),
            ],
        ),
        "/companies/{cid}/statements" => f(
            &s.officer,
            format!("/companies/{}/statements", s.company.id),
            vec![
                ("regime", "au_msa".into()),
                ("period_start", "2026-01-01".into()),
                ("period_end", "2026-12-31".into()),
                ("locale", "en".into()),
            ],
        ),
        "/statements/{id}/sections/{key}" => f(
            &s.officer,
            format!("/statements/{}/sections/policies", s.statement),
            vec![("text", "Our code forbids recruitment fees.".into())],
        ),
        "/a/account" => f(&s.link_holder, "/a/account".into(), vec![]),
        "/assessments/{aid}/links" => f(&s.officer, format!("/assessments/{}/links", s.open), vec![]),
        "/assessment-links/{id}/revoke" => f(
            &s.officer,
            format!("/assessment-links/{}/revoke", s.assessment_link),
            vec![],
        ),
        other => panic!("{other}: add a valid form for this new POST route to form_for"),
    }
}

/// Sends a form with no token (`None`) or the given one.
pub async fn send(form: &Form<'_>, token: Option<&str>) -> Page {
    let mut pairs: Vec<(&str, &str)> = form.fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if let Some(token) = token {
        pairs.insert(0, ("csrf_token", token));
    }
    let Some((name, bytes)) = form.multipart else {
        return form.who.post_raw(&form.path, &pairs).await;
    };
    let mut multipart = reqwest::multipart::Form::new();
    for (k, v) in pairs {
        multipart = multipart.text(k.to_string(), v.to_string());
    }
    let multipart = multipart.part(
        "file",
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name),
    );
    form.who.post_multipart(&form.path, multipart).await
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
        // A new API key is shown once, on the page that answers the form (a
        // redirect would have to keep the key somewhere to show it after).
        let accepted = match route {
            "/companies/{cid}/api-keys" => StatusCode::CREATED,
            // No company of the scene signs in through an identity provider: the
            // form answers beside its field (tests/api/sso.rs covers a found one).
            "/sso" => StatusCode::UNPROCESSABLE_ENTITY,
            // These answer with a page (the QR code, "the link is on its way",
            // "your password is changed"), not a redirect.
            "/password-reset" | "/password-reset/{token}" | "/account/security/totp" => StatusCode::OK,
            "/account/security/totp/confirm" => StatusCode::UNPROCESSABLE_ENTITY,
            // The account offer answers on its own page (the supplier's user
            // here already has an account, so it says so).
            "/a/account" => StatusCode::OK,
            _ => StatusCode::SEE_OTHER,
        };
        assert_eq!(done.status, accepted, "{route} with its token: {}", done.body);
    }
    assert!(
        before != snapshot(&app.db).await,
        "the accepted forms changed the database"
    );
}

#[tokio::test]
async fn another_tenants_pages_and_forms_are_404_and_change_nothing() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    // A report of the scored assessment, rendered.
    let requested = s
        .officer
        .post(&format!("/assessments/{}/reports", s.scored), &[("locale", "en")])
        .await;
    assert_eq!(requested.status, StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let page = s.officer.get(&format!("/assessments/{}", s.scored)).await;
    let at = page.body.find("href=\"/reports/").expect("a report link") + "href=\"".len();
    let pdf = page.body[at..at + page.body[at..].find('"').unwrap()].to_string();
    let report = pdf.trim_end_matches("/pdf").to_string();
    assert_eq!(
        s.officer.get(&pdf).await.status,
        StatusCode::OK,
        "the owner downloads it"
    );

    let other = app.registered_company().await;
    let other_officer = Portal::new(&app, "en");
    other_officer.login(&other.email, "a-long-password-1").await;
    let theirs = app.supplier_with_user(&other, "Other Supplier").await;
    let other_supplier = Portal::new(&app, "en");
    other_supplier.login(&theirs.email, "supplier-password-1").await;
    // The company's own supplier is a stranger to the company's pages too.
    let pages = [
        format!("/assessments/{}", s.open),
        format!("/assessments/{}/sections/1", s.open),
        format!("/assessments/{}/check", s.open),
        format!("/assessments/{}", s.scored),
        format!("/suppliers/{}", s.supplier_id),
        format!("/suppliers/{}/assessments", s.supplier_id),
        format!("/suppliers/{}/findings", s.supplier_id),
        format!("/companies/{}", s.company.id),
        format!("/companies/{}/suppliers", s.company.id),
        format!("/companies/{}/suppliers/new", s.company.id),
        format!("/companies/{}/reviews", s.company.id),
        format!("/companies/{}/team", s.company.id),
        format!("/companies/{}/webhooks", s.company.id),
        format!("/webhooks/{}", s.webhook),
        format!("/companies/{}/risk-overrides", s.company.id),
        format!("/companies/{}/audit", s.company.id),
        format!("/companies/{}/fx-rates", s.company.id),
        format!("/companies/{}/questionnaires", s.company.id),
        format!("/fee-audits/{}", s.fee_audit),
        format!("/suppliers/{}/fee-audits/new", s.supplier_id),
        format!("/sites/{}", s.site),
        format!("/suppliers/{}/sites/new", s.supplier_id),
        format!("/companies/{}/products", s.company.id),
        format!("/companies/{}/products/new", s.company.id),
        format!("/products/{}", s.product),
        format!("/products/{}/map", s.product),
        format!("/suppliers/{}/map", s.supplier_id),
        format!("/suppliers/{}/evidence-packs", s.supplier_id),
        report.clone(),
        pdf.clone(),
    ];
    for stranger in [&other_officer, &other_supplier] {
        for path in &pages {
            let page = stranger.get(path).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}: {}", page.body);
        }
    }
    for path in [&report, &pdf] {
        assert_eq!(s.supplier.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }

    let before = snapshot(&app.db).await;
    for stranger in [&other_officer, &other_supplier] {
        for route in web::POST_ROUTES
            .iter()
            .filter(|r| r.contains('{') && !r.contains("{token}"))
        {
            let mut form = form_for(route, &s);
            form.who = stranger;
            let token = stranger.csrf().await;
            let refused = send(&form, Some(&token)).await;
            assert_eq!(refused.status, StatusCode::NOT_FOUND, "{route}: {}", refused.body);
        }
    }
    assert!(
        before == snapshot(&app.db).await,
        "a stranger's form changed the database"
    );
}

/// `<script>alert(N)</script>` as the page shows it when escaped.
fn escaped(n: u32) -> String {
    format!("&#60;script&#62;alert({n})&#60;/script&#62;")
}

fn assert_text(page: &Page, n: u32, what: &str) {
    assert_eq!(page.status, StatusCode::OK, "{what}: {}", page.body);
    assert!(
        !page.body.contains(&format!("<script>alert({n})")),
        "{what}: injected as HTML"
    );
    assert!(
        page.body.contains(&escaped(n)),
        "{what}: not shown as text: {}",
        page.body
    );
}

#[tokio::test]
async fn script_in_any_user_text_is_shown_as_text() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    // 11: the supplier's name.
    let supplier = app
        .supplier_with_user(&company, "<script>alert(11)</script>")
        .await;
    let mut definition = small_definition("xss-check", 1);
    definition["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"key": "notes.other", "type": "text", "required": false,
                     "text": {"en": "Anything else?"}}));
    let questionnaire = app.company_questionnaire(&company, &definition).await;
    let aid = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    let own = Portal::new(&app, "en");
    own.login(&supplier.email, "supplier-password-1").await;
    // 22: an answer's text, typed in the portal.
    let saved = own
        .post(
            &format!("/assessments/{aid}/sections/1"),
            &[
                ("a.fees.paid", "yes"),
                ("a.fees.amount_known", "no"),
                ("a.hours.max_weekly", "40"),
                ("a.notes.other", "<script>alert(22)</script>"),
                ("go", "stay"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_text(
        &own.get(&format!("/assessments/{aid}/sections/1")).await,
        22,
        "answer, supplier",
    );
    assert_text(
        &own.get(&format!("/suppliers/{}/assessments", supplier.supplier_id))
            .await,
        11,
        "name, supplier",
    );
    assert_eq!(app.submit(&supplier.token, &aid).await.status(), 202);
    app.run_jobs().await;

    // 33: a finding's title (added by an advisor); 44: the return comment.
    let advisor = app.advisor_of(&company).await;
    let added = app
        .post_json(
            &format!("/assessments/{aid}/findings"),
            Some(&advisor),
            &json!({"severity": "major", "indicator": "deception",
                    "title": "<script>alert(33)</script>", "detail": "Seen in files"}),
        )
        .await;
    assert_eq!(added.status(), 201);
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let review = officer.get(&format!("/assessments/{aid}")).await;
    // (The review page lists the scored answers; a free-text answer is shown
    // on the supplier's pages, checked above.)
    for n in [11, 33] {
        assert_text(&review, n, "review page");
    }
    assert_text(
        &officer.get(&format!("/suppliers/{}", supplier.supplier_id)).await,
        11,
        "supplier page",
    );
    assert_text(
        &officer.get(&format!("/companies/{}/suppliers", company.id)).await,
        11,
        "supplier list",
    );
    assert_text(
        &officer.get(&format!("/companies/{}/reviews", company.id)).await,
        11,
        "review queue",
    );
    let returned = officer
        .post(
            &format!("/assessments/{aid}/review"),
            &[("decision", "return"), ("comment", "<script>alert(44)</script>")],
        )
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
    assert_text(
        &own.get(&format!("/assessments/{aid}/sections/1")).await,
        44,
        "comment, supplier",
    );
    assert_text(
        &officer.get(&format!("/assessments/{aid}")).await,
        44,
        "comment, officer",
    );

    // 55: a progress note on a corrective action of the finding.
    let findings: Value = app
        .get_api(&format!("/assessments/{aid}/findings"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    let finding = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == "<script>alert(33)</script>")
        .expect("the finding")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let action: Value = app
        .post_json(
            &format!("/findings/{finding}/actions"),
            Some(&company.token),
            &json!({"description": "Translate the contracts", "due_date": "2030-01-31"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let noted = own
        .post(
            &format!("/actions/{}", action["id"].as_str().unwrap()),
            &[("status", "in_progress"), ("note", "<script>alert(55)</script>")],
        )
        .await;
    assert_eq!(noted.status, StatusCode::SEE_OTHER, "{}", noted.body);
    let findings_page = own
        .get(&format!("/suppliers/{}/findings", supplier.supplier_id))
        .await;
    assert_text(&findings_page, 33, "finding, supplier");
    assert_text(&findings_page, 55, "note, supplier");
}

/// A portal session cookie as the portal would sign it, with a chosen expiry.
fn session_cookie(user: &str, sid: &str, secret: &str, expires_in: i64) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({
        "sub": user, "sid": sid, "iat": now - 60, "exp": now + expires_in,
        "iss": "fairhire", "aud": "fairhire-portal",
    });
    let token = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()).unwrap(),
    )
    .unwrap();
    format!("fh_session={token}")
}

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .unwrap_or_else(|| panic!("{what}: no {name}"))
            .to_str()
            .unwrap()
            .to_string()
    };
    let csp = header("content-security-policy");
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ] {
        assert!(csp.contains(part), "{what}: {part} in {csp}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{what}: {csp}"
    );
    assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(header("x-frame-options"), "DENY", "{what}");
    assert_eq!(header("referrer-policy"), "no-referrer", "{what}");
}

#[tokio::test]
async fn security_headers_cookies_and_session_expiry() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login_page = plain.get(app.url("/")).send().await.unwrap();
    assert_security_headers(&login_page, "login page");
    let csrf_cookie = login_page
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("fh_csrf="))
        .expect("a CSRF cookie");
    assert!(
        csrf_cookie.contains("HttpOnly") && csrf_cookie.contains("SameSite=Strict"),
        "{csrf_cookie}"
    );
    for path in ["/static/app.css", "/static/app.js", "/register", "/no-such-page"] {
        let response = plain.get(app.url(path)).send().await.unwrap();
        assert_security_headers(&response, path);
    }
    let refused = plain
        .post(app.url("/login"))
        .form(&[("email", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    assert_security_headers(&refused, "a refused form");

    // The session cookie: HttpOnly, SameSite=Lax, eight hours.
    let portal = Portal::new(&app, "en");
    let token = portal.csrf().await;
    let login = portal
        .client
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", company.email.as_str()),
            ("password", "a-long-password-1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    assert_security_headers(&login, "the login redirect");
    let cookie = login.headers()["set-cookie"].to_str().unwrap().to_string();
    for part in [
        "fh_session=",
        "HttpOnly",
        "SameSite=Lax",
        "Path=/",
        "Max-Age=28800",
    ] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    // Logging out removes it.
    let token = portal.csrf().await;
    let out = portal
        .client
        .post(app.url("/logout"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    let removal = out.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        removal.starts_with("fh_session=;") && removal.contains("Max-Age=0"),
        "{removal}"
    );

    // A session past its expiry (or signed with another key) is no session.
    let me: Value = app.me(&company.token).await.json().await.unwrap();
    let user = me["user"]["id"].as_str().unwrap();
    let sid = crate::sessions::session_id(&company.token);
    let sid = sid.as_str();
    let secret = "test-secret-test-secret-test-secret-42";
    let home = |cookie: String| {
        let plain = plain.clone();
        let url = app.url("/");
        async move {
            plain
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let valid = home(session_cookie(user, sid, secret, 3600)).await;
    assert!(valid.contains(&company.email), "a valid session is signed in");
    let expired = home(session_cookie(user, sid, secret, -3600)).await;
    assert!(
        !expired.contains(&company.email) && expired.contains("id=\"password\""),
        "expired: the login page"
    );
    let forged = home(session_cookie(
        user,
        sid,
        "another-secret-another-secret-42",
        3600,
    ))
    .await;
    assert!(
        !forged.contains(&company.email) && forged.contains("id=\"password\""),
        "forged: the login page"
    );
}
