//! Sites in the portal (issue #25): the supplier page lists them; an officer adds
//! one (a bad field answered next to the field, nothing stored), matches it
//! against the fake Open Supply Hub, sees Open Supply Hub's record beside ours,
//! chooses among candidates, edits and deletes; the supplier's own user reads the
//! site page without the forms.

use reqwest::StatusCode;

use crate::{
    helpers::{Options, spawn_app_with},
    os_hub_fake::{self, TOKEN},
    portal_flow::Portal,
};

#[tokio::test]
async fn an_officer_adds_matches_edits_and_deletes_a_site() {
    let hub = os_hub_fake::start();
    let app = spawn_app_with(Options {
        os_hub: Some((hub.url.clone(), TOKEN.to_string())),
        ..Options::default()
    })
    .await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Dhaka Knitwear").await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let create = format!("/suppliers/{}/sites", supplier.supplier_id);

    let refused = officer
        .post(
            &create,
            &[
                ("name", "Gazipur Knit"),
                ("address", "EPZ"),
                ("country", "BD"),
                ("latitude", "north"),
                ("longitude", "90.4"),
                ("headcount", "850"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"latitude-error\""), "{}", refused.body);
    assert!(
        refused.body.contains("value=\"Gazipur Knit\""),
        "what was typed is kept"
    );

    let added = officer
        .post(
            &create,
            &[
                ("name", "Gazipur Knit"),
                ("address", "EPZ"),
                ("country", "BD"),
                ("latitude", "23.9"),
                ("longitude", "90.4"),
                ("headcount", "850"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let site_page = added.location.clone();
    let listed = officer.get(&format!("/suppliers/{}", supplier.supplier_id)).await;
    assert!(
        listed.body.contains(&format!("href=\"{site_page}\"")),
        "{}",
        listed.body
    );
    let unlinked = officer.get(&site_page).await;
    assert!(
        unlinked.body.contains("No OS ID linked yet."),
        "{}",
        unlinked.body
    );

    let matched = officer.post(&format!("{site_page}/os-hub/match"), &[]).await;
    assert_eq!(matched.status, StatusCode::SEE_OTHER);
    let shown = officer.get(&matched.location).await;
    assert!(shown.body.contains("its OS ID is now linked"), "{}", shown.body);
    assert!(shown.body.contains("<code id=\"os-id\">BD2021079AAAAAA</code>"));
    assert!(
        shown.body.contains("SEDEX, Better Work (ILO/IFC)"),
        "Open Supply Hub's record beside ours"
    );
    assert!(shown.body.contains("<td id=\"os-claim\">claimed</td>"));

    // A second site with several candidates: choose one.
    let second = officer
        .post(
            &create,
            &[
                ("name", "Chittagong Garments"),
                ("address", "Port Road"),
                ("country", "BD"),
                ("headcount", "40"),
            ],
        )
        .await;
    let second_page = second.location.clone();
    let ambiguous = officer.post(&format!("{second_page}/os-hub/match"), &[]).await;
    let offered = officer.get(&ambiguous.location).await;
    assert!(
        offered.body.contains("several sites like this one"),
        "{}",
        offered.body
    );
    assert!(offered.body.contains("BD2021079CCCCCC"));
    let chosen = officer.post(&second_page, &[("os_id", "BD2021079CCCCCC")]).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER, "{}", chosen.body);
    assert!(
        officer
            .get(&second_page)
            .await
            .body
            .contains("<code id=\"os-id\">BD2021079CCCCCC</code>")
    );

    // The supplier's own user reads the page, without the forms.
    let own = Portal::new(&app, "en");
    own.login(&supplier.email, "supplier-password-1").await;
    let read = own.get(&site_page).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(
        !read.body.contains("os-hub/match"),
        "no match button for a reader"
    );

    let deleted = officer.post(&format!("{second_page}/delete"), &[]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(officer.get(&second_page).await.status, StatusCode::NOT_FOUND);
}
