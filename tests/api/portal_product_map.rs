//! A product's map in the portal (issue #21): the product, its maker and the
//! maker's own supplier at their tiers, their sites, and the recruiters that work
//! for them (named in a fee audit, or in the registry) drawn as SVG — a long name
//! cut in its box and whole in the box's title — with the same in a table; the
//! maker's own map from the supplier page; a product nothing makes yet shows the
//! empty state; an advisor reads it in Spanish; a supplier's user and another
//! company get 404.

use reqwest::StatusCode;
use serde_json::json;

use crate::{
    corridors::audited_company,
    helpers::spawn_app,
    portal_flow::{Portal, advisor_portal},
    recruiter_registry::recruiter_named,
};

const MILL: &str = "Chittagong Export Processing Zone Fabric Mill";

#[tokio::test]
async fn the_map_draws_makers_sub_tiers_sites_and_recruiters_and_repeats_them_in_a_table() {
    let app = spawn_app().await;
    // Penang Electronics has a fee audit naming Sunrise Manpower and Dhaka Links.
    let (company, penang) = audited_company(&app).await;
    let plant = app
        .site_of(&company, &penang.supplier_id, "Penang Plant 2", "MY")
        .await;
    let mill = app.plain_supplier(&company, MILL, "BD").await;
    app.site_of(&company, &mill, "Mill Gate 1", "BD").await;
    let product = app.product_of(&company, "PCB-1", "Circuit board").await;
    let linked = app
        .post_json(
            &format!("/products/{product}/links"),
            Some(&company.token),
            &json!({"supplier_id": penang.supplier_id, "site_id": plant, "role": "assembly"}),
        )
        .await;
    assert_eq!(linked.status(), 201);
    let sub = app
        .post_json(
            &format!("/suppliers/{}/sub-suppliers", penang.supplier_id),
            Some(&company.token),
            &json!({"supplier_id": mill, "material": "laminate"}),
        )
        .await;
    assert_eq!(sub.status(), 201);
    // A recruiter the registry says works for the mill (no fee audit there).
    let staffing = recruiter_named(&app, &company, "Bangkok Staffing").await;
    let works = app
        .patch_json(
            &format!("/recruiters/{staffing}"),
            &company.token,
            &json!({"works_for": [mill]}),
        )
        .await;
    assert_eq!(works.status(), 200);

    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let map_path = format!("/products/{product}/map");
    let product_page = officer.get(&format!("/products/{product}")).await;
    assert!(
        product_page.body.contains(&format!("href=\"{map_path}\"")),
        "the product page links to its map"
    );

    let page = officer.get(&map_path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let svg = page
        .body
        .split("<svg class=\"chart supply-map\"")
        .nth(1)
        .and_then(|s| s.split("</svg>").next())
        .unwrap_or_else(|| panic!("no map drawn: {}", page.body));
    for heading in ["Product", "Tier 1", "Tier 2", "Sites", "Recruiters"] {
        assert!(svg.contains(&format!(">{heading}</text>")), "{heading}: {svg}");
    }
    for name in [
        "Circuit board",
        "Penang Electronics",
        "Penang Plant 2",
        "Mill Gate 1",
        "Sunrise Manpower",
        "Dhaka Links",
        "Bangkok Staffing",
    ] {
        assert!(svg.contains(&format!(">{name}</text>")), "{name} drawn: {svg}");
    }
    // The mill's name is too long for its box: cut there, whole in its title.
    assert!(svg.contains(">Chittagong Export P…</text>"), "{svg}");
    assert!(
        svg.contains(&format!("<title>{MILL} (Bangladesh), Tier 2</title>")),
        "{svg}"
    );
    assert!(
        svg.contains("<title>Mill Gate 1 (Bangladesh), Chittagong Export"),
        "{svg}"
    );
    // Product → maker, maker → mill, a line to each of the two sites, and a
    // dashed line per recruiter (two for Penang, one for the mill).
    assert_eq!(svg.matches("<path ").count(), 2 + 2 + 3, "{svg}");
    assert_eq!(svg.matches("stroke-dasharray=\"5 3\"").count(), 3, "{svg}");
    // Bangkok Garments' and Chonburi Knits' recruiters make none of it.
    assert!(!svg.contains("Bangkok Garments"), "{svg}");

    let table = page
        .body
        .split("id=\"chain-map-table\"")
        .nth(1)
        .unwrap_or_default();
    let rows: Vec<&str> = table.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(
        rows[0].contains("<td>1</td>")
            && rows[0].contains("Penang Electronics")
            && rows[0].contains(MILL)
            && rows[0].contains("Penang Plant 2 (Malaysia)")
            && rows[0].contains("Dhaka Links, Sunrise Manpower"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("<td>2</td>")
            && rows[1].contains("Mill Gate 1 (Bangladesh)")
            && rows[1].contains("Bangkok Staffing"),
        "{}",
        rows[1]
    );

    // The maker's own map: it, then what it buys below it.
    let supplier_map = format!("/suppliers/{}/map", penang.supplier_id);
    let supplier_page = officer.get(&format!("/suppliers/{}", penang.supplier_id)).await;
    assert!(
        supplier_page.body.contains(&format!("href=\"{supplier_map}\"")),
        "the supplier page links to its map"
    );
    let own = officer.get(&supplier_map).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    let svg = own
        .body
        .split("<svg class=\"chart supply-map\"")
        .nth(1)
        .and_then(|s| s.split("</svg>").next())
        .unwrap_or_default();
    for drawn in [
        ">Supplier</text>",
        ">Below, tier 1</text>",
        ">Penang Electronics</text>",
        ">Chittagong Export P…</text>",
        ">Mill Gate 1</text>",
        ">Bangkok Staffing</text>",
    ] {
        assert!(svg.contains(drawn), "{drawn}: {svg}");
    }
    assert!(!svg.contains("Circuit board"), "no product on a supplier's map");
    let mill_map = officer.get(&format!("/suppliers/{mill}/map")).await.body;
    assert!(
        !mill_map.contains("Penang Electronics"),
        "its buyer is not below it"
    );

    // An advisor reads it in Spanish.
    let advisor = advisor_portal(&app, &company).await;
    advisor
        .post("/locale", &[("locale", "es"), ("back", map_path.as_str())])
        .await;
    let read = advisor.get(&map_path).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains(">Nivel 2</text>"), "{}", read.body);
    assert!(read.body.contains("El mapa como tabla"), "{}", read.body);

    // The company's supplier and another company see nothing.
    let supplier = Portal::new(&app, "en");
    supplier.login(&penang.email, "supplier-password-1").await;
    assert_eq!(supplier.get(&map_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(supplier.get(&supplier_map).await.status, StatusCode::NOT_FOUND);
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    assert_eq!(stranger.get(&map_path).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_product_nothing_makes_yet_has_an_empty_map() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let product = app.product_of(&company, "TS-1", "T-shirt").await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let page = officer.get(&format!("/products/{product}/map")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"chain-map-none\""), "{}", page.body);
    assert!(!page.body.contains("<svg class=\"chart supply-map\""));
    assert!(!page.body.contains("id=\"chain-map-table\""));
}
