//! Regulatory outputs in a real browser (issue #21, acceptance 4; headless
//! Chromium, no help from scripts): an officer signs in, follows "Products" in the
//! navigation to a product, opens its map (the drawing names the maker and its
//! site), goes on to the maker's page and its evidence packs, requests a UFLPA
//! pack, which the worker renders, and fetches its PDF from the link the page
//! shows; then follows "Statements", drafts a UK statement and reads its sections.

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::{
    browser::{Step, browser, click, fill, finish, require_chromedriver, wait_for_path},
    helpers::{Company, TestApp, spawn_app},
};

#[tokio::test]
async fn regulatory_an_officer_reaches_products_the_map_and_statements_in_a_real_browser() {
    require_chromedriver();
    let app = spawn_app().await;
    let (_driver, c) = browser().await;
    let outcome = journey(&app, &c).await;
    finish(c, outcome, "regulatory").await;
}

async fn text_of(c: &Client, css: &str) -> Step<String> {
    Ok(c.wait().for_element(Locator::Css(css)).await?.text().await?)
}

/// A product made by a supplier at one of its sites, through the API.
async fn made_product(app: &TestApp, company: &Company) -> String {
    let maker = app.plain_supplier(company, "Dhaka Knitwear", "BD").await;
    let site = app.site_of(company, &maker, "Gazipur Plant", "BD").await;
    let product = app.product_of(company, "PL-1", "Polo shirt").await;
    let linked = app
        .post_json(
            &format!("/products/{product}/links"),
            Some(&company.token),
            &json!({"supplier_id": maker, "site_id": site, "role": "assembly"}),
        )
        .await;
    assert_eq!(linked.status(), 201);
    product
}

async fn journey(app: &TestApp, c: &Client) -> Step<()> {
    let company = app.registered_company().await;
    let product = made_product(app, &company).await;
    c.goto(&app.url("/")).await?;
    fill(c, "#email", &company.email).await?;
    fill(c, "#password", "a-long-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, &format!("/companies/{}", company.id)).await?;

    let products = format!("/companies/{}/products", company.id);
    click(c, &format!("nav.mainnav a[href='{products}']")).await?;
    wait_for_path(c, &products).await?;
    click(c, &format!("a[href='/products/{product}']")).await?;
    wait_for_path(c, &format!("/products/{product}")).await?;
    if text_of(c, "h1").await? != "Polo shirt" {
        return Err("not the product's page".into());
    }

    click(c, "#product-map-link").await?;
    wait_for_path(c, &format!("/products/{product}/map")).await?;
    c.wait().for_element(Locator::Css("svg#supply-map")).await?;
    let drawn = c
        .execute("return document.getElementById('supply-map').textContent", vec![])
        .await?;
    let drawn = drawn.as_str().unwrap_or_default();
    for wanted in ["Polo shirt", "Dhaka Knitwear", "Gazipur Plant", "Tier 1", "Sites"] {
        if !drawn.contains(wanted) {
            return Err(format!("the map lacks {wanted:?}: {drawn:?}").into());
        }
    }
    let table = text_of(c, "#chain-map-table tbody").await?;
    if !table.contains("Gazipur Plant") {
        return Err(format!("the map's table lacks the site: {table:?}").into());
    }

    evidence_pack(app, c).await?;
    statements(c, &company).await
}

/// From the map's table to the maker's page and its packs: requests one, lets
/// the worker render it, and fetches the PDF the page links to.
async fn evidence_pack(app: &TestApp, c: &Client) -> Step<()> {
    click(c, "#chain-map-table tbody a").await?;
    wait_for_path(c, "/suppliers/").await?;
    click(c, "#evidence-packs-link").await?;
    wait_for_path(c, "/evidence-packs").await?;
    text_of(c, "#packs-none").await?;
    c.find(Locator::Css("#regime"))
        .await?
        .select_by_value("uflpa")
        .await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, "?requested=1").await?;
    let queued = text_of(c, "#packs tbody .pack-status").await?;
    if queued != "queued" {
        return Err(format!("a new pack is {queued:?}").into());
    }
    app.run_jobs().await;
    c.refresh().await?;
    let ready = text_of(c, "#packs tbody .pack-status").await?;
    if ready != "ready" {
        return Err(format!("after the worker the pack is {ready:?}").into());
    }
    let link = c.find(Locator::Css("#packs tbody a.pack-pdf")).await?;
    let href = link.attr("href").await?.unwrap_or_default();
    // The browser fetches the link with its own session, as a click would.
    let fetched = c
        .execute(
            "return fetch(arguments[0]).then(r => r.text().then(t => r.status + '|' + r.headers.get('content-type') + '|' + t.slice(0, 5)));",
            vec![json!(href)],
        )
        .await?;
    if fetched.as_str() != Some("200|application/pdf|%PDF-") {
        return Err(format!("the PDF link gave {fetched:?}").into());
    }
    Ok(())
}

/// Follows "Statements", drafts a UK statement for 2026 and reads its sections.
async fn statements(c: &Client, company: &Company) -> Step<()> {
    let list = format!("/companies/{}/statements", company.id);
    click(c, &format!("nav.mainnav a[href='{list}']")).await?;
    wait_for_path(c, &list).await?;
    c.find(Locator::Css("#regime"))
        .await?
        .select_by_value("uk_msa")
        .await?;
    // A date field takes typed digits in the browser's own order; the value is
    // set as the form sends it instead.
    c.execute(
        "document.getElementById('period_start').value = '2026-01-01'; \
         document.getElementById('period_end').value = '2026-12-31';",
        vec![],
    )
    .await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, "/statements/").await?;
    for key in ["structure", "policies", "due_diligence"] {
        let section = text_of(c, &format!("#section-{key} h2")).await?;
        if section.is_empty() {
            return Err(format!("section {key} has no title").into());
        }
    }
    Ok(())
}
