//! A supplier's evidence packs in the portal (issue #21): an officer finds the
//! page from the supplier's page, sees the empty state, is answered beside the
//! field for a bad regime (nothing stored), requests a pack, sees it queued (its
//! files 409), the worker renders it, the page shows it ready with its PDF, JSON
//! and ZIP, and the PDF downloads (audited); a pack that failed shows the reason;
//! an advisor reads in Spanish; the supplier's own user is refused (403) and sees
//! no pack, another company gets 404.

use domain::entities::{audit_event, evidence_pack};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{
    helpers::spawn_app,
    portal_flow::{Portal, advisor_portal},
};

#[tokio::test]
async fn an_officer_requests_a_pack_and_downloads_it_when_the_worker_has_rendered_it() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Tejidos del Norte").await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let list = format!("/suppliers/{}/evidence-packs", supplier.supplier_id);

    let supplier_page = officer.get(&format!("/suppliers/{}", supplier.supplier_id)).await;
    assert!(
        supplier_page.body.contains(&format!("href=\"{list}\"")),
        "the supplier page links to its packs"
    );
    let empty = officer.get(&list).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    assert!(empty.body.contains("id=\"packs-none\""), "{}", empty.body);

    let refused = officer.post(&list, &[("regime", "wro"), ("locale", "en")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"regime-error\""), "{}", refused.body);
    assert!(
        refused.body.contains("Choose US Customs (UFLPA)"),
        "{}",
        refused.body
    );
    let refused = officer
        .post(&list, &[("regime", "uflpa"), ("locale", "de")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"locale-error\""), "{}", refused.body);
    assert_eq!(evidence_pack::Entity::find().count(&app.db).await.unwrap(), 0);

    let requested = officer
        .post(&list, &[("regime", "uflpa"), ("locale", "en")])
        .await;
    assert_eq!(requested.status, StatusCode::SEE_OTHER, "{}", requested.body);
    assert_eq!(requested.location, format!("{list}?requested=1"));
    let queued = officer.get(&requested.location).await;
    assert!(queued.body.contains("id=\"packs-requested\""), "{}", queued.body);
    let pack = evidence_pack::Entity::find().one(&app.db).await.unwrap().unwrap();
    let row = queued
        .body
        .split(&format!("id=\"pack-{}\"", pack.id))
        .nth(1)
        .unwrap_or_default();
    assert!(
        row.contains("US Customs (UFLPA)") && row.contains(">queued<"),
        "{row}"
    );
    assert!(!row.contains("/pdf\""), "no file before it is ready");
    let pdf_path = format!("/evidence-packs/{}/pdf", pack.id);
    assert_eq!(officer.get(&pdf_path).await.status, StatusCode::CONFLICT);

    app.run_jobs().await;
    let ready = officer.get(&list).await;
    let row = ready
        .body
        .split(&format!("id=\"pack-{}\"", pack.id))
        .nth(1)
        .unwrap_or_default();
    assert!(row.contains(">ready<"), "{row}");
    for format in ["pdf", "json", "zip"] {
        assert!(
            row.contains(&format!("href=\"/evidence-packs/{}/{format}\"", pack.id)),
            "{format}: {row}"
        );
    }
    let pdf = officer
        .client
        .get(format!("{}{pdf_path}", officer.base))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let zip = officer.get(&format!("/evidence-packs/{}/zip", pack.id)).await;
    assert_eq!(zip.status, StatusCode::OK);
    assert_eq!(
        officer
            .get(&format!("/evidence-packs/{}/docx", pack.id))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let downloads = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("evidence_pack.downloaded"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(downloads, 2, "the PDF and the ZIP");

    // A pack that failed says why.
    let mut failed: evidence_pack::ActiveModel = pack.clone().into();
    failed.id = Set(uuid::Uuid::now_v7());
    failed.status = Set("failed".into());
    failed.error = Set(Some("the file store did not answer".into()));
    failed.pdf_key = Set(None);
    let failed = failed.insert(&app.db).await.unwrap();
    let shown = officer.get(&list).await;
    let row = shown
        .body
        .split(&format!("id=\"pack-{}\"", failed.id))
        .nth(1)
        .unwrap_or_default();
    assert!(
        row.contains("could not be produced: the file store did not answer"),
        "{row}"
    );
    assert_eq!(
        officer
            .get(&format!("/evidence-packs/{}/pdf", failed.id))
            .await
            .status,
        StatusCode::CONFLICT
    );

    // An advisor reads it in Spanish.
    let advisor = advisor_portal(&app, &company).await;
    advisor
        .post("/locale", &[("locale", "es"), ("back", list.as_str())])
        .await;
    let read = advisor.get(&list).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(
        read.body.contains("Expedientes de pruebas") && read.body.contains(">listo<"),
        "{}",
        read.body
    );

    // The supplier's own user is refused the list (403, as the API answers: the
    // supplier is theirs, its packs are the company's) and sees no pack; another
    // company sees nothing.
    let own = Portal::new(&app, "en");
    own.login(&supplier.email, "supplier-password-1").await;
    assert_eq!(own.get(&list).await.status, StatusCode::FORBIDDEN);
    assert_eq!(own.get(&pdf_path).await.status, StatusCode::NOT_FOUND);
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    assert_eq!(stranger.get(&list).await.status, StatusCode::NOT_FOUND);
    assert_eq!(stranger.get(&pdf_path).await.status, StatusCode::NOT_FOUND);
}
