//! Products in the portal (issue #21): an officer finds the empty list from the
//! navigation, adds a product (a bad HS code answered next to the field, what was
//! typed kept, nothing stored), links the supplier that makes it at one of its
//! sites, and reads the chain with the sub-tier suppliers and origins recorded
//! through the API; a SKU already taken is answered next to the field; an
//! advisor reads the page without the forms, in Spanish; another company's
//! officer gets 404.

use reqwest::StatusCode;
use serde_json::json;

use crate::{
    helpers::spawn_app,
    portal_flow::{Portal, advisor_portal},
};

#[tokio::test]
async fn an_officer_adds_a_product_links_its_maker_and_reads_the_chain() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let list_path = format!("/companies/{}/products", company.id);

    let home = officer.get(&format!("/companies/{}", company.id)).await;
    assert!(
        home.body.contains(&format!("href=\"{list_path}\"")),
        "products in the navigation"
    );
    let empty = officer.get(&list_path).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("id=\"products-none\""), "{}", empty.body);

    let refused = officer
        .post(
            &list_path,
            &[("name", "Polo shirt"), ("sku", "PL-1"), ("hs_code", "61A")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"hs_code-error\""), "{}", refused.body);
    assert!(
        refused.body.contains("value=\"Polo shirt\""),
        "what was typed is kept"
    );
    assert!(
        officer
            .get(&list_path)
            .await
            .body
            .contains("id=\"products-none\""),
        "nothing stored"
    );

    let added = officer
        .post(
            &list_path,
            &[
                ("name", "Polo shirt"),
                ("sku", "PL-1"),
                ("hs_code", "6105.10"),
                ("description", "Pique cotton"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let page_path = added.location.clone();
    assert!(
        officer
            .get(&list_path)
            .await
            .body
            .contains(&format!("href=\"{page_path}\""))
    );
    let taken = officer
        .post(&list_path, &[("name", "Other"), ("sku", "PL-1")])
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.body.contains("id=\"sku-error\""), "{}", taken.body);

    let maker = app.plain_supplier(&company, "Dhaka Knitwear", "BD").await;
    let site = app.site_of(&company, &maker, "Gazipur Plant", "BD").await;
    let mill = app.plain_supplier(&company, "Chittagong Fabric Mill", "BD").await;
    let linked = officer
        .post(
            &format!("{page_path}/links"),
            &[
                ("supplier_id", maker.as_str()),
                ("site_id", site.as_str()),
                ("role", "assembly"),
            ],
        )
        .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{}", linked.body);
    // A site of another supplier is answered beside the site field.
    let wrong_site = officer
        .post(
            &format!("{page_path}/links"),
            &[
                ("supplier_id", mill.as_str()),
                ("site_id", site.as_str()),
                ("role", "component"),
            ],
        )
        .await;
    assert_eq!(wrong_site.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong_site.body.contains("id=\"link-site_id-error\""),
        "{}",
        wrong_site.body
    );

    let sub = app
        .post_json(
            &format!("/suppliers/{maker}/sub-suppliers"),
            Some(&company.token),
            &json!({"supplier_id": mill, "material": "knitted fabric"}),
        )
        .await;
    assert_eq!(sub.status(), 201);
    // An origin through the form: the share is typed in percent.
    let bad_share = officer
        .post(
            &format!("{page_path}/origins"),
            &[("material", "cotton"), ("country", "IN"), ("share", "most")],
        )
        .await;
    assert_eq!(bad_share.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad_share.body.contains("id=\"origin-share-error\""),
        "{}",
        bad_share.body
    );
    let origin = officer
        .post(
            &format!("{page_path}/origins"),
            &[("material", "cotton"), ("country", "IN"), ("share", "75")],
        )
        .await;
    assert_eq!(origin.status, StatusCode::SEE_OTHER, "{}", origin.body);

    let page = officer.get(&page_path).await;
    assert_eq!(page.status, StatusCode::OK);
    let makers = page.body.split("id=\"chain-makers\"").nth(1).unwrap_or_default();
    assert!(
        makers.contains("Dhaka Knitwear") && makers.contains("Gazipur Plant") && makers.contains("Assembly")
    );
    let tiers = page.body.split("id=\"chain-tiers\"").nth(1).unwrap_or_default();
    assert!(
        tiers.contains("<td>2</td>")
            && tiers.contains("Chittagong Fabric Mill")
            && tiers.contains("knitted fabric")
    );
    let origins = page.body.split("id=\"chain-origins\"").nth(1).unwrap_or_default();
    assert!(origins.contains("India") && origins.contains("75 %"), "{origins}");
    assert!(page.body.contains("<code id=\"product-sku\">PL-1</code>"));
    assert!(page.body.contains("<dd id=\"product-hs\">610510</dd>"));

    let edited = officer
        .post(&page_path, &[("name", "Polo shirt, short sleeves")])
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    assert!(
        officer
            .get(&page_path)
            .await
            .body
            .contains("<h1>Polo shirt, short sleeves</h1>")
    );

    // An advisor reads the chain, without the forms, in Spanish.
    let advisor = advisor_portal(&app, &company).await;
    advisor
        .post("/locale", &[("locale", "es"), ("back", page_path.as_str())])
        .await;
    let read = advisor.get(&page_path).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Cadena de suministro"), "{}", read.body);
    assert!(read.body.contains("Montaje"), "the role in Spanish");
    assert!(!read.body.contains("/links\""), "no link form for a reader");

    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    assert_eq!(stranger.get(&page_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(stranger.get(&list_path).await.status, StatusCode::NOT_FOUND);
}
