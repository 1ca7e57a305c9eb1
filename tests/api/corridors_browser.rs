//! Corridors in a real browser (headless Chromium, no help from scripts): the
//! company's admin invites an officer on the team page and signs out; the officer
//! accepts the invitation from its emailed code, which signs them in, opens the
//! dashboard's map (sites as a picture and as a table), finds the corridors as a
//! picture and as a table, follows a corridor to the recruiters its workers paid,
//! and a recruiter to the suppliers whose workers paid it.

use fantoccini::{Client, Locator};

use crate::{
    browser::{Step, browser, click, fill, finish, log_out, require_chromedriver, wait_for_path},
    corridors::audited_company,
    helpers::{TestApp, spawn_app},
    sites::site_body,
};

#[tokio::test]
async fn corridors_an_invited_officer_opens_the_map_and_follows_a_corridor_to_its_recruiters_and_a_recruiter_to_its_suppliers()
 {
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
    let (company, supplier_a) = audited_company(app).await;
    // Penang Electronics' plant, at its own coordinates.
    let added = app
        .add_site(
            &supplier_a.supplier_id,
            &company.token,
            &site_body("Penang Plant 1", "MY"),
        )
        .await;
    if added.status() != 201 {
        return Err("the site was not added".into());
    }
    c.goto(&app.url("/")).await?;
    fill(c, "#email", &company.email).await?;
    fill(c, "#password", "a-long-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    wait_for_path(c, &format!("/companies/{}", company.id)).await?;

    // The admin invites an officer on the team page, then signs out.
    let officer = format!("officer-{}@team.example", uuid::Uuid::new_v4().simple());
    c.goto(&app.url(&format!("/companies/{}/team", company.id)))
        .await?;
    fill(c, "#invite-email", &officer).await?;
    c.find(Locator::Css("#invite-role"))
        .await?
        .select_by_value("officer")
        .await?;
    click(c, "#invite-role ~ button[type=submit]").await?;
    // The team page again, now listing the pending invitation.
    c.wait()
        .for_element(Locator::XPath(&format!(
            "//ul[@class='pending']/li[contains(., '{officer}')]"
        )))
        .await?;
    log_out(c).await?;
    app.run_jobs().await;
    let code = app.last_code_for(&officer);

    // The officer accepts from the emailed code, which signs them in.
    c.goto(&app.url(&format!("/invitations/{code}"))).await?;
    fill(c, "#name", "Olu Officer").await?;
    fill(c, "#password", "officer-password-1").await?;
    click(c, "main form button[type=submit]").await?;
    // Accepting signs in: the home page says who (no login form any more).
    let signed_in = c
        .wait()
        .for_element(Locator::XPath(&format!("//main//p[contains(., '{officer}')]")))
        .await?;
    if signed_in.text().await?.is_empty() {
        return Err("the officer is not the one signed in".into());
    }
    c.goto(&app.url(&format!("/companies/{}", company.id))).await?;
    wait_for_path(c, &format!("/companies/{}", company.id)).await?;

    // The map: the site a diamond at its coordinates, the same in a table.
    let map = c
        .wait()
        .for_element(Locator::Css("svg.world-map[role=img]"))
        .await?;
    if map.attr("aria-label").await?.as_deref() != Some("Suppliers and their sites by risk band") {
        return Err("the map has no accessible name".into());
    }
    let diamonds = c.find_all(Locator::Css("svg.world-map path title")).await?.len();
    if diamonds != 1 {
        return Err(format!("{diamonds} sites drawn for 1 with coordinates").into());
    }
    let placed = text_of(c, "table a[href^='/sites/']").await?;
    if placed != "Penang Plant 1" {
        return Err(format!("the sites table names {placed:?}").into());
    }

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
