//! Acceptance 1 of issue #24 in a real browser (headless Chromium, no help from
//! scripts): a compliance officer of a company that signs in through its own
//! OpenID provider (the real `oidc-provider` run locally, see `oidc_provider`)
//! types their work email on the login page, follows the link to the provider,
//! signs in on its form, and lands on the company's dashboard, created on this
//! first sign-in with the role their `groups` claim maps to.

use fantoccini::{Client, Locator};

use crate::{
    browser::{Step, browser, click, fill, finish, require_chromedriver, wait_for_path},
    helpers::{Company, Options, TestApp, spawn_app_with},
    oidc_provider::{CLIENT_ID, CLIENT_SECRET, OidcProvider},
    sso::{put_sso, settings},
};

#[tokio::test]
async fn sso_an_officer_signs_in_through_the_company_identity_provider_and_lands_on_the_dashboard() {
    require_chromedriver();
    let app = spawn_app_with(Options {
        own_public_url: true,
        ..Options::default()
    })
    .await;
    let provider = OidcProvider::start(&format!("{}/sso/callback", app.settings.public_url));
    let registered = app
        .register("Acme SSO Textiles", "chloe@acme-sso.test", "a-long-password-1")
        .await;
    assert_eq!(registered.status(), 201);
    let body: serde_json::Value = registered.json().await.unwrap();
    let company = Company {
        id: body["organization"]["id"].as_str().unwrap().to_string(),
        token: body["access_token"].as_str().unwrap().to_string(),
        email: "chloe@acme-sso.test".into(),
    };
    let saved = put_sso(
        &app,
        &company,
        &settings(&provider.issuer, CLIENT_ID, CLIENT_SECRET, true),
    )
    .await;
    assert_eq!(saved.status(), 200);
    let (_driver, c) = browser().await;
    let outcome = journey(&app, &c, &company).await;
    finish(c, outcome, "sso").await;
}

async fn text_of(c: &Client, css: &str) -> Step<String> {
    Ok(c.wait().for_element(Locator::Css(css)).await?.text().await?)
}

async fn journey(app: &TestApp, c: &Client, company: &Company) -> Step<()> {
    c.goto(&app.url("/")).await?;
    fill(c, "#sso_email", "amira@acme-sso.test").await?;
    click(c, "#sso-find").await?;
    click(c, "#sso-go").await?;
    // The provider's own login form (oidc-provider's development interaction).
    fill(c, "input[name=login]", "amira@acme-sso.test").await?;
    fill(c, "input[name=password]", "her-directory-password").await?;
    click(c, "button[type=submit]").await?;
    // The company's dashboard.
    wait_for_path(c, &format!("/companies/{}", company.id)).await?;
    let header = text_of(c, "header").await?;
    if !header.contains("Amira Haddad") {
        return Err(format!("signed in as the provider's name? header: {header}").into());
    }
    // Her organizations, with the role the `groups` claim mapped to.
    c.goto(&app.url("/")).await?;
    let memberships = text_of(c, "ul.memberships").await?;
    if !(memberships.contains("Acme SSO Textiles") && memberships.contains("compliance officer")) {
        return Err(format!("expected an officer of Acme SSO Textiles: {memberships}").into());
    }
    Ok(())
}
