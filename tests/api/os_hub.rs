//! Matching sites to Open Supply Hub OS IDs (issue #25, acceptance 2) against a
//! local fake of the documented API: found (linked), ambiguous (candidates,
//! nothing linked), not found, and Open Supply Hub down (connection refused, a
//! 500, a refused token: 503/502 naming it, nothing changed); what Open Supply
//! Hub knows shown beside ours; and the offline import of its CSV download.

use serde_json::{Value, json};

use crate::{
    helpers::{Company, Options, TestApp, assert_problem, free_port, spawn_app_with},
    os_hub_fake::{self, TOKEN},
};

async fn app_with_hub(url: &str, token: &str) -> TestApp {
    spawn_app_with(Options {
        os_hub: Some((url.to_string(), token.to_string())),
        ..Options::default()
    })
    .await
}

async fn company_with_supplier(app: &TestApp) -> (Company, String) {
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Dhaka Knitwear").await;
    (company, supplier.supplier_id)
}

async fn match_site(app: &TestApp, company: &Company, site: &str) -> reqwest::Response {
    app.post_json(
        &format!("/sites/{site}/os-hub/match"),
        Some(&company.token),
        &json!({}),
    )
    .await
}

async fn os_id_of(app: &TestApp, company: &Company, site: &str) -> Value {
    let read: Value = app
        .get_api(&format!("/sites/{site}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    read["os_id"].clone()
}

#[tokio::test]
async fn a_confident_match_is_linked_and_shown_beside_ours() {
    let hub = os_hub_fake::start();
    let app = app_with_hub(&hub.url, TOKEN).await;
    let (company, supplier) = company_with_supplier(&app).await;
    let site = app.site_of(&company, &supplier, "gazipur  knit", "BD").await;

    let answer = match_site(&app, &company, &site).await;
    assert_eq!(answer.status(), 200);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["outcome"], "found");
    assert_eq!(body["site"]["os_id"], "BD2021079AAAAAA");
    assert_eq!(body["candidates"][0]["name"], "Gazipur Knit");
    assert_eq!(os_id_of(&app, &company, &site).await, "BD2021079AAAAAA");
    let asked = hub.queries.lock().unwrap().clone();
    assert_eq!(asked, ["name=gazipur++knit&country=BD&size=10"]);

    // What Open Supply Hub knows, beside ours (a reader may see it too).
    let advisor = app.advisor_of(&company).await;
    let known: Value = app
        .get_api(&format!("/sites/{site}/os-hub"), Some(&advisor))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(known["site"]["headcount"], 850);
    assert_eq!(known["os_hub"]["os_id"], "BD2021079AAAAAA");
    assert_eq!(known["os_hub"]["claim_status"], "claimed");
    assert_eq!(
        known["os_hub"]["affiliations"],
        json!(["SEDEX", "Better Work (ILO/IFC)"])
    );
    assert_eq!(known["os_hub"]["workers_max"], 900);
    assert_eq!(
        hub.queries.lock().unwrap().last().unwrap(),
        "os_id=BD2021079AAAAAA"
    );
}

#[tokio::test]
async fn several_candidates_are_offered_and_one_is_chosen() {
    let hub = os_hub_fake::start();
    let app = app_with_hub(&hub.url, TOKEN).await;
    let (company, supplier) = company_with_supplier(&app).await;
    let site = app
        .site_of(&company, &supplier, "Chittagong Garments", "BD")
        .await;

    let body: Value = match_site(&app, &company, &site).await.json().await.unwrap();
    assert_eq!(body["outcome"], "ambiguous");
    let offered: Vec<&str> = body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["os_id"].as_str().unwrap())
        .collect();
    assert_eq!(offered, ["BD2021079BBBBBB", "BD2021079CCCCCC"]);
    assert_eq!(
        os_id_of(&app, &company, &site).await,
        Value::Null,
        "nothing linked"
    );

    let chosen = app
        .patch_json(
            &format!("/sites/{site}"),
            &company.token,
            &json!({"os_id": offered[1]}),
        )
        .await;
    assert_eq!(chosen.status(), 200);
    assert_eq!(os_id_of(&app, &company, &site).await, "BD2021079CCCCCC");
}

#[tokio::test]
async fn no_candidate_is_not_found() {
    let hub = os_hub_fake::start();
    let app = app_with_hub(&hub.url, TOKEN).await;
    let (company, supplier) = company_with_supplier(&app).await;
    let site = app.site_of(&company, &supplier, "Narayanganj Dyeing", "BD").await;
    let body: Value = match_site(&app, &company, &site).await.json().await.unwrap();
    assert_eq!(body["outcome"], "not_found");
    assert_eq!(body["candidates"], json!([]));
    assert_eq!(os_id_of(&app, &company, &site).await, Value::Null);
    // Reading Open Supply Hub's record needs an OS ID first.
    assert_problem(
        app.get_api(&format!("/sites/{site}/os-hub"), Some(&company.token))
            .await,
        409,
    )
    .await;
}

async fn assert_outage(app: &TestApp, status: u16) {
    let (company, supplier) = company_with_supplier(app).await;
    let site = app.site_of(&company, &supplier, "Gazipur Knit", "BD").await;
    let problem = assert_problem(match_site(app, &company, &site).await, status).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("Open Supply Hub"), "{detail}");
    assert!(!detail.contains(TOKEN), "the token never shows: {detail}");
    assert_eq!(
        os_id_of(app, &company, &site).await,
        Value::Null,
        "nothing changed"
    );
}

#[tokio::test]
async fn open_supply_hub_down_is_a_503_or_502_naming_it_and_changes_nothing() {
    // Connection refused: a port nobody listens on.
    let refused = app_with_hub(&format!("http://127.0.0.1:{}", free_port()), TOKEN).await;
    assert_outage(&refused, 503).await;
    // A 500.
    let failing = app_with_hub(&os_hub_fake::start_failing(), TOKEN).await;
    assert_outage(&failing, 502).await;
    // A token the fake refuses (401).
    let hub = os_hub_fake::start();
    let bad_token = app_with_hub(&hub.url, "wrong-token").await;
    assert_outage(&bad_token, 502).await;
}

#[tokio::test]
async fn without_a_token_matching_is_a_409_saying_so_and_changes_nothing() {
    // The installation's state, not an outage: no 5xx for a setting not made.
    let app = spawn_app_with(Options::default()).await;
    let (company, supplier) = company_with_supplier(&app).await;
    let site = app.site_of(&company, &supplier, "Gazipur Knit", "BD").await;
    let answer = match_site(&app, &company, &site).await;
    assert_eq!(answer.status(), 409);
    let body: Value = answer.json().await.unwrap();
    assert!(
        body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("FAIRHIRE_OS_HUB_TOKEN"),
        "{body}"
    );
    assert_eq!(
        os_id_of(&app, &company, &site).await,
        Value::Null,
        "nothing linked"
    );
}

const DOWNLOAD_HEADER: &str =
    "os_id,contribution_date,name,address,country_code,country_name,lat,lng,sector\n";

#[tokio::test]
async fn the_csv_download_fills_os_ids_and_reports_what_it_could_not_match() {
    let app = spawn_app_with(Options::default()).await;
    let (company, supplier) = company_with_supplier(&app).await;
    let matched = app.site_of(&company, &supplier, "Gazipur Knit", "BD").await;
    let wrong_country = app.site_of(&company, &supplier, "Ashulia Wash", "BD").await;
    let twice = app.site_of(&company, &supplier, "Savar Sweaters", "BD").await;
    let file = format!(
        "{DOWNLOAD_HEADER}\
         BD2021079AAAAAA,2021-03-20,GAZIPUR KNIT,EPZ,BD,Bangladesh,23.99,90.42,Apparel\n\
         IN2021079AAAAAA,2021-03-20,Ashulia Wash,Tiruppur,IN,India,11.1,77.3,Apparel\n\
         BD2021079DDDDDD,2021-03-20,Savar Sweaters,Savar,BD,Bangladesh,23.8,90.2,Apparel\n\
         BD2021079EEEEEE,2021-03-21,Savar Sweaters,Savar,BD,Bangladesh,23.8,90.2,Apparel\n"
    );
    let path = format!("/companies/{}/sites/os-hub-import", company.id);
    let answer = app.post_csv(&path, Some(&company.token), &file).await;
    assert_eq!(answer.status(), 200);
    let report: Value = answer.json().await.unwrap();
    assert_eq!(report["matched"][0]["id"], matched.as_str());
    assert_eq!(report["matched"][0]["os_id"], "BD2021079AAAAAA");
    let unmatched: Vec<(&str, &str)> = report["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["site_id"].as_str().unwrap(), u["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        unmatched,
        [
            (wrong_country.as_str(), "no_row"),
            (twice.as_str(), "several_rows")
        ]
    );
    assert_eq!(os_id_of(&app, &company, &matched).await, "BD2021079AAAAAA");
    assert_eq!(os_id_of(&app, &company, &twice).await, Value::Null);

    // A second run leaves linked sites alone.
    let again: Value = app
        .post_csv(&path, Some(&company.token), &file)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["already_linked"], 1);
    assert_eq!(again["matched"], json!([]));
}

#[tokio::test]
async fn a_malformed_download_is_a_422_naming_its_lines_and_changes_nothing() {
    let app = spawn_app_with(Options::default()).await;
    let (company, supplier) = company_with_supplier(&app).await;
    let site = app.site_of(&company, &supplier, "Gazipur Knit", "BD").await;
    let file = format!(
        "{DOWNLOAD_HEADER}\
         BD2021079AAAAAA,2021-03-20,Gazipur Knit,EPZ,BD,Bangladesh,23.99,90.42,Apparel\n\
         not-an-os-id,2021-03-20,Mill,Road,BD,Bangladesh,1,1,Apparel\n\
         BD2021079BBBBBB,2021-03-20,Mill,Road,XX,Nowhere,1,1,Apparel\n\
         BD2021079CCCCCC,2021-03-20,Mill\n"
    );
    let path = format!("/companies/{}/sites/os-hub-import", company.id);
    let problem = assert_problem(app.post_csv(&path, Some(&company.token), &file).await, 422).await;
    let lines: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, [(3, "os_id"), (4, "country_code"), (5, "os_id")]);
    assert_eq!(
        os_id_of(&app, &company, &site).await,
        Value::Null,
        "nothing changed"
    );
    let headless = app
        .post_csv(
            &path,
            Some(&company.token),
            "os_id,name\nBD2021079AAAAAA,Gazipur Knit\n",
        )
        .await;
    let problem = assert_problem(headless, 422).await;
    assert_eq!(problem["errors"][0]["row"], 1);
    assert_eq!(problem["errors"][0]["column"], "country_code");
    // An advisor may not import; another company gets 404.
    let advisor = app.advisor_of(&company).await;
    assert_problem(app.post_csv(&path, Some(&advisor), &file).await, 403).await;
    let other = app.registered_company().await;
    assert_problem(app.post_csv(&path, Some(&other.token), &file).await, 404).await;
}
