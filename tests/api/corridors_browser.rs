//! Corridors in a real browser (headless Chromium, no help from scripts): the
//! company's admin signs in, finds the corridors on the dashboard as a picture and
//! as a table, follows a corridor to the recruiters its workers paid, and a
//! recruiter to the suppliers whose workers paid it.

use fantoccini::{Client, Locator};

use crate::{
    browser::{Step, browser, click, fill, finish, require_chromedriver, wait_for_path},
    corridors::audited_company,
    helpers::{TestApp, spawn_app},
};

#[tokio::test]
async fn corridors_an_officer_follows_a_corridor_to_its_recruiters_and_a_recruiter_to_its_suppliers() {
    require_chromedriver();
    let app = spawn_app().await;
    let (_driver, c) = browser().await;
    let outcome = journey(&app, &c).await;
    finish(c, outcome, "corridors").await;
}

async fn text_of(c: &Client, css: &str) -> Step<String> {
    Ok(c.wait().for_element(Locator::Css(css)).await?.text().await?)
}

async fn journey(app: &TestApp, c: &Client) -> Step<()> {
    let (company, _) = audited_company(app).await;
    c.goto(&app.url("/")).await?;
    fill(c, "#email", &company.email).await?;
    fill(c, "#password", "a-long-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, &format!("/companies/{}", company.id)).await?;

    // The flows are a picture with a name, and the same corridors are a table.
    let picture = c.wait().for_element(Locator::Css("svg.flows[role=img]")).await?;
    if picture.attr("aria-label").await?.as_deref() != Some("Workers by corridor (origin → destination)") {
        return Err("the flows have no accessible name".into());
    }
    let bands = c.find_all(Locator::Css("svg.flows path")).await?.len();
    if bands != 3 {
        return Err(format!("{bands} bands for 3 corridors").into());
    }
    let corridor = format!("/companies/{}/corridors/NP/TH", company.id);
    let link = text_of(c, &format!("table a[href='{corridor}']")).await?;
    if link != "Nepal → Thailand" {
        return Err(format!("the corridor is named {link:?}").into());
    }
    click(c, &format!("table a[href='{corridor}']")).await?;
    wait_for_path(c, &corridor).await?;
    if text_of(c, "h1").await? != "Nepal → Thailand" {
        return Err("not the corridor's page".into());
    }

    // Its recruiters: Sunrise Manpower alone took money from these workers.
    let recruiters = c.find_all(Locator::Css("a[href^='/recruiters/']")).await?;
    if recruiters.len() != 1 || recruiters[0].text().await? != "Sunrise Manpower" {
        return Err("the corridor's recruiters are not Sunrise Manpower alone".into());
    }
    recruiters[0].click().await?;
    wait_for_path(c, "/recruiters/").await?;
    if text_of(c, "h1").await? != "Sunrise Manpower" {
        return Err("not the recruiter's page".into());
    }

    // The suppliers whose workers paid it, largest fees first.
    let mut suppliers = Vec::new();
    for cell in c.find_all(Locator::Css("tbody th a")).await? {
        suppliers.push(cell.text().await?);
    }
    if suppliers != ["Bangkok Garments", "Penang Electronics"] {
        return Err(format!("suppliers {suppliers:?}").into());
    }
    click(c, "tbody th a").await?;
    wait_for_path(c, "/suppliers/").await?;
    if !text_of(c, "h1").await?.contains("Bangkok Garments") {
        return Err("the link does not lead to the supplier".into());
    }
    Ok(())
}
