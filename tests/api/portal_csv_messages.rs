//! The refused rows of a CSV upload are explained in the visitor's language: FX
//! rates, a fee audit and repayments in Spanish and French, each message with the
//! cell it quotes; the API's problem+json keeps its English text.

use reqwest::StatusCode;

use crate::{
    fee_audits::{AUDIT, company_with_rates, uploaded_audit},
    helpers::spawn_app,
    portal_flow::Portal,
    portal_pages::upload_csv,
};

/// As the page shows it (askama escapes the quotes).
fn html(text: &str) -> String {
    text.replace('\'', "&#39;")
}

/// Switches the officer's language (a setting of the user, so it wins over the
/// browser's).
async fn speak(officer: &Portal, locale: &str) {
    let switched = officer.post("/locale", &[("locale", locale)]).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
}

/// The table of refused rows on the page.
fn refused_rows(body: &str) -> &str {
    &body[body.find("id=\"fee-rows\"").expect("the bad rows")..]
}

#[tokio::test]
async fn portal_refused_csv_rows_are_explained_in_the_visitors_language() {
    let app = spawn_app().await;
    let company = company_with_rates(&app).await;
    let supplier = app.supplier_with_user(&company, "Words Co").await;
    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;

    // FX rates: an unknown currency, a date that is not one, a zero rate.
    let rates = format!("/companies/{}/fx-rates", company.id);
    let bad = "currency,date,usd_per_unit\nABC,2026-01-01,1\nMYR,2026-13-01,0\n";
    speak(&officer, "es").await;
    let (status, _, body) = upload_csv(&officer, &rates, Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let table = refused_rows(&body);
    for text in [
        "'ABC' no es un código de moneda ISO 4217",
        "'2026-13-01' no es una fecha (escríbala AAAA-MM-DD, p. ej. 2026-01-15)",
        "'0' debe ser mayor que 0",
    ] {
        assert!(table.contains(&html(text)), "{text}: {table}");
    }
    assert!(!table.contains("is not an ISO 4217"), "no English left: {table}");
    speak(&officer, "fr").await;
    let (_, _, body) = upload_csv(&officer, &rates, Some(bad)).await;
    assert!(
        refused_rows(&body).contains(&html("'ABC' n'est pas un code de devise ISO 4217")),
        "{body}"
    );

    // A fee audit: a thousands separator, an unknown category, a worker whose
    // nationality changes between rows.
    let upload = format!("/suppliers/{}/fee-audits", supplier.supplier_id);
    let audit = AUDIT
        .replace("1000,USD,travel_lodging,300", "1000,USD,bribe,\"1,500\"")
        .replace(
            "W1,NP,Sunrise Manpower,NP,2026-02-01,1500,MYR,medical",
            "W1,BD,Sunrise Manpower,NP,2026-02-01,1500,MYR,medical",
        );
    speak(&officer, "es").await;
    let (status, _, body) = upload_csv(&officer, &upload, Some(&audit)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let table = refused_rows(&body);
    assert!(
        table.contains(&html("'bribe' no es una categoría; use una de:")),
        "{table}"
    );
    assert!(
        table.contains(&html("'1,500' no es un número (escríbalo como 1234.50")),
        "{table}"
    );
    assert!(
        table.contains("difiere de la fila 2 del trabajador W1, que indica NP"),
        "{table}"
    );
    speak(&officer, "fr").await;
    let (_, _, body) = upload_csv(&officer, &upload, Some(&audit)).await;
    assert!(
        refused_rows(&body).contains("diffère de la ligne 2 du travailleur W1, qui indique NP"),
        "{body}"
    );

    // Repayments: a worker not in the audit, a date in the future.
    let stored = uploaded_audit(&app, &company, &supplier.supplier_id).await;
    let repay = format!("/fee-audits/{}/repayments", stored["id"].as_str().unwrap());
    let bad = "worker_ref,amount,currency,paid_on\nW9,100,USD,2026-03-01\nW1,100,USD,2999-01-01\n";
    let (status, _, body) = upload_csv(&officer, &repay, Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let table = refused_rows(&body);
    assert!(
        table.contains(&html("aucun travailleur 'W9' dans cet audit")),
        "{table}"
    );
    assert!(table.contains("2999-01-01 est après aujourd&#39;hui"), "{table}");

    // The API answers the same file in English, whatever the language asked for.
    let api = app
        .client
        .post(app.url(&format!("/api/v1/companies/{}/fx-rates", company.id)))
        .bearer_auth(&company.token)
        .header("content-type", "text/csv")
        .header("accept-language", "es")
        .body("currency,date,usd_per_unit\nABC,2026-01-01,1\n")
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 422);
    let text = api.text().await.unwrap();
    assert!(text.contains("'ABC' is not an ISO 4217 currency code"), "{text}");
}
