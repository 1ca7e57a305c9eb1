//! Modern-slavery statements in the portal (issue #21): an officer drafts one
//! (a bad period answered beside the field in the reader's language, nothing
//! stored), reads every section with its figures, edits a section (an empty text
//! refused beside it), sees the versions and downloads the PDF and DOCX; an
//! advisor reads without the forms and is refused an edit; another company gets 404.

use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::{
    helpers::spawn_app,
    portal_flow::{Portal, advisor_portal},
};

#[tokio::test]
async fn an_officer_drafts_edits_and_downloads_a_statement_and_an_advisor_reads_it() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    app.supplier_with_user(&company, "Tejidos del Norte").await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let list = format!("/companies/{}/statements", company.id);

    let page = officer.get(&list).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Draft a statement"), "{}", page.body);
    assert!(
        page.body.contains(&format!("href=\"{list}\"")),
        "in the navigation"
    );

    let refused = officer
        .post(
            &list,
            &[
                ("regime", "uk_msa"),
                ("period_start", "2026-12-31"),
                ("period_end", "2026-01-01"),
                ("locale", "en"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("id=\"period_end-error\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("not before the first"), "{}", refused.body);
    assert!(
        refused.body.contains("value=\"2026-12-31\""),
        "what was typed is kept"
    );
    let spanish = Portal::new(&app, "es");
    spanish.login(&company.email, "a-long-password-1").await;
    let refused = spanish
        .post(
            &list,
            &[
                ("regime", "xx"),
                ("period_start", "2026-01-01"),
                ("period_end", "2026-12-31"),
                ("locale", "en"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Elija una de las tres leyes."),
        "{}",
        refused.body
    );
    assert_eq!(
        domain::entities::statement::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );

    let drafted = officer
        .post(
            &list,
            &[
                ("regime", "uk_msa"),
                ("period_start", "2026-01-01"),
                ("period_end", "2026-12-31"),
                ("locale", "fr"),
            ],
        )
        .await;
    assert_eq!(drafted.status, StatusCode::SEE_OTHER, "{}", drafted.body);
    let statement = drafted.location.clone();
    let shown = officer.get(&statement).await;
    assert_eq!(shown.status, StatusCode::OK);
    for title in [
        "Structure de l'organisation",
        "Politiques relatives à l'esclavage",
        "Processus de diligence raisonnable",
        "Efficacité, mesurée par des indicateurs",
        "Formation sur l'esclavage",
    ] {
        let escaped = title.replace('\'', "&#39;");
        assert!(shown.body.contains(&escaped), "{title}: {}", shown.body);
    }
    assert!(shown.body.contains("being prepared"), "{}", shown.body);
    assert!(
        shown.body.contains("legislation.gov.uk"),
        "each area cites its source"
    );

    app.run_jobs().await;
    let shown = officer.get(&statement).await;
    assert!(
        shown.body.contains(&format!("href=\"{statement}/pdf\"")),
        "{}",
        shown.body
    );
    let pdf = officer
        .client
        .get(format!("{}{statement}/pdf", officer.base))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
    let docx = officer
        .client
        .get(format!("{}{statement}/docx", officer.base))
        .send()
        .await
        .unwrap();
    assert_eq!(docx.status(), StatusCode::OK);
    assert!(docx.bytes().await.unwrap().starts_with(b"PK\x03\x04"));

    let section = format!("{statement}/sections/policies");
    let empty = officer.post(&section, &[("text", "   ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty.body.contains("id=\"text-policies-error\""),
        "{}",
        empty.body
    );
    let saved = officer
        .post(
            &section,
            &[("text", "Our supplier code forbids recruitment fees.")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let shown = officer.get(&statement).await;
    assert!(shown.body.contains("Our supplier code forbids recruitment fees."));
    assert!(shown.body.contains("Version 2,"), "{}", shown.body);
    assert!(shown.body.contains("Revision 2"), "{}", shown.body);

    let advisor = advisor_portal(&app, &company).await;
    let read = advisor.get(&statement).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Our supplier code forbids recruitment fees."));
    assert!(!read.body.contains("<textarea"), "advisors read");
    let refused = advisor.post(&section, &[("text", "An advisor's text")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let other = app.registered_company().await;
    let outsider = Portal::new(&app, "en");
    outsider.login(&other.email, "a-long-password-1").await;
    assert_eq!(outsider.get(&statement).await.status, StatusCode::NOT_FOUND);
    assert_eq!(outsider.get(&list).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        outsider.post(&section, &[("text", "x")]).await.status,
        StatusCode::NOT_FOUND
    );
}
