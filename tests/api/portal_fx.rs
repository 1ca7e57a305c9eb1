//! The portal's FX-rates page: the upload (every bad row listed beside the form,
//! nothing stored), the list by currency and page; strangers get 404s, advisors
//! and suppliers are refused.

use domain::entities::fx_rate;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{
    helpers::{TestApp, spawn_app},
    portal_flow::{Portal, outsiders, situation},
    portal_pages::upload_csv,
};

async fn count(app: &TestApp, company: &str) -> u64 {
    fx_rate::Entity::find()
        .filter(fx_rate::Column::CompanyId.eq(uuid::Uuid::parse_str(company).unwrap()))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_officer_uploads_fx_rates_sees_every_bad_row_then_lists_them_by_currency() {
    let app = spawn_app().await;
    let s = situation(&app, "Rates Co").await;
    let officer = Portal::new(&app, "en");
    officer.login(&s.company.email, "a-long-password-1").await;
    let path = format!("/companies/{}/fx-rates", s.company.id);
    let page = officer.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("No rates."), "{}", page.body);
    assert!(
        page.body.contains(&format!("href=\"{path}\"")),
        "in the navigation"
    );

    let (status, _, body) = upload_csv(&officer, &path, None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("id=\"fx-file-error\""), "{body}");
    let bad = "currency,date,usd_per_unit\nNPR,2026-01-01,0.0075\nABC,2026-01-01,1\nMYR,2026-13-01,0\n";
    let (status, _, body) = upload_csv(&officer, &path, Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // Each problem, with its line and column.
    assert!(body.contains("3 row(s) need fixing"), "{body}");
    for line in [
        "<td>3</td><td>currency</td>",
        "<td>4</td><td>date</td>",
        "<td>4</td><td>usd_per_unit</td>",
    ] {
        assert!(body.contains(line), "{line}: {body}");
    }
    assert_eq!(count(&app, &s.company.id).await, 0, "nothing stored");

    // 60 NPR rates (two pages) and one MYR rate.
    let mut csv = String::from("currency,date,usd_per_unit\nMYR,2026-01-01,0.21\n");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for day in 0..60 {
        csv.push_str(&format!("NPR,{},0.0075\n", start + chrono::Duration::days(day)));
    }
    let (status, location, body) = upload_csv(&officer, &path, Some(&csv)).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert_eq!(location, format!("{path}?stored=61"));
    assert_eq!(count(&app, &s.company.id).await, 61);
    let list = officer.get(&location).await;
    assert!(list.body.contains("61 rate(s) stored."), "{}", list.body);
    assert!(list.body.contains("Page 1 of 2"));

    let myr = officer.get(&format!("{path}?currency=myr")).await;
    assert_eq!(myr.status, StatusCode::OK);
    assert!(
        myr.body.contains("<td>MYR</td>") && !myr.body.contains("<td>NPR</td>"),
        "{}",
        myr.body
    );
    assert!(myr.body.contains("0.21") && !myr.body.contains("Page 1 of"));
    let npr = officer.get(&format!("{path}?currency=NPR&page=2")).await;
    assert!(
        npr.body.contains("Page 2 of 2") && npr.body.contains("<td>2026-01-01</td>"),
        "oldest last"
    );
    let wrong = officer.get(&format!("{path}?currency=dollars")).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"fx-currency-error\"") && wrong.body.contains("value=\"dollars\""));

    for (who, status) in outsiders(&app, &s).await {
        assert_eq!(who.get(&path).await.status, status);
        let (refused, _, _) = upload_csv(
            &who,
            &path,
            Some("currency,date,usd_per_unit\nEUR,2026-01-01,1.1\n"),
        )
        .await;
        assert_eq!(refused, status);
    }
    assert_eq!(count(&app, &s.company.id).await, 61, "nothing changed");
}
