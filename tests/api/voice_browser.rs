//! Worker voice in a real browser (headless Chromium) on a phone-sized window:
//! a worker opens the site's link, switches to Spanish, reports a problem
//! without JavaScript-only controls, gets a case code and a secret; the officer
//! replies over the API; the worker comes back with code and secret and reads
//! the reply. No cookie is ever set.

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::{
    browser::{Step, browser, click, fill, finish, require_chromedriver},
    helpers::{TestApp, spawn_app},
    voice::voice_world,
};

#[tokio::test]
async fn voice_a_worker_reports_in_spanish_on_a_phone_and_reads_the_reply() {
    require_chromedriver();
    let app = spawn_app().await;
    let (_driver, c) = browser().await;
    let outcome = journey(&app, &c).await;
    finish(c, outcome, "worker_voice").await;
}

async fn text_of(c: &Client, css: &str) -> Step<String> {
    Ok(c.wait().for_element(Locator::Css(css)).await?.text().await?)
}

async fn journey(app: &TestApp, c: &Client) -> Step<()> {
    let world = voice_world(app).await;
    c.set_window_size(390, 844).await?;

    // The poster's link, in whatever language the phone asks for; the worker picks Spanish.
    c.goto(&app.url(&format!("/v/{}", world.token))).await?;
    click(c, ".voice-langs a[lang=es]").await?;
    // Wait for the Spanish page itself: reading the old page's heading while the
    // browser navigates fails with a stale element.
    c.wait().for_element(Locator::Css("html[lang=es]")).await?;
    let title = text_of(c, "h1").await?;
    if title != "Informar de un problema en el trabajo" {
        return Err(format!("title {title:?}").into());
    }
    // Phone-sized: nothing wider than the screen, large touch targets.
    let fits = c
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth;",
            vec![],
        )
        .await?;
    if fits != Value::Bool(true) {
        return Err("the page scrolls sideways on a phone".into());
    }
    let choice = c
        .find(Locator::Css("label.voice-choice"))
        .await?
        .rectangle()
        .await?;
    if choice.3 < 44.0 {
        return Err(format!("a category is only {}px tall", choice.3).into());
    }

    click(c, "input[value=wages_withheld]").await?;
    fill(
        c,
        "#description",
        "Nos descuentan 80 dólares cada mes por el alojamiento y no nos dan recibo.",
    )
    .await?;
    click(c, "button.voice-submit").await?;
    c.wait().for_element(Locator::Css("#case-code")).await?;
    let thanks = text_of(c, "h1").await?;
    if !thanks.contains("Gracias") {
        return Err(format!("after submitting: {thanks:?}").into());
    }
    let code = text_of(c, "#case-code").await?;
    let secret = text_of(c, "#case-secret").await?;
    if code.len() != 9 || secret.len() != 24 {
        return Err(format!("code {code:?} secret {secret:?}").into());
    }
    let page = c.source().await?;
    if !page.contains("Solo un ejemplo: no es un contacto real.")
        || !page.contains("Example Migrant Helpline")
    {
        return Err("the referral services are not shown (marked as an example)".into());
    }

    // The officer reads the case and replies.
    let cases = app.voice_cases(&world.company).await;
    let id = cases["items"][0]["id"].as_str().ok_or("no case")?.to_string();
    let case: Value = app
        .get_api(&format!("/voice/cases/{id}"), Some(&world.company.token))
        .await
        .json()
        .await?;
    if case["locale"] != "es" || case["category"] != "wages_withheld" {
        return Err(format!("stored case {case}").into());
    }
    let reply = "Hemos hablado con la fábrica: los descuentos se detienen y se devolverán.";
    let answered = app.voice_message(&id, &world.company.token, "reply", reply).await;
    if answered.status() != 201 {
        return Err(format!("reply: {}", answered.status()).into());
    }

    // Later, the worker checks the case with the code and the secret.
    c.goto(&app.url(&format!("/v/{}?lang=es", world.token))).await?;
    click(c, ".voice-check-link a").await?;
    fill(c, "#code", &code).await?;
    fill(c, "#secret", &secret).await?;
    click(c, "button.voice-submit").await?;
    let shown = text_of(c, ".voice-reply").await?;
    if shown != reply {
        return Err(format!("reply shown: {shown:?}").into());
    }
    let status = text_of(c, "#case-status").await?;
    if status != "Visto por la empresa" {
        return Err(format!("status shown: {status:?}").into());
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let cookies = c.get_all_cookies().await?;
    if !cookies.is_empty() {
        return Err(format!("cookies were set: {cookies:?}").into());
    }
    Ok(())
}
