//! Corridors in the portal: the dashboard draws them as flows with the same figures
//! in a table, by country name in the reader's language; a corridor shows the
//! indicator by quarter of hire and sex (and the figures by month) and the recruiters its workers paid (a clinic is no
//! recruiter); a recruiter shows the suppliers whose workers paid it. Bad dates are
//! named beside their field; the supplier and another company get 404 pages.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    corridors::audited_company,
    helpers::{Company, TestApp, spawn_app},
    portal_flow::{Portal, advisor_portal},
};

async fn signed_in(app: &TestApp, company: &Company, language: &str) -> Portal {
    let portal = Portal::new(app, language);
    portal.login(&company.email, "a-long-password-1").await;
    portal
}

/// The registry id of a recruiter, by name.
async fn recruiter_id(app: &TestApp, company: &Company, name: &str) -> String {
    let list: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    let found = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {list}"));
    found["id"].as_str().unwrap().to_string()
}

/// The `<tr>` of a table whose text contains `label`.
fn row<'a>(html: &'a str, label: &str) -> &'a str {
    html.split("<tr>")
        .skip(1)
        .map(|r| r.split("</tr>").next().unwrap_or(r))
        .find(|r| r.contains(label))
        .unwrap_or_else(|| panic!("no row {label}"))
}

#[tokio::test]
async fn portal_the_dashboard_shows_corridors_by_name_then_a_corridor_then_a_recruiter() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let officer = signed_in(&app, &company, "fr").await;

    let dashboard = officer.get(&format!("/companies/{}", company.id)).await;
    assert_eq!(dashboard.status, StatusCode::OK);
    let html = dashboard.body;
    // The flows, one band per corridor titled with its workers, and the same figures
    // in a table: names, never codes.
    assert!(html.contains("<title>Népal → Thaïlande: 3</title>"), "{html}");
    assert!(html.contains("<title>Bangladesh → Malaisie: 1</title>"));
    let np_th = row(&html, "Népal → Thaïlande");
    assert!(np_th.contains(&format!("href=\"/companies/{}/corridors/NP/TH\"", company.id)));
    assert!(
        np_th.contains("<td>3</td><td>2</td><td>0,94</td><td>383,34</td>"),
        "{np_th}"
    );

    let english = signed_in(&app, &company, "en").await;
    // The world map: a dot per supplier country at its centroid, grey while no
    // supplier there is scored, and the same in a table.
    let home = english.get(&format!("/companies/{}", company.id)).await.body;
    assert!(home.contains("<svg class=\"chart world-map\""));
    assert!(home.contains(
        "fill=\"#8c96a0\" stroke=\"#fff\" stroke-width=\"2\"><title>Thailand: 2 Not scored</title>"
    ));
    assert!(home.contains("<title>Malaysia: 1 Not scored</title>"));
    assert!(row(&home, "<th scope=\"row\">Thailand</th>").contains("<td>2 Not scored</td>"));
    let corridor = english
        .get(&format!("/companies/{}/corridors/NP/TH", company.id))
        .await;
    assert_eq!(corridor.status, StatusCode::OK);
    let html = corridor.body;
    assert!(html.contains("<h1>Nepal → Thailand</h1>"));
    // The trend by month of hire: B1 (2.50), B2 (0.33), C1 who paid nothing.
    assert!(row(&html, "<th scope=\"row\">2026-02</th>").contains("<td>2.50</td><td>1,000.01</td>"));
    assert!(row(&html, "<th scope=\"row\">2026-03</th>").contains("<td>0.33</td><td>150.00</td>"));
    assert!(row(&html, "<th scope=\"row\">2026-04</th>").contains("<td>0.00</td><td>0.00</td>"));
    // The trend by quarter of hire, all workers then each sex, exact in the table:
    // 2026-Q1 is B1 and B2, (2.500025 + 0.3333…) / 2 = 1.41667… → 1.42, fees
    // (1,000.01 + 150) / 2 = 575.005 → 575.01; 2026-Q2 is C1 alone.
    let q1 = row(&html, "<th scope=\"row\">2026-Q1, All workers</th>");
    assert!(
        q1.contains("<td>2</td><td>2</td><td>1.42</td><td>575.01</td>"),
        "{q1}"
    );
    assert!(row(&html, "<th scope=\"row\">2026-Q1, Female</th>").contains("<td>0.33</td><td>150.00</td>"));
    assert!(row(&html, "<th scope=\"row\">2026-Q1, Male</th>").contains("<td>2.50</td><td>1,000.01</td>"));
    assert!(
        row(&html, "<th scope=\"row\">2026-Q2, Not recorded</th>")
            .contains("<td>0</td><td>0.00</td><td>0.00</td>")
    );
    // The chart: a line for all workers, one per sex, each point titled.
    assert!(
        html.contains("<title>All workers, 2026-Q1 1.42</title>"),
        "{html}"
    );
    assert!(html.contains("<title>Male, 2026-Q1 2.50</title>"));
    assert!(html.contains("<title>Not recorded, 2026-Q2 0.00</title>"));
    // Sunrise took B1's 1,000.01 and B2's 150.00; Bangkok Staffing took nothing.
    let sunrise = recruiter_id(&app, &company, "Sunrise Manpower").await;
    let recruiter = row(&html, "Sunrise Manpower");
    assert!(recruiter.contains(&format!("href=\"/recruiters/{sunrise}\"")));
    assert!(recruiter.contains("<td>2</td><td>1,150.01</td>"), "{recruiter}");
    assert!(!html.contains("Bangkok Staffing"));
    // In Malaysia the clinic A2 paid is no recruiter: Sunrise alone, A1's 300 + 30.
    let malaysia = english
        .get(&format!("/companies/{}/corridors/NP/MY", company.id))
        .await
        .body;
    assert!(row(&malaysia, "Sunrise Manpower").contains("<td>1</td><td>330.00</td>"));
    assert!(!malaysia.contains("City Clinic"));

    // The recruiter: the two suppliers whose workers paid it, not Chonburi Knits.
    let page = english.get(&format!("/recruiters/{sunrise}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.body;
    assert!(html.contains("<h1>Sunrise Manpower</h1>"));
    assert!(row(&html, "Bangkok Garments").contains("<td>Thailand</td><td>2</td><td>1,150.01</td>"));
    assert!(row(&html, "Penang Electronics").contains("<td>Malaysia</td><td>1</td><td>330.00</td>"));
    // Chonburi Knits' workers paid it nothing: no row of the table (the edit form
    // still lists it among the suppliers a recruiter may work for).
    assert!(!html.contains(">Chonburi Knits</a></th>"));
}

#[tokio::test]
async fn portal_bad_hire_dates_are_named_beside_their_field() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let officer = signed_in(&app, &company, "en").await;
    let base = format!("/companies/{}/corridors", company.id);

    let march = officer
        .get(&format!("{base}?from=2026-03-01&to=2026-03-31"))
        .await;
    assert_eq!(march.status, StatusCode::OK);
    assert!(row(&march.body, "Nepal → Malaysia").contains("<td>2</td><td>1</td><td>0.18</td><td>35.00</td>"));
    assert!(!march.body.contains("Bangladesh → Malaysia"));
    // The filter's links carry the period along.
    let link = row(&march.body, "Nepal → Malaysia");
    assert!(
        link.contains("/corridors/NP/MY?from=2026-03-01&") && link.contains("to=2026-03-31\""),
        "{link}"
    );

    let reversed = officer
        .get(&format!("{base}?from=2026-04-01&to=2026-03-01"))
        .await;
    assert_eq!(reversed.status, StatusCode::OK);
    assert!(
        reversed
            .body
            .contains("<p class=\"field-error\" id=\"corridors-from-error\">This date is after the end date")
    );
    assert!(
        reversed
            .body
            .contains("aria-describedby=\"corridors-from-error\"")
    );
    let bad = officer.get(&format!("{base}?to=soon")).await;
    assert!(
        bad.body
            .contains("<p class=\"field-error\" id=\"corridors-to-error\">Enter a date")
    );
    assert!(!bad.body.contains("<table"));
}

#[tokio::test]
async fn portal_corridor_pages_are_the_company_staffs_alone() {
    let app = spawn_app().await;
    let (company, supplier) = audited_company(&app).await;
    let sunrise = recruiter_id(&app, &company, "Sunrise Manpower").await;
    let pages = [
        format!("/companies/{}/corridors", company.id),
        format!("/companies/{}/corridors/NP/TH", company.id),
        format!("/recruiters/{sunrise}"),
    ];
    let advisor = advisor_portal(&app, &company).await;
    for path in &pages {
        assert_eq!(advisor.get(path).await.status, StatusCode::OK, "{path}");
    }
    let own_supplier = Portal::new(&app, "en");
    own_supplier.login(&supplier.email, "supplier-password-1").await;
    let other = app.registered_company().await;
    let stranger = signed_in(&app, &other, "en").await;
    for outsider in [&own_supplier, &stranger] {
        for path in &pages {
            assert_eq!(outsider.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
        }
    }
    // No such corridor: the superseded audit's Indian worker, or a made-up code.
    let officer = signed_in(&app, &company, "en").await;
    for path in ["IN/TH", "XX/MY", "NP/DE"] {
        let page = officer
            .get(&format!("/companies/{}/corridors/{path}", company.id))
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
    }
    // A company without audits says so.
    let empty = stranger.get(&format!("/companies/{}", other.id)).await;
    assert!(empty.body.contains("No corridors yet"));
}
