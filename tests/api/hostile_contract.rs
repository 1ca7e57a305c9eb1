//! Hostile text at every door, found by walking what the platform declares rather
//! than a list kept by hand: every text field of every JSON body (and every key of
//! a free-form map), every cell of every CSV body, every text part of a multipart
//! body, every text query parameter and every path segment of the API (read from
//! `/api/openapi.json`, so a new field or route is covered without touching this
//! file), and every field of every portal form (`web::POST_ROUTES`). Each is sent
//! with each control character, against real resources with the right caller, so
//! the request reaches its use case: the answer is a 4xx, never a 5xx, and nothing
//! stored changes (issue #22). Run on SQLite and on PostgreSQL
//! (`FAIRHIRE_TEST_DATABASE_URL`), where a NUL used to be a 500.

use reqwest::{Method, StatusCode};
use serde_json::{Map, Value, json};

use crate::{
    helpers::{TestApp, spawn_app},
    hostile::{CONTROLS, urlencode},
    portal_security::{Scene, form_for, scene, send, snapshot},
};

/// One step into a JSON document: a key, or an array's element.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Where a hostile string goes in a body: a value, or the key of a free-form map.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    Value(Vec<Step>),
    Key(Vec<Step>, String),
}

fn follow<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => follow(
            document,
            document
                .pointer(reference.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("unresolved {reference}")),
        ),
        None => schema,
    }
}

fn has_type(schema: &Value, wanted: &str) -> bool {
    match &schema["type"] {
        Value::String(t) => t == wanted,
        Value::Array(ts) => ts.iter().any(|t| t == wanted),
        _ => false,
    }
}

/// The text leaves the schema declares (file parts aside).
fn declared_texts(document: &Value, schema: &Value, at: &mut Vec<Step>, out: &mut Vec<Target>) {
    let schema = follow(document, schema);
    if at.len() > 8 {
        return;
    }
    for combined in ["oneOf", "anyOf", "allOf"] {
        for each in schema[combined].as_array().into_iter().flatten() {
            declared_texts(document, each, at, out);
        }
    }
    if has_type(schema, "string") && schema["format"] != "binary" {
        out.push(Target::Value(at.clone()));
    }
    for (key, property) in schema["properties"].as_object().into_iter().flatten() {
        at.push(Step::Key(key.clone()));
        declared_texts(document, property, at, out);
        at.pop();
    }
    if has_type(schema, "array") {
        at.push(Step::Index(0));
        declared_texts(document, &schema["items"], at, out);
        at.pop();
    }
}

/// The text leaves of a valid body, and the keys of the maps whose schema declares
/// no properties (answers by question key, overrides by country code): a field the
/// schema leaves open is covered through the example body.
fn body_texts(
    document: &Value,
    body: &Value,
    schema: Option<&Value>,
    at: &mut Vec<Step>,
    out: &mut Vec<Target>,
) {
    let schema = schema.map(|s| follow(document, s));
    match body {
        Value::String(_) => out.push(Target::Value(at.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(Step::Index(i));
                body_texts(document, item, schema.map(|s| &s["items"]), at, out);
                at.pop();
            }
        }
        Value::Object(fields) => {
            let declared = schema.and_then(|s| s["properties"].as_object());
            let open_map = !at.is_empty() && schema.is_some() && declared.is_none();
            for (key, value) in fields {
                if open_map {
                    out.push(Target::Key(at.clone(), key.clone()));
                }
                at.push(Step::Key(key.clone()));
                body_texts(document, value, declared.and_then(|d| d.get(key)), at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The place `path` names in `body`, made when missing (an optional field the
/// example leaves out).
fn place<'a>(body: &'a mut Value, path: &[Step]) -> &'a mut Value {
    let Some((first, rest)) = path.split_first() else {
        return body;
    };
    let next = match first {
        Step::Key(key) => {
            if !body.is_object() {
                *body = Value::Object(Map::new());
            }
            body.as_object_mut()
                .unwrap()
                .entry(key.clone())
                .or_insert(Value::Null)
        }
        Step::Index(i) => {
            if !body.is_array() {
                *body = json!([]);
            }
            let items = body.as_array_mut().unwrap();
            while items.len() <= *i {
                items.push(Value::Null);
            }
            &mut items[*i]
        }
    };
    place(next, rest)
}

/// `body` with `bad` where `target` says.
fn with_bad(body: &Value, target: &Target, bad: &str) -> Value {
    let mut body = body.clone();
    match target {
        Target::Value(path) => {
            let at = place(&mut body, path);
            let valid = at.as_str().unwrap_or("Tejidos Norte").to_string();
            *at = json!(inside(&valid, bad));
        }
        Target::Key(path, key) => {
            let map = place(&mut body, path).as_object_mut().unwrap();
            let value = map.remove(key).unwrap();
            map.insert(inside(key, bad), value);
        }
    }
    body
}

/// The real resources every path parameter names, seeded beyond the portal's scene.
pub struct World {
    pub s: Scene,
    report: String,
    schedule: String,
    evidence: String,
    recruiter: String,
    referral: String,
    poster: String,
    member_user: String,
    /// A referral recorded on the case, with consent.
    voice_referral: String,
    /// An evidence pack of the supplier (queued).
    evidence_pack: String,
}

fn id_of(created: &Value, what: &str) -> String {
    created["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: {created}"))
        .to_string()
}

pub async fn world(app: &TestApp) -> World {
    let s = scene(app).await;
    let token = Some(s.company.token.as_str());
    let cid = &s.company.id;
    let report: Value = app
        .post_json(
            &format!("/assessments/{}/reports", s.scored),
            token,
            &json!({"locale": "en"}),
        )
        .await
        .json()
        .await
        .unwrap();
    app.run_jobs().await;
    let schedule: Value = app
        .post_json(
            &format!("/companies/{cid}/assessment-schedules"),
            token,
            &json!({"supplier_id": s.supplier_id, "questionnaire_id": s.questionnaire, "every_months": 6}),
        )
        .await
        .json()
        .await
        .unwrap();
    let evidence: Value = app
        .client
        .post(app.url(&format!("/api/v1/assessments/{}/evidence", s.open)))
        .bearer_auth(&s.supplier_token)
        .multipart(evidence_form("docs.policy", "policy.pdf"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let recruiters: Value = app
        .list_recruiters(cid, &s.company.token)
        .await
        .json()
        .await
        .unwrap();
    let recruiter = recruiters["items"][0].clone();
    let poster: Value = app
        .post_json(
            &format!("/voice/channels/{}/posters", s.channel),
            token,
            &json!({"locales": ["en"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let evidence_pack: Value = app
        .post_json(
            &format!("/suppliers/{}/evidence-packs", s.supplier_id),
            token,
            &json!({"regime": "uflpa", "locale": "en"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let member_user = {
        use domain::entities::membership;
        use sea_orm::EntityTrait;
        membership::Entity::find_by_id(s.member.parse::<uuid::Uuid>().unwrap())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .user_id
            .to_string()
    };
    World {
        voice_referral: s.voice_referral.clone(),
        report: id_of(&report, "report"),
        schedule: id_of(&schedule, "schedule"),
        evidence: id_of(&evidence, "evidence"),
        recruiter: id_of(&recruiter, "recruiter"),
        referral: s.referral_service.clone(),
        poster: id_of(&poster, "poster"),
        evidence_pack: id_of(&evidence_pack, "evidence pack"),
        member_user,
        s,
    }
}

pub fn evidence_form(question_key: &str, file_name: &str) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("question_key", question_key.to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name(file_name.to_string()),
        )
}

pub fn referral_body() -> Value {
    json!({"country": "MY", "kind": "ngo", "name": "Example Workers' Centre", "phone": "+60 3 0000 0001",
           "email": "help@centre.example", "url": "https://centre.example", "languages": ["en", "ne"],
           "description": "Demonstration entry.", "example": true})
}

/// The real id a path parameter takes in `route` (an OpenAPI path).
pub fn id_for<'a>(w: &'a World, route: &str, parameter: &str) -> &'a str {
    let s = &w.s;
    let before = route
        .split(&format!("/{{{parameter}}}"))
        .next()
        .and_then(|head| head.rsplit('/').next())
        .unwrap_or_default();
    match (parameter, before) {
        ("cid", _) => &s.company.id,
        ("sid", _) => &s.supplier_id,
        ("fid", _) => &s.finding,
        ("qid", _) => &s.questionnaire,
        ("rid", _) => &w.report,
        ("uid", _) => &w.member_user,
        ("aid", _) if supplier_route(route) => &s.open,
        ("aid", _) => &s.scored,
        ("token", "invitations") => &s.invitation,
        ("token", "password-reset") => &s.password_reset,
        ("id", "sessions") => &s.session,
        ("token", "voice") => &s.channel_token,
        ("channel_token", _) => &s.channel_token,
        ("id", "actions") => &s.action,
        ("id", "api-keys") => &s.api_key,
        ("id", "assessment-links") => &s.assessment_link,
        ("id", "assessment-schedules") => &w.schedule,
        ("id", "evidence") => &w.evidence,
        ("id", "fee-audits") => &s.fee_audit,
        ("id", "invitations") => &s.pending_invitation,
        ("id", "recruiters") => &w.recruiter,
        ("id", "referral-services") => &w.referral,
        ("id", "referrals") => &w.voice_referral,
        ("id", "cases") => &s.voice_case,
        ("id", "channels") => &s.channel,
        ("id", "posters") => &w.poster,
        ("id", "webhooks") => &s.webhook,
        ("id", "sites") => &s.site,
        ("id", "products") => &s.product,
        ("id", "screening-hits") => &s.screening_hit,
        ("id", "statements") => &s.statement,
        ("id", "evidence-packs") => &w.evidence_pack,
        ("key", "sections") => "policies",
        _ => panic!("{route}: which resource does {{{parameter}}} name? Add it to id_for"),
    }
}

/// `route` (an OpenAPI path) with every parameter replaced by its real id.
pub fn concrete_path(w: &World, route: &str) -> String {
    let mut path = route.to_string();
    while let Some(open) = path.find('{') {
        let close = path.find('}').unwrap();
        let id = id_for(w, route, &path[open + 1..close]).to_string();
        path.replace_range(open..=close, &id);
    }
    path
}

/// The routes the supplier's user works at (answering its own assessment).
fn supplier_route(route: &str) -> bool {
    ["/answers", "/answers.csv", "/submit", "/evidence"]
        .iter()
        .any(|end| route.ends_with(end))
}

/// Who calls `route`: nobody for the public routes, the supplier where it
/// answers, the company's admin elsewhere.
fn caller<'a>(w: &'a World, route: &str) -> Option<&'a str> {
    let public = [
        "/api/v1/auth/",
        "/api/v1/voice/check",
        "/api/v1/voice/{token}",
        "/api/v1/voice/inbound/",
        "/api/v1/invitations/",
    ];
    if public.iter().any(|p| route.starts_with(p)) {
        None
    } else if supplier_route(route) {
        Some(&w.s.supplier_token)
    } else {
        Some(&w.s.company.token)
    }
}

/// A body the route accepts (what the hostile variants start from), by
/// `METHOD path`. A new route with a body fails here until it has one.
pub fn valid_json(w: &World, operation: &str) -> Value {
    let s = &w.s;
    let soon = (chrono::Utc::now() + chrono::Duration::days(30))
        .date_naive()
        .to_string();
    let unique = format!("{}@hostile.example", uuid::Uuid::new_v4().simple());
    let supplier = json!({"name": "Tejidos del Norte", "country": "MY", "sector": "electronics",
        "contact_email": unique, "contact_name": "Ana", "workforce_size": 120, "migrant_worker_share": 0.4,
        "worker_origins": [{"country": "NP", "share": 0.4}]});
    match operation {
        "PATCH /api/v1/actions/{id}" => json!({"status": "in_progress", "note": "Started."}),
        "PUT /api/v1/assessments/{aid}/answers" => {
            json!({"answers": {"fees.paid": "no", "hours.max_weekly": 42}})
        }
        "POST /api/v1/assessments/{aid}/findings" => json!({"severity": "minor", "indicator": "deception",
            "title": "Contracts only in English", "detail": "Seen on site", "question_key": "fees.paid"}),
        "POST /api/v1/assessments/{aid}/reports" => json!({"locale": "en"}),
        "POST /api/v1/assessments/{aid}/links" => json!({}),
        "POST /api/v1/assessments/{aid}/review" => {
            json!({"decision": "return", "comment": "Please explain."})
        }
        "POST /api/v1/auth/login" => json!({"email": s.company.email, "password": "a-long-password-1"}),
        "POST /api/v1/auth/password-reset" => json!({"email": s.company.email}),
        "POST /api/v1/auth/password-reset/{token}" => json!({"password": "a-reset-password-1"}),
        "POST /api/v1/me/mfa/totp/confirm"
        | "DELETE /api/v1/me/mfa/totp"
        | "POST /api/v1/me/mfa/recovery-codes" => {
            json!({"code": "123456"})
        }
        // Never `true` here: it would send the admin to enrol before every later route.
        "PUT /api/v1/companies/{cid}/security" => json!({"mfa_required": false}),
        "POST /api/v1/auth/register" => json!({"company_name": "Acme", "name": "Ana", "email": unique,
            "password": "a-long-password-1"}),
        "POST /api/v1/companies/{cid}/advisors" => json!({"email": unique, "name": "Ada"}),
        "POST /api/v1/companies/{cid}/api-keys" => json!({"name": "ERP sync", "role": "read_only"}),
        "POST /api/v1/companies/{cid}/assessment-schedules" => json!({"supplier_id": s.supplier_id,
            "questionnaire_id": s.questionnaire, "every_months": 6, "first_send_on": soon, "due_in_days": 30}),
        "POST /api/v1/companies/{cid}/assessments" => json!({"supplier_id": s.supplier_id,
            "questionnaire_id": s.questionnaire, "due_date": soon}),
        "POST /api/v1/companies/{cid}/questionnaires" => crate::fixtures::small_definition("hostile-walk", 1),
        "POST /api/v1/companies/{cid}/referral-services" | "PUT /api/v1/referral-services/{id}" => {
            referral_body()
        }
        "PUT /api/v1/companies/{cid}/risk-overrides" => json!({
            "countries": {"NP": {"risk": 80, "note": "our own audit findings"}},
            "sectors": {"construction": {"risk": 70, "note": "site visits"}}}),
        "POST /api/v1/companies/{cid}/suppliers" | "PATCH /api/v1/suppliers/{sid}" => supplier,
        "POST /api/v1/companies/{cid}/voice/channels" => {
            json!({"supplier_id": s.supplier_id, "locales": ["en"]})
        }
        "POST /api/v1/companies/{cid}/webhooks" => json!({"url": "https://93.184.216.34/hook",
            "events": ["report.ready"], "secret": "a-long-enough-secret-for-hooks"}),
        "PATCH /api/v1/findings/{fid}" => json!({"severity": "major", "title": "Fees charged",
            "detail": "Receipts", "status": "open"}),
        "POST /api/v1/findings/{fid}/actions" => json!({"description": "Repay the fees", "due_date": soon,
            "owner_email": unique}),
        "POST /api/v1/invitations/{token}/accept" => {
            json!({"name": "Ada Advisor", "password": "advisor-password-1"})
        }
        "PATCH /api/v1/me/preferences" => json!({"locale": "es", "digest_enabled": false}),
        "PATCH /api/v1/recruiters/{id}" => json!({"origin_countries": ["NP"],
            "licences": [{"number": "RL-1234", "issuing_country": "NP", "authority": "DoFE", "expires_on": soon}],
            "iris_status": "applied", "iris_status_on": "2026-01-05", "iris_source": "IOM IRIS list"}),
        "PATCH /api/v1/voice/cases/{id}" => json!({"status": "investigating"}),
        "POST /api/v1/voice/cases/{id}/findings" => json!({"severity": "major", "title": "Crowded housing",
            "detail": "Twelve to a room"}),
        "POST /api/v1/voice/cases/{id}/messages" => json!({"kind": "note", "body": "Visit planned."}),
        "POST /api/v1/voice/channels/{id}/posters" => json!({"locales": ["en"]}),
        "POST /api/v1/voice/check" => json!({"case_code": "ABCD-EFGH", "secret": "a-secret"}),
        "POST /api/v1/voice/{token}/reports" => json!({"category": "housing", "description": "Crowded rooms",
            "contact": "WhatsApp 555", "locale": "en"}),
        "POST /api/v1/voice/cases/{id}/referrals" => json!({"service_id": w.referral, "consent_given": true,
            "consent_method": "verbal"}),
        "PATCH /api/v1/voice/referrals/{id}" => {
            json!({"outcome": "assisted", "note": "Helped with the claim."})
        }
        // Port 9 (discard) refuses at once: a body that got past validation would be
        // a 422 naming `issuer` (discovery failed), never stored.
        "PUT /api/v1/companies/{cid}/sso" => json!({"issuer": "http://127.0.0.1:9", "client_id": "fairhire",
            "client_secret": "s3cret", "role_claim": "groups", "role_map": {"auditors": "advisor"},
            "default_role": null, "email_domains": ["example.org"], "sso_required": false}),
        "PUT /api/v1/companies/{cid}/voice/promise" => json!({"response_days": 7}),
        "POST /api/v1/voice/{token}/pulse" => json!({"paid_fee": "no", "fee_amount": "nothing",
            "passport_holder": "me", "dormitory_free": "yes", "contract_matches": "yes"}),
        "PATCH /api/v1/webhooks/{id}" => json!({"active": false}),
        "PUT /api/v1/companies/{cid}/voice/messaging" => json!({"provider": "twilio",
            "account_sid": "AC0123456789abcdef0123456789abcdef", "auth_token": "an-auth-token-0123456789",
            "from": "+14155550100", "api_base": "https://api.twilio.com"}),
        // Unsigned, as a stranger would send it: refused at the signature.
        "POST /api/v1/voice/inbound/whatsapp/{channel_token}" => {
            json!({"object": "whatsapp_business_account",
            "entry": [{"changes": [{"field": "messages", "value": {"messages": [
                {"from": "15550001111", "id": "wamid.1", "type": "text", "text": {"body": "Hi"}}]}}]}]})
        }
        "PATCH /api/v1/screening-hits/{id}" => json!({"status": "dismissed", "reason": "Another firm"}),
        "POST /api/v1/suppliers/{sid}/sites" => json!({"name": "Tejidos Mill", "address": "1 Jalan Besar",
            "country": "MY", "latitude": 3.1, "longitude": 101.7, "headcount": 120}),
        "PATCH /api/v1/sites/{id}" => json!({"name": "Forms Site", "address": "2 Jalan Besar",
            "country": "MY", "headcount": 13}),
        "POST /api/v1/suppliers/{sid}/evidence-packs" => json!({"regime": "eu_flr", "locale": "fr"}),
        "POST /api/v1/companies/{cid}/statements" => json!({"regime": "uk_msa",
            "period_start": "2026-01-01", "period_end": "2026-12-31", "locale": "en"}),
        "PATCH /api/v1/statements/{id}/sections/{key}" => {
            json!({"text": "Our code forbids recruitment fees."})
        }
        "POST /api/v1/companies/{cid}/products" => json!({"name": "Crew-neck Tee", "sku": unique,
            "hs_code": "6109.10", "description": "Knitted cotton"}),
        "PATCH /api/v1/products/{id}" => json!({"name": "Forms Tee", "sku": "FORMS-1", "hs_code": "610910",
            "description": "Knitted"}),
        "POST /api/v1/products/{id}/links" => json!({"supplier_id": s.supplier_id, "site_id": s.site,
            "role": "assembly"}),
        "POST /api/v1/products/{id}/origins" => json!({"material": "cotton", "country": "UZ", "share": 0.5}),
        "POST /api/v1/suppliers/{sid}/sub-suppliers" => json!({"supplier_id": s.sub_supplier,
            "site_id": s.site, "material": "yarn"}),
        other => panic!("{other}: add a body it accepts to valid_json"),
    }
}

/// A CSV body the route accepts, by `METHOD path`.
pub async fn valid_csv(app: &TestApp, w: &World, operation: &str) -> String {
    match operation {
        "POST /api/v1/companies/{cid}/fx-rates" => "currency,date,usd_per_unit\nEUR,2026-01-01,1.08\n".into(),
        "POST /api/v1/companies/{cid}/suppliers/import" => {
            "name,country,sector,contact_email\nTejidos,MY,electronics,a@tejidos.example\n".into()
        }
        "POST /api/v1/companies/{cid}/products/import" => {
            "sku,name,hs_code,description\nJK-1,Jacket,6201.40,Padded\n".into()
        }
        "POST /api/v1/fee-audits/{id}/repayments" => {
            "worker_ref,amount,currency,paid_on\nW4,100,USD,2026-03-03\n".into()
        }
        "POST /api/v1/suppliers/{sid}/fee-audits" => crate::fee_audits::AUDIT.into(),
        // The three columns of Open Supply Hub's download the import reads (the
        // others are ignored), naming no site of the scene: nothing is linked.
        "POST /api/v1/companies/{cid}/sites/os-hub-import" => {
            "os_id,name,country_code\nMY2021079TDH72D,Tejidos Mill,MY\n".into()
        }
        // The answers as the API exports them.
        "PUT /api/v1/assessments/{aid}/answers.csv" => app
            .get_api(
                &format!("/assessments/{}/answers.csv", w.s.open),
                Some(&w.s.supplier_token),
            )
            .await
            .text()
            .await
            .unwrap(),
        other => panic!("{other}: add a CSV it accepts to valid_csv"),
    }
}

/// One request of the walk.
struct Probe {
    what: String,
    path: String,
    query: Option<(String, String)>,
    body: Body,
    /// Whether the answer must come from the use case (not a 401/403/404 before
    /// it): everything but a bad path segment.
    reaches: bool,
}

#[derive(Clone)]
enum Body {
    None,
    Json(Value),
    Csv(String),
    Evidence { question_key: String, file_name: String },
}

/// `text` with `bad` inside it, where no trimming can take it away (an empty or
/// one-character text on both sides of it).
pub fn inside(text: &str, bad: &str) -> String {
    let half = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(text.len(), |(at, _)| at);
    match half {
        0 => format!("{text}{bad}{text}"),
        _ => format!("{}{bad}{}", &text[..half], &text[half..]),
    }
}

/// The CSV with `bad` inside each cell of its first data line in turn.
fn bad_cells(csv: &str, bad: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = csv.lines().collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let cells: Vec<&str> = lines[1].split(',').collect();
    (0..cells.len())
        .map(|i| {
            let mut changed = cells.clone();
            let cell = inside(cells[i], bad);
            changed[i] = &cell;
            let mut out = lines.clone();
            let line = changed.join(",");
            out[1] = &line;
            (header.get(i).unwrap_or(&"?").to_string(), out.join("\n") + "\n")
        })
        .collect()
}

/// Every hostile request for one operation of the document.
async fn probes(
    app: &TestApp,
    w: &World,
    document: &Value,
    route: &str,
    method: &str,
    op: &Value,
) -> Vec<Probe> {
    let operation = format!("{} {route}", method.to_uppercase());
    let parameters: Vec<&Value> = op["parameters"].as_array().into_iter().flatten().collect();
    let concrete = |bad_in: Option<(&str, &str)>| {
        let mut path = route.to_string();
        for p in &parameters {
            let name = p["name"].as_str().unwrap();
            if p["in"] == "path" {
                let mut id = id_for(w, route, name).to_string();
                if let Some((bad_name, bad)) = bad_in
                    && bad_name == name
                {
                    id.push_str(&urlencode(bad));
                }
                path = path.replace(&format!("{{{name}}}"), &id);
            }
        }
        path
    };
    let content = &op["requestBody"]["content"];
    let body = if let Some(json) = content.get("application/json") {
        let example = valid_json(w, &operation);
        Some((Body::Json(example), Some(&json["schema"])))
    } else if content.get("text/csv").is_some() {
        Some((Body::Csv(valid_csv(app, w, &operation).await), None))
    } else if content.get("multipart/form-data").is_some() {
        Some((
            Body::Evidence {
                question_key: "docs.policy".into(),
                file_name: "policy.pdf".into(),
            },
            None,
        ))
    } else {
        None
    };
    let valid_body = body.as_ref().map_or(Body::None, |(b, _)| b.clone());
    let mut out = Vec::new();
    for control in CONTROLS {
        let code = format!("U+{:04X}", control.chars().next().unwrap() as u32);
        let probe =
            |what: String, path: String, query: Option<(String, String)>, body: Body, reaches: bool| Probe {
                what: format!("{operation}: {what} with {code}"),
                path,
                query,
                body,
                reaches,
            };
        // A provider's webhook checks the signature before it reads anything, so
        // an unsigned hostile body is refused at the door (403, or 404 for a
        // channel whose company has no messaging settings), as it must be.
        let signed = route.starts_with("/api/v1/voice/inbound/");
        let probe =
            |what: String, path: String, query: Option<(String, String)>, body: Body, reaches: bool| {
                probe(what, path, query, body, reaches && !signed)
            };
        for p in &parameters {
            let name = p["name"].as_str().unwrap();
            let schema = follow(document, &p["schema"]);
            if p["in"] == "path" {
                let path = concrete(Some((name, control)));
                out.push(probe(
                    format!("path {{{name}}}"),
                    path,
                    None,
                    valid_body.clone(),
                    false,
                ));
            } else if p["in"] == "query" && has_type(schema, "string") {
                let query = Some((name.to_string(), inside("xy", control)));
                out.push(probe(
                    format!("query {name}"),
                    concrete(None),
                    query,
                    valid_body.clone(),
                    true,
                ));
            }
        }
        match &body {
            Some((Body::Json(example), Some(schema))) => {
                let mut targets = Vec::new();
                declared_texts(document, schema, &mut Vec::new(), &mut targets);
                body_texts(document, example, Some(schema), &mut Vec::new(), &mut targets);
                let mut seen = Vec::new();
                for target in targets {
                    if seen.contains(&target) {
                        continue;
                    }
                    let changed = with_bad(example, &target, control);
                    out.push(probe(
                        format!("{target:?}"),
                        concrete(None),
                        None,
                        Body::Json(changed),
                        true,
                    ));
                    seen.push(target);
                }
            }
            Some((Body::Csv(csv), _)) => {
                for (column, changed) in bad_cells(csv, control) {
                    out.push(probe(
                        format!("CSV column {column}"),
                        concrete(None),
                        None,
                        Body::Csv(changed),
                        true,
                    ));
                }
            }
            Some((Body::Evidence { .. }, _)) => {
                for (part, question_key, file_name) in [
                    (
                        "question_key",
                        inside("docs.policy", control),
                        "policy.pdf".to_string(),
                    ),
                    (
                        "file name",
                        "docs.policy".to_string(),
                        inside("policy.pdf", control),
                    ),
                ] {
                    let body = Body::Evidence {
                        question_key,
                        file_name,
                    };
                    out.push(probe(format!("part {part}"), concrete(None), None, body, true));
                }
            }
            _ => {}
        }
    }
    out
}

async fn send_probe(
    app: &TestApp,
    token: Option<&str>,
    method: &Method,
    probe: &Probe,
) -> (StatusCode, String) {
    let mut request = app.client.request(method.clone(), app.url(&probe.path));
    if let Some((name, value)) = &probe.query {
        request = request.query(&[(name, value)]);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request = match &probe.body {
        Body::None => request,
        Body::Json(body) => request.json(body),
        Body::Csv(csv) => request.header("content-type", "text/csv").body(csv.clone()),
        Body::Evidence {
            question_key,
            file_name,
        } => request.multipart(evidence_form(question_key, file_name)),
    };
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

/// A hostile request's answer is wrong when it is not a 4xx, or (for a request
/// that should reach its use case) when it is refused before it.
fn wrong(status: StatusCode, reaches: bool) -> bool {
    let before = [
        StatusCode::UNAUTHORIZED,
        StatusCode::FORBIDDEN,
        StatusCode::NOT_FOUND,
    ];
    !status.is_client_error() || (reaches && before.contains(&status))
}

/// The OpenAPI document the server serves.
pub async fn openapi_document(app: &TestApp) -> Value {
    let response = app.client.get(app.url("/api/openapi.json")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn control_characters_in_every_declared_api_text_are_4xx_and_change_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let document = openapi_document(&app).await;
    let mut failures = Vec::new();
    let mut sent = 0;
    for (route, item) in document["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let probes = probes(&app, &w, &document, route, method, op).await;
            let token = caller(&w, route);
            let method: Method = method.to_uppercase().parse().unwrap();
            let before = snapshot(&app.db).await;
            for probe in &probes {
                let (status, body) = send_probe(&app, token, &method, probe).await;
                if wrong(status, probe.reaches) {
                    let body: String = body.chars().take(160).collect();
                    failures.push(format!("{}: {status} {body}", probe.what));
                }
            }
            sent += probes.len();
            if snapshot(&app.db).await != before {
                failures.push(format!(
                    "{method} {route}: a refused request changed what is stored"
                ));
            }
        }
    }
    assert!(
        sent > 1000,
        "the walk reached the document's texts: {sent} requests"
    );
    assert!(
        failures.is_empty(),
        "{} wrong answers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The forms that save a draft: a refused answer is shown beside its question
/// while the section's valid answers are kept (`web/src/pages/questionnaire.rs`),
/// so only the refused text must be missing from what is stored.
const DRAFTS: [&str; 1] = ["/assessments/{aid}/sections/{n}"];

/// The forms whose refusal is itself recorded: a refused sign-in of an existing
/// account goes to the audit trail (issue #24), so only `audit_events` may change,
/// and never with the text typed.
const AUDITED: [&str; 1] = ["/login"];

/// What is stored, less the trail and the trigger's count of it (migration
/// 000056): a refused attempt may be audited.
fn without_audit(stored: &[(String, Vec<String>)]) -> Vec<(String, Vec<String>)> {
    stored
        .iter()
        .filter(|(table, _)| table != "audit_events" && table != "list_total_changes")
        .cloned()
        .collect()
}

fn holds_a_control_character(stored: &[(String, Vec<String>)]) -> bool {
    // Rows are JSON text: C0 characters are escaped, DEL and C1 are not.
    let escaped = ["\\u0000", "\\u0001", "\\u001b"];
    stored
        .iter()
        .flat_map(|(_, rows)| rows)
        .any(|row| escaped.iter().any(|e| row.contains(e)) || row.contains(['\u{7f}', '\u{85}']))
}

#[tokio::test]
async fn control_characters_in_every_portal_form_field_are_4xx_and_change_nothing() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    let mut failures = Vec::new();
    for route in web::POST_ROUTES {
        let form = form_for(route, &s);
        let before = snapshot(&app.db).await;
        for at in 0..form.fields.len() {
            for control in CONTROLS {
                let mut hostile = form_for(route, &s);
                // An empty field gets letters around the character, so that it
                // is text (a lone U+0085 is white space, trimmed away).
                let value = match hostile.fields[at].1.as_str() {
                    "" => format!("x{control}y"),
                    valid => inside(valid, control),
                };
                hostile.fields[at].1 = value;
                let token = hostile.who.csrf().await;
                let page = send(&hostile, Some(&token)).await;
                // The evidence form answers every refusal by going back to the
                // section with the reason (`?upload=refused`), not with a 4xx.
                let refused_upload = page.location.contains("upload=refused");
                if !refused_upload && (!page.status.is_client_error() || page.status == StatusCode::NOT_FOUND)
                {
                    let field = hostile.fields[at].0;
                    let code = control.chars().next().unwrap() as u32;
                    failures.push(format!("{route} {field} with U+{code:04X}: {}", page.status));
                }
            }
        }
        let after = snapshot(&app.db).await;
        if DRAFTS.contains(route) {
            if holds_a_control_character(&after) {
                failures.push(format!("{route}: a control character was stored"));
            }
        } else if AUDITED.contains(route) {
            if without_audit(&after) != without_audit(&before) || holds_a_control_character(&after) {
                failures.push(format!("{route}: a refused form changed what is stored"));
            }
        } else if after != before {
            failures.push(format!("{route}: a refused form changed what is stored"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} wrong answers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
