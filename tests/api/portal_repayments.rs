//! Repayments on the portal's fee-audit page: the CSV upload (every bad row listed
//! beside the form, nothing stored), then each worker's progress; the supplier's
//! own users may record them too (as in the API), advisors and strangers may not.

use domain::entities::repayment;
use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::{
    fee_audits::{company_with_rates, uploaded_audit},
    helpers::{TestApp, spawn_app},
    portal_flow::{Portal, advisor_portal},
    portal_pages::upload_csv,
};

async fn stored(app: &TestApp) -> u64 {
    repayment::Entity::find().count(&app.db).await.unwrap()
}

/// The cells of a worker's row in the per-worker table.
fn worker_row<'a>(body: &'a str, worker: &str) -> &'a str {
    let at = body
        .find(&format!("<tr><td>{worker}</td>"))
        .unwrap_or_else(|| panic!("{worker}: {body}"));
    &body[at..at + body[at..].find("</tr>").unwrap()]
}

#[tokio::test]
async fn an_officer_records_repayments_sees_every_bad_row_then_each_workers_progress() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = app.supplier_with_user(&company, "Repay Co").await;
    let audit = uploaded_audit(&app, &company, &supplier.supplier_id).await;
    let page = format!("/fee-audits/{}", audit["id"].as_str().unwrap());
    let path = format!("{page}/repayments");
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let results = officer.get(&page).await;
    assert!(
        results.body.contains(&format!("action=\"{path}\"")),
        "the form is on the audit page"
    );
    assert!(
        worker_row(&results.body, "W1").contains("<td>0.00</td><td>967.50</td>"),
        "nothing repaid yet"
    );

    let (status, _, body) = upload_csv(&officer, &path, None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("id=\"repay-file-error\""), "{body}");
    // A worker who is not in the audit and a currency that does not exist.
    let bad = "worker_ref,amount,currency,paid_on\nW1,100,USD,2026-03-01\nW9,100,USD,2026-03-01\nW2,5,XYZ,2026-03-01\n";
    let (status, _, body) = upload_csv(&officer, &path, Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let table = &body[body.find("id=\"fee-rows\"").expect("the bad rows")..];
    assert!(table.contains("<td>3</td><td>worker_ref</td>"), "{table}");
    assert!(table.contains("<td>4</td><td>currency</td>"), "{table}");
    assert_eq!(stored(&app).await, 0, "nothing stored");

    let good = "worker_ref,amount,currency,paid_on\nW1,129000,NPR,2026-03-01\nW2,100,USD,2026-03-02\n";
    let (status, location, body) = upload_csv(&officer, &path, Some(good)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert_eq!(location, format!("{page}?repaid=1"));
    assert_eq!(stored(&app).await, 2);
    let after = officer.get(&location).await;
    assert!(
        after.body.contains("role=\"status\">Repayments recorded."),
        "{}",
        after.body
    );
    assert!(
        worker_row(&after.body, "W1").contains("<td>967.50</td><td>0.00</td>"),
        "W1 repaid"
    );
    assert!(
        worker_row(&after.body, "W4").contains("<td>0.00</td><td>300.00</td>"),
        "W4 still owed"
    );

    // The supplier's own user records one too; an advisor and a stranger may not.
    let own = Portal::new(&app, "en");
    own.login(&supplier.email, "supplier-password-1").await;
    let one = "worker_ref,amount,currency,paid_on\nW4,100,USD,2026-03-03\n";
    assert_eq!(upload_csv(&own, &path, Some(one)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app).await, 3);
    let advisor = advisor_portal(&app, &company).await;
    let shown = advisor.get(&page).await;
    assert_eq!(shown.status, StatusCode::OK, "advisors read the audit");
    assert!(
        !shown.body.contains(&format!("action=\"{path}\"")),
        "but get no form"
    );
    assert_eq!(
        upload_csv(&advisor, &path, Some(one)).await.0,
        StatusCode::FORBIDDEN
    );
    let other = app.registered_company().await;
    let stranger = Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    assert_eq!(
        upload_csv(&stranger, &path, Some(one)).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(stored(&app).await, 3, "nothing more stored");
}
