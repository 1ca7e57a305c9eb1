//! Single sign-on per company through OpenID Connect (issue #24), against a real
//! OpenID provider run locally (`oidc_provider`): the settings (admins only, the
//! client secret write-only, discovery checked when saved), the sign-in over HTTP
//! (PKCE S256, state, nonce; the first sign-in creates the user with the mapped
//! role), a tampered `state` and an ID token issued to another client refused with
//! a page and an audit event, and "SSO required" refusing password login.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::{
    helpers::{Company, TestApp, spawn_app},
    oidc_provider::{
        CLIENT_ID, CLIENT_SECRET, MIXUP_CLIENT_ID, MIXUP_CLIENT_SECRET, OidcProvider, sign_in_at_provider,
    },
};

/// The test provider's directory people (see tests/oidc/provider.mjs).
const OFFICER: &str = "amira@acme-sso.test";
const ADMIN_EMAIL: &str = "chloe@acme-sso.test";

/// A company whose admin's address is in the provider's domain.
async fn sso_company(app: &TestApp) -> Company {
    let response = app
        .register("Acme SSO Textiles", ADMIN_EMAIL, "a-long-password-1")
        .await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    Company {
        id: body["organization"]["id"].as_str().unwrap().to_string(),
        token: body["access_token"].as_str().unwrap().to_string(),
        email: ADMIN_EMAIL.into(),
    }
}

pub fn settings(issuer: &str, client_id: &str, secret: &str, required: bool) -> Value {
    json!({
        "issuer": issuer,
        "client_id": client_id,
        "client_secret": secret,
        "role_claim": "groups",
        "role_map": {"compliance-officers": "officer", "auditors": "advisor", "fairhire-admins": "admin"},
        "default_role": null,
        "email_domains": ["acme-sso.test"],
        "sso_required": required,
    })
}

pub async fn put_sso(app: &TestApp, company: &Company, body: &Value) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/companies/{}/sso", company.id)))
        .bearer_auth(&company.token)
        .json(body)
        .send()
        .await
        .unwrap()
}

/// `GET /sso/{cid}/start`: the provider's authorization URL.
async fn start(app: &TestApp, company: &Company) -> url::Url {
    let response = app
        .client
        .get(app.url(&format!("/sso/{}/start", company.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    url::Url::parse(response.headers()["location"].to_str().unwrap()).unwrap()
}

/// The provider's redirect, sent to the app's callback.
async fn callback(app: &TestApp, back: &url::Url) -> reqwest::Response {
    assert_eq!(back.path(), "/sso/callback", "back to the app: {back}");
    let query = back.query().unwrap_or_default();
    app.client
        .get(app.url(&format!("/sso/callback?{query}")))
        .send()
        .await
        .unwrap()
}

async fn audit(app: &TestApp, action: &str) -> Vec<String> {
    app.db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("SELECT after FROM audit_events WHERE action = '{action}' ORDER BY created_at"),
        ))
        .await
        .unwrap()
        .iter()
        .map(|row| {
            row.try_get_by_index::<String>(0)
                .or_else(|_| row.try_get_by_index::<Value>(0).map(|v| v.to_string()))
                .unwrap_or_default()
        })
        .collect()
}

async fn role_of(app: &TestApp, email: &str) -> Option<String> {
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "SELECT m.role FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = '{email}'"
            ),
        ))
        .await
        .unwrap()?;
    row.try_get_by_index::<String>(0).ok()
}

fn redirect_uri(app: &TestApp) -> String {
    format!("{}/sso/callback", app.settings.public_url)
}

#[tokio::test]
async fn sso_settings_are_for_admins_the_secret_is_write_only_and_discovery_is_checked() {
    let app = spawn_app().await;
    let provider = OidcProvider::start(&redirect_uri(&app));
    let company = sso_company(&app).await;
    let other = app.registered_company().await;
    let url = format!("/companies/{}/sso", company.id);

    assert_eq!(
        app.get_api(&url, Some(&company.token)).await.status(),
        404,
        "not configured yet"
    );
    let saved = put_sso(
        &app,
        &company,
        &settings(&provider.issuer, CLIENT_ID, CLIENT_SECRET, false),
    )
    .await;
    assert_eq!(saved.status(), 200);
    let text = saved.text().await.unwrap();
    assert!(
        !text.contains(CLIENT_SECRET),
        "the secret is never returned: {text}"
    );
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["client_secret_set"], true);
    assert_eq!(body["role_map"]["compliance-officers"], "officer");
    assert_eq!(body["redirect_uri"], redirect_uri(&app));

    let read = app.get_api(&url, Some(&company.token)).await;
    assert_eq!(read.status(), 200);
    let text = read.text().await.unwrap();
    assert!(!text.contains(CLIENT_SECRET));
    // The audit trail records the change, never the secret.
    let trail = audit(&app, "sso.configured").await;
    assert_eq!(trail.len(), 1);
    assert!(
        !trail[0].contains(CLIENT_SECRET) && trail[0].contains("client_secret_changed"),
        "{}",
        trail[0]
    );

    // Without a secret the stored one is kept.
    let mut keep = settings(&provider.issuer, CLIENT_ID, "", true);
    keep.as_object_mut().unwrap().remove("client_secret");
    let kept = put_sso(&app, &company, &keep).await;
    assert_eq!(kept.status(), 200);
    let kept: Value = kept.json().await.unwrap();
    assert_eq!(kept["client_secret_set"], true);
    assert_eq!(kept["sso_required"], true);

    // Another company's admin cannot see or change it.
    assert_eq!(app.get_api(&url, Some(&other.token)).await.status(), 404);
    let foreign = Company {
        id: company.id.clone(),
        token: other.token.clone(),
        email: other.email.clone(),
    };
    let refused = put_sso(&app, &foreign, &settings(&provider.issuer, CLIENT_ID, "x", false)).await;
    assert_eq!(refused.status(), 404);

    // Least privilege: an officer of the company (here an officer API key) may not.
    let (_, officer_key) = app.api_key(&company, "officer").await;
    assert_eq!(app.get_api(&url, Some(&officer_key)).await.status(), 403);
    let officer = Company {
        id: company.id.clone(),
        token: officer_key,
        email: String::new(),
    };
    let refused = put_sso(&app, &officer, &settings(&provider.issuer, CLIENT_ID, "x", false)).await;
    assert_eq!(refused.status(), 403);

    // Bad input: every field named, nothing stored.
    let bad = json!({"issuer": "http://idp.example.com", "client_id": "", "client_secret": "s",
        "role_claim": "groups", "role_map": {"x": "supplier"}, "default_role": "owner",
        "email_domains": ["not a domain"], "sso_required": false});
    let response = put_sso(&app, &company, &bad).await;
    assert_eq!(response.status(), 422);
    let problem = response.text().await.unwrap();
    for field in [
        "issuer",
        "client_id",
        "role_map.x",
        "default_role",
        "email_domains[0]",
    ] {
        assert!(
            problem.contains(&format!("\"{field}\"")),
            "{field} named in {problem}"
        );
    }
    // A reachable-looking issuer whose discovery fails is a 422 naming `issuer`.
    let closed = format!("http://127.0.0.1:{}", crate::helpers::free_port());
    let response = put_sso(&app, &company, &settings(&closed, CLIENT_ID, "s", false)).await;
    assert_eq!(response.status(), 422);
    let problem = response.text().await.unwrap();
    assert!(
        problem.contains("\"issuer\"") && problem.contains("discovery"),
        "{problem}"
    );
    // Turning on "SSO required" with an address outside the domains would lock the admin out.
    let mut lockout = settings(&provider.issuer, CLIENT_ID, "s", true);
    lockout["email_domains"] = json!(["elsewhere.test"]);
    let response = put_sso(&app, &company, &lockout).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("\"sso_required\""));
    let still: Value = app
        .get_api(&url, Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(still["issuer"], provider.issuer.as_str());
    assert_eq!(still["email_domains"], json!(["acme-sso.test"]));
    assert_eq!(
        audit(&app, "sso.configured").await.len(),
        2,
        "failures stored nothing"
    );
}

#[tokio::test]
async fn first_sign_in_creates_the_user_with_the_mapped_role_and_lands_on_the_dashboard() {
    let app = spawn_app().await;
    let provider = OidcProvider::start(&redirect_uri(&app));
    let company = sso_company(&app).await;
    let saved = put_sso(
        &app,
        &company,
        &settings(&provider.issuer, CLIENT_ID, CLIENT_SECRET, false),
    )
    .await;
    assert_eq!(saved.status(), 200);

    let authorize = start(&app, &company).await;
    let query: std::collections::HashMap<_, _> = authorize.query_pairs().into_owned().collect();
    assert!(
        authorize
            .as_str()
            .starts_with(&format!("{}/auth?", provider.issuer))
    );
    assert_eq!(query["response_type"], "code");
    assert_eq!(query["client_id"], CLIENT_ID);
    assert_eq!(query["code_challenge_method"], "S256");
    assert_eq!(query["redirect_uri"], redirect_uri(&app));
    assert!(query["state"].len() >= 32 && query["nonce"].len() >= 32 && query["code_challenge"].len() == 43);

    assert_eq!(role_of(&app, OFFICER).await, None);
    let back = sign_in_at_provider(authorize.as_str(), OFFICER).await;
    let signed_in = callback(&app, &back).await;
    assert_eq!(signed_in.status(), 303);
    let landing = signed_in.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(
        landing,
        format!("/companies/{}", company.id),
        "the company's dashboard"
    );
    let dashboard = app.client.get(app.url(&landing)).send().await.unwrap();
    assert_eq!(dashboard.status(), 200, "the session cookie opens the dashboard");
    assert_eq!(
        role_of(&app, OFFICER).await.as_deref(),
        Some("officer"),
        "groups → officer"
    );
    let created = audit(&app, "sso.user_created").await;
    assert_eq!(created.len(), 1);
    assert!(created[0].contains("officer"));
    assert!(!created[0].contains(OFFICER), "no email in the trail");

    // The second sign-in finds the same user (no second account, no password).
    let again = sign_in_at_provider(start(&app, &company).await.as_str(), OFFICER).await;
    assert_eq!(callback(&app, &again).await.status(), 303);
    assert_eq!(audit(&app, "sso.user_created").await.len(), 1);
    assert_eq!(audit(&app, "sso.signed_in").await.len(), 2);
    let password = app.login(OFFICER, "!single-sign-on").await;
    assert_eq!(password.status(), 401, "an SSO-created user has no password");

    // The portal's login form (a visitor not signed in) finds the company by the
    // email's domain.
    let visitor = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let login_page = visitor
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(login_page.contains("action=\"/sso\""));
    let csrf = crate::portal_flow::csrf_from(&login_page);
    let unknown = visitor
        .post(app.url("/sso"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("sso_email", "someone@nowhere.test"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 422);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("No company signs in this email domain")
    );
    let found = visitor
        .post(app.url("/sso"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("sso_email", "new.person@ACME-SSO.test"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(found.status(), 200);
    assert!(
        found
            .text()
            .await
            .unwrap()
            .contains(&format!("href=\"/sso/{}/start\"", company.id))
    );
}

#[tokio::test]
async fn a_tampered_state_is_refused_with_a_page_and_an_audit_event() {
    let app = spawn_app().await;
    let provider = OidcProvider::start(&redirect_uri(&app));
    let company = sso_company(&app).await;
    put_sso(
        &app,
        &company,
        &settings(&provider.issuer, CLIENT_ID, CLIENT_SECRET, false),
    )
    .await;

    let mut back = sign_in_at_provider(start(&app, &company).await.as_str(), OFFICER).await;
    let pairs: Vec<(String, String)> = back
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                format!("{v}x")
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    back.query_pairs_mut().clear().extend_pairs(pairs);
    let refused = callback(&app, &back).await;
    assert_eq!(refused.status(), 400);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Sign-in refused") && page.contains("does not match one started in this browser"));
    assert_eq!(role_of(&app, OFFICER).await, None, "nobody was created");
    let home = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("action=\"/login\""), "still signed out");
    let trail = audit(&app, "sso.sign_in_refused").await;
    assert_eq!(trail.len(), 1);
    assert!(trail[0].contains("state_mismatch"), "{}", trail[0]);

    // A callback with no sign-in started in this browser is refused too.
    let stranger = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = stranger
        .get(app.url("/sso/callback?code=abc&state=def"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert!(audit(&app, "sso.sign_in_refused").await[1].contains("no_pending_sign_in"));
}

#[tokio::test]
async fn an_id_token_issued_to_another_client_is_refused() {
    let app = spawn_app().await;
    let provider = OidcProvider::start(&redirect_uri(&app));
    let company = sso_company(&app).await;
    // The provider answers this client's code exchange with an ID token whose
    // audience is `other-app`, signed with its real key: only `aud` is wrong.
    let saved = put_sso(
        &app,
        &company,
        &settings(&provider.issuer, MIXUP_CLIENT_ID, MIXUP_CLIENT_SECRET, false),
    )
    .await;
    assert_eq!(saved.status(), 200);
    let back = sign_in_at_provider(start(&app, &company).await.as_str(), OFFICER).await;
    let refused = callback(&app, &back).await;
    assert_eq!(refused.status(), 403);
    assert!(
        refused
            .headers()
            .get("set-cookie")
            .is_none_or(|c| !c.to_str().unwrap().contains("fh_session=e"))
    );
    let page = refused.text().await.unwrap();
    assert!(page.contains("was not issued to Fairhire"), "{page}");
    assert_eq!(role_of(&app, OFFICER).await, None);
    let trail = audit(&app, "sso.sign_in_refused").await;
    assert_eq!(trail.len(), 1);
    assert!(trail[0].contains("token_for_another_client"), "{}", trail[0]);
}

#[tokio::test]
async fn sso_required_refuses_password_login_at_both_doors_but_not_sso() {
    let app = spawn_app().await;
    let provider = OidcProvider::start(&redirect_uri(&app));
    let company = sso_company(&app).await;
    assert_eq!(app.login(ADMIN_EMAIL, "a-long-password-1").await.status(), 200);
    let saved = put_sso(
        &app,
        &company,
        &settings(&provider.issuer, CLIENT_ID, CLIENT_SECRET, true),
    )
    .await;
    assert_eq!(saved.status(), 200);

    let refused = app.login(ADMIN_EMAIL, "a-long-password-1").await;
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("single sign-on"));
    // A wrong password still says only that (nobody learns SSO is required).
    assert_eq!(app.login(ADMIN_EMAIL, "wrong-password-99").await.status(), 401);
    // Another company's staff are not concerned.
    let other = app.registered_company().await;
    assert_eq!(app.login(&other.email, "a-long-password-1").await.status(), 200);

    // The portal's login form too.
    let login_page = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = crate::portal_flow::csrf_from(&login_page);
    let portal = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", ADMIN_EMAIL),
            ("password", "a-long-password-1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(portal.status(), 403);
    assert!(
        portal
            .text()
            .await
            .unwrap()
            .contains("Your company requires single sign-on")
    );

    // The admin (already on the team) signs in through the provider instead.
    let back = sign_in_at_provider(start(&app, &company).await.as_str(), ADMIN_EMAIL).await;
    let signed_in = callback(&app, &back).await;
    assert_eq!(signed_in.status(), 303);
    assert_eq!(
        role_of(&app, ADMIN_EMAIL).await.as_deref(),
        Some("admin"),
        "an existing member keeps their role"
    );
    assert!(audit(&app, "sso.user_created").await.is_empty());
}

#[tokio::test]
async fn an_existing_account_outside_the_team_is_not_taken_over() {
    let app = spawn_app().await;
    let provider = OidcProvider::start(&redirect_uri(&app));
    let company = sso_company(&app).await;
    // Ravi registered his own company with the address the provider asserts.
    let theirs = app
        .register("Ravi Audits", "ravi@acme-sso.test", "a-long-password-1")
        .await;
    assert_eq!(theirs.status(), 201);
    put_sso(
        &app,
        &company,
        &settings(&provider.issuer, CLIENT_ID, CLIENT_SECRET, false),
    )
    .await;
    let back = sign_in_at_provider(start(&app, &company).await.as_str(), "ravi@acme-sso.test").await;
    let refused = callback(&app, &back).await;
    assert_eq!(refused.status(), 403);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("is not on your company&#39;s team")
    );
    assert!(audit(&app, "sso.sign_in_refused").await[0].contains("account_not_in_company"));
}

#[tokio::test]
async fn an_id_token_with_another_nonce_or_expired_is_refused() {
    let app = spawn_app().await;
    let provider = OidcProvider::start(&redirect_uri(&app));
    let company = sso_company(&app).await;
    // Each client's token answers carry an ID token changed in one claim and
    // re-signed with the provider's real key (tests/oidc/provider.mjs).
    for (client, secret, reason) in [
        ("fairhire-nonce", "nonce-secret", "token_wrong_nonce"),
        ("fairhire-stale", "stale-secret", "token_expired"),
    ] {
        let saved = put_sso(&app, &company, &settings(&provider.issuer, client, secret, false)).await;
        assert_eq!(saved.status(), 200);
        let back = sign_in_at_provider(start(&app, &company).await.as_str(), OFFICER).await;
        let refused = callback(&app, &back).await;
        assert_eq!(refused.status(), 403, "{client}");
        assert!(
            refused.text().await.unwrap().contains("could not be verified"),
            "{client}"
        );
        assert_eq!(role_of(&app, OFFICER).await, None, "{client}");
        let trail = audit(&app, "sso.sign_in_refused").await;
        assert!(trail.last().unwrap().contains(reason), "{client}: {trail:?}");
    }
}
