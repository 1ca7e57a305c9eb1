//! Products in a real browser (headless Chromium, no help from scripts): an
//! officer signs in, follows "Products" in the navigation to the empty list,
//! adds a product (a bad HS code first, answered beside the field), lands on its
//! page, links the supplier that makes it at its site with the select boxes, and
//! reads the chain.

use fantoccini::{Client, Locator};

use crate::{
    browser::{Step, browser, click, fill, finish, require_chromedriver, wait_for_path},
    helpers::{TestApp, spawn_app},
};

#[tokio::test]
async fn products_an_officer_adds_a_product_and_links_its_maker_in_a_real_browser() {
    require_chromedriver();
    let app = spawn_app().await;
    let (_driver, c) = browser().await;
    let outcome = journey(&app, &c).await;
    finish(c, outcome, "products").await;
}

async fn text_of(c: &Client, css: &str) -> Step<String> {
    Ok(c.wait().for_element(Locator::Css(css)).await?.text().await?)
}

async fn journey(app: &TestApp, c: &Client) -> Step<()> {
    let company = app.registered_company().await;
    let maker = app.plain_supplier(&company, "Dhaka Knitwear", "BD").await;
    let site = app.site_of(&company, &maker, "Gazipur Plant", "BD").await;
    c.goto(&app.url("/")).await?;
    fill(c, "#email", &company.email).await?;
    fill(c, "#password", "a-long-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, &format!("/companies/{}", company.id)).await?;

    let list = format!("/companies/{}/products", company.id);
    click(c, &format!("nav.mainnav a[href='{list}']")).await?;
    wait_for_path(c, &list).await?;
    text_of(c, "#products-none").await?;
    click(c, &format!("a[href='{list}/new']")).await?;
    wait_for_path(c, &format!("{list}/new")).await?;

    fill(c, "#name", "Polo shirt").await?;
    fill(c, "#sku", "PL-1").await?;
    fill(c, "#hs_code", "61A").await?;
    click(c, "main form button[type=submit]").await?;
    text_of(c, "#hs_code-error").await?;
    fill(c, "#hs_code", "6105.10").await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, "/products/").await?;
    if text_of(c, "h1").await? != "Polo shirt" {
        return Err("not the product's page".into());
    }
    text_of(c, "#chain-none").await?;

    c.find(Locator::Css("#link-supplier_id"))
        .await?
        .select_by_value(&maker)
        .await?;
    c.find(Locator::Css("#link-site_id"))
        .await?
        .select_by_value(&site)
        .await?;
    c.find(Locator::Css("#link-role"))
        .await?
        .select_by_value("assembly")
        .await?;
    click(c, "#link-role ~ button[type=submit]").await?;
    let makers = text_of(c, "#chain-makers tbody").await?;
    for wanted in ["Dhaka Knitwear", "Gazipur Plant", "Assembly"] {
        if !makers.contains(wanted) {
            return Err(format!("the chain lacks {wanted:?}: {makers:?}").into());
        }
    }
    Ok(())
}
