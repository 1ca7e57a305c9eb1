//! The dashboard's world map (issue #25): a scored supplier's site with coordinates
//! is a diamond at them in its band's colour; a site without coordinates and a
//! supplier with no site are counted at their country's centre, as the legend
//! says; every site is also a row of a real table, and the page needs no script.

use reqwest::StatusCode;
use serde_json::json;

use crate::{
    helpers::spawn_app,
    portal_flow::Portal,
    scoring_model2::{quiet_company, scored_low},
    sites::site_body,
};

#[tokio::test]
async fn portal_the_map_places_sites_by_their_coordinates_else_at_their_country() {
    let app = spawn_app().await;
    let company = quiet_company(&app).await;
    // Scored low: its site at 3.2 N, 101.69 E (x = 281.69 × 2, y = 86.8 × 2).
    let (low, _) = scored_low(&app, &company, "Klang Circuits").await;
    let mut body = site_body("Klang Plant 2", "MY");
    body["latitude"] = json!(3.2);
    body["longitude"] = json!(101.69);
    assert_eq!(
        app.add_site(&low.supplier_id, &company.token, &body)
            .await
            .status(),
        201
    );
    // Its second site has no coordinates: counted at Bangladesh's centre.
    let mut body = site_body("Dhaka Annex", "BD");
    body["latitude"] = json!(null);
    body["longitude"] = json!(null);
    assert_eq!(
        app.add_site(&low.supplier_id, &company.token, &body)
            .await
            .status(),
        201
    );
    // Not scored, no site: counted at Malaysia's centre.
    app.supplier_with_user(&company, "Penang Unscored").await;

    let portal = Portal::new(&app, "en");
    portal.login(&company.email, "a-long-password-1").await;
    let page = portal.get(&format!("/companies/{}", company.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.body;
    // Drawn on the server: the picture is in the page as sent, no script needed.
    assert!(html.contains("<svg class=\"chart world-map\""));
    // The diamond at the site's own coordinates, in the low band's green.
    assert!(
        html.contains(
            "<path d=\"M 563.4 168.6 L 568.4 173.6 L 563.4 178.6 L 558.4 173.6 Z\" fill=\"#2e7d4f\" stroke=\"#1f2933\" stroke-width=\"1\"><title>Klang Plant 2 (Klang Circuits): Low</title></path>"
        ),
        "{html}"
    );
    // The circles: the site without coordinates (its supplier's band) and the
    // supplier with no site (not scored); the sited supplier is not counted again.
    assert!(
        html.contains("fill=\"#2e7d4f\" stroke=\"#fff\" stroke-width=\"2\"><title>Bangladesh: 1 Low</title>")
    );
    assert!(html.contains(
        "fill=\"#8c96a0\" stroke=\"#fff\" stroke-width=\"2\"><title>Malaysia: 1 Not scored</title>"
    ));
    // The legend, inside the picture and in the caption.
    assert!(html.contains(">A site at its own coordinates</text>"));
    assert!(html.contains(">A country's centre (no coordinates)</text>"));
    // The table for screen readers: every site, where it is placed.
    assert!(html.contains("<caption>Sites on the map</caption>"));
    let row = |label: &str| {
        html.split("<tr>")
            .find(|r| r.contains(label))
            .map(|r| r.split("</tr>").next().unwrap_or(r).to_string())
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    assert!(
        row(">Klang Plant 2</a>")
            .contains("<td>Klang Circuits</td><td>Malaysia</td><td>Low</td><td>3.2, 101.69</td>")
    );
    let dhaka = row(">Dhaka Annex</a>");
    assert!(
        dhaka.contains(
            "<td>Bangladesh</td><td>Low</td><td>At its country&#39;s centre (no coordinates recorded)</td>"
        ),
        "{dhaka}"
    );
    // The suppliers-by-country table still counts every supplier.
    assert!(row("<th scope=\"row\">Malaysia</th>").contains("1 Low, 1 Not scored"));
}
