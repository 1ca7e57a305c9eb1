//! Corridor analytics over HTTP (api-contract.md, "Corridors"; fee-audit.md, "A
//! comparable indicator"): figures exact to the cent on hand-computed audits of
//! three suppliers in two countries, an older audit superseded, the hire-date
//! filter and its 422s, an empty company, who may read them, and the CSV and JSON
//! exports.

use serde_json::{Value, json};

use crate::{
    fee_audits::company_with_rates,
    fixtures::SupplierUser,
    helpers::{Company, TestApp, assert_problem, spawn_app},
};

const HEADER: &str = "worker_ref,nationality,recruiter,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,sex,monthly_earnings,deducted_from_wages,payee_type";

/// Supplier A, in Malaysia. At the shared rates (NPR 0.0075, MYR 0.2 USD):
/// - A1 (NP, female, hired 2026-02-01): NPR 40,000 fee (USD 300) + NPR 4,000 loan
///   interest (USD 30): fees 330; earns MYR 1,500 = USD 300: (330 − 30) / 300 = 1.
/// - A2 (NP, male, 2026-03-01): USD 70 to a clinic: fees 70; earnings not given, so
///   the wage MYR 1,000 = USD 200: 70 / 200 = 0.35.
/// - A3 (NP, female, 2026-03-01): paid nothing: 0.
/// - A4 (BD, male, 2026-02-10): USD 900: fees 900; earns USD 600: 1.5.
const SUPPLIER_A: &str = "\
A1,NP,Sunrise Manpower,2026-02-01,1000,MYR,recruitment_fee,40000,NPR,2026-01-05,female,1500,,recruiter
A1,NP,Sunrise Manpower,2026-02-01,1000,MYR,loan_interest,4000,NPR,2026-01-05,female,1500,,recruiter
A2,NP,City Clinic,2026-03-01,1000,MYR,medical,70,USD,2026-01-05,male,,,clinic
A3,NP,Sunrise Manpower,2026-03-01,1000,MYR,none,0,USD,2026-01-05,female,1200,,
A4,BD,Dhaka Links,2026-02-10,500,USD,recruitment_fee,900,USD,2026-01-10,male,600,,recruiter
";

/// Supplier B, in Thailand, its latest audit:
/// - B1 (NP, male, 2026-02-15): USD 1,000.01; earns USD 400: 2.500025.
/// - B2 (NP, female, 2026-03-20): NPR 20,000 = USD 150; earns USD 450: 1/3.
const SUPPLIER_B: &str = "\
B1,NP,Sunrise Manpower,2026-02-15,400,USD,recruitment_fee,1000.01,USD,2026-01-20,male,,,recruiter
B2,NP,Sunrise Manpower,2026-03-20,450,USD,recruitment_fee,20000,NPR,2026-01-15,female,,,recruiter
";

/// Supplier B's earlier audit: superseded, so neither its figures nor its Indian
/// worker may show.
const SUPPLIER_B_OLD: &str = "\
B1,NP,Sunrise Manpower,2026-02-15,400,USD,recruitment_fee,5000,USD,2026-01-20,male,,,recruiter
OLD1,IN,Delhi Jobs,2026-02-15,400,USD,recruitment_fee,800,USD,2026-01-20,male,,,recruiter
";

/// Supplier C, also in Thailand: C1 (NP, sex unknown, 2026-04-01) paid nothing.
const SUPPLIER_C: &str = "\
C1,NP,Bangkok Staffing,2026-04-01,500,USD,none,0,USD,2026-01-20,,,,
";

/// The corridors by hand (money and indicator rounded half away from zero, at the end):
///
/// - BD → MY: A4 alone: 1.50; mean fees 900.00.
/// - NP → MY: A1, A2, A3: (1 + 0.35 + 0) / 3 = 0.45; fees (330 + 70 + 0) / 3 =
///   133.333… → 133.33. Female A1, A3: 0.50, 165.00; male A2: 0.35, 70.00. Hired
///   2026-02: A1 1.00, 330.00; 2026-03: A2, A3 (0.35 + 0) / 2 = 0.175 → 0.18, 35.00.
/// - NP → TH: B1, B2 (supplier B) and C1 (supplier C): (2.500025 + 0.3333… + 0) / 3
///   = 0.94445… → 0.94 (the mean of the two suppliers' means would be (1.41667… +
///   0) / 2 = 0.71: not what fee-audit.md defines); fees (1000.01 + 150 + 0) / 3 =
///   383.33666… → 383.34. Female B2: 0.33, 150.00; male B1: 2.50, 1000.01; unknown C1:
///   0.00, 0.00. Hired 2026-02: B1; 2026-03: B2; 2026-04: C1.
fn expected_corridors() -> Value {
    let figures = |workers: u64, paid: u64, indicator: &str, fees: &str| {
        json!({"workers": workers, "workers_who_paid": paid, "workers_with_indicator": workers,
               "recruitment_cost_indicator": indicator, "mean_fees_usd": fees})
    };
    let with = |mut base: Value, key: &str, value: &str| {
        base[key] = json!(value);
        base
    };
    let corridor = |origin: &str, destination: &str, all: Value, by_sex: Vec<Value>, by_month: Vec<Value>| {
        let mut c = all;
        c["origin"] = json!(origin);
        c["destination"] = json!(destination);
        c["by_sex"] = json!(by_sex);
        c["by_hire_month"] = json!(by_month);
        c
    };
    json!([
        corridor(
            "BD",
            "MY",
            figures(1, 1, "1.50", "900.00"),
            vec![with(figures(1, 1, "1.50", "900.00"), "sex", "male")],
            vec![with(figures(1, 1, "1.50", "900.00"), "month", "2026-02")],
        ),
        corridor(
            "NP",
            "MY",
            figures(3, 2, "0.45", "133.33"),
            vec![
                with(figures(2, 1, "0.50", "165.00"), "sex", "female"),
                with(figures(1, 1, "0.35", "70.00"), "sex", "male"),
            ],
            vec![
                with(figures(1, 1, "1.00", "330.00"), "month", "2026-02"),
                with(figures(2, 1, "0.18", "35.00"), "month", "2026-03"),
            ],
        ),
        corridor(
            "NP",
            "TH",
            figures(3, 2, "0.94", "383.34"),
            vec![
                with(figures(1, 1, "0.33", "150.00"), "sex", "female"),
                with(figures(1, 1, "2.50", "1000.01"), "sex", "male"),
                with(figures(1, 0, "0.00", "0.00"), "sex", "unknown"),
            ],
            vec![
                with(figures(1, 1, "2.50", "1000.01"), "month", "2026-02"),
                with(figures(1, 1, "0.33", "150.00"), "month", "2026-03"),
                with(figures(1, 0, "0.00", "0.00"), "month", "2026-04"),
            ],
        ),
    ])
}

/// A supplier of the company in `country`; returns its id.
async fn supplier_in(app: &TestApp, company: &Company, name: &str, country: &str) -> String {
    let email = format!("contact-{}@example.org", uuid::Uuid::new_v4().simple());
    let response = app
        .create_supplier(
            company,
            &json!({"name": name, "country": country, "sector": "apparel_textiles", "contact_email": email}),
        )
        .await;
    assert_eq!(response.status(), 201, "create supplier");
    let created: Value = response.json().await.unwrap();
    created["id"].as_str().unwrap().to_string()
}

async fn audit(app: &TestApp, company: &Company, sid: &str, rows: &str) {
    let response = app
        .upload_fee_audit(sid, &company.token, &format!("{HEADER}\n{rows}"))
        .await;
    assert_eq!(response.status(), 201, "upload audit");
}

/// The company with the three suppliers audited (B twice) and a supplier user of A
/// (shared with the portal's and the browser's corridor tests).
pub(crate) async fn audited_company(app: &TestApp) -> (Company, SupplierUser) {
    let company = company_with_rates(app).await;
    let a = app.supplier_with_user(&company, "Penang Electronics").await;
    audit(app, &company, &a.supplier_id, SUPPLIER_A).await;
    let b = supplier_in(app, &company, "Bangkok Garments", "TH").await;
    audit(app, &company, &b, SUPPLIER_B_OLD).await;
    audit(app, &company, &b, SUPPLIER_B).await;
    let c = supplier_in(app, &company, "Chonburi Knits", "TH").await;
    audit(app, &company, &c, SUPPLIER_C).await;
    (company, a)
}

async fn corridors(app: &TestApp, company: &Company, token: &str, query: &str) -> reqwest::Response {
    app.get_api(
        &format!("/companies/{}/analytics/corridors{query}", company.id),
        Some(token),
    )
    .await
}

/// `GET /companies/{cid}/exports/{file}` as the company's admin.
async fn exported(app: &TestApp, company: &Company, file: &str) -> reqwest::Response {
    app.get_api(
        &format!("/companies/{}/exports/{file}", company.id),
        Some(&company.token),
    )
    .await
}

async fn ok_json(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn corridors_are_exact_to_the_cent_over_the_latest_audit_of_each_supplier() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let body = ok_json(corridors(&app, &company, &company.token, "").await).await;
    assert_eq!(body, expected_corridors());
}

#[tokio::test]
async fn the_hire_dates_pick_workers_and_bad_ones_are_named() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    // March 2026: A2, A3 (NP → MY: (0.35 + 0) / 2 = 0.175 → 0.18, fees 70 / 2 = 35.00)
    // and B2 (NP → TH: 0.33, 150.00); nobody of BD → MY.
    let march =
        ok_json(corridors(&app, &company, &company.token, "?from=2026-03-01&to=2026-03-31").await).await;
    let summary: Vec<(String, String, u64, String, String)> = march
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["origin"].as_str().unwrap().to_string(),
                c["destination"].as_str().unwrap().to_string(),
                c["workers"].as_u64().unwrap(),
                c["recruitment_cost_indicator"].as_str().unwrap().to_string(),
                c["mean_fees_usd"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("NP".into(), "MY".into(), 2, "0.18".into(), "35.00".into()),
            ("NP".into(), "TH".into(), 1, "0.33".into(), "150.00".into()),
        ]
    );
    // Both ends are included: from the day C1 was hired, C1 alone.
    let april = ok_json(corridors(&app, &company, &company.token, "?from=2026-04-01").await).await;
    assert_eq!(april.as_array().unwrap().len(), 1);
    assert_eq!(april[0]["workers"], json!(1));

    for (query, field) in [
        ("?from=2026-02-30", "from"),
        ("?to=March", "to"),
        ("?from=2026-04-01&to=2026-03-01", "from"),
    ] {
        let problem = assert_problem(corridors(&app, &company, &company.token, query).await, 422).await;
        assert_eq!(problem["errors"][0]["field"], json!(field), "{query}");
    }
}

#[tokio::test]
async fn a_company_without_fee_audits_has_no_corridors() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    supplier_in(&app, &company, "Not Audited Yet", "TH").await;
    let body = ok_json(corridors(&app, &company, &company.token, "").await).await;
    assert_eq!(body, json!([]));
}

#[tokio::test]
async fn staff_read_corridors_and_nobody_else_does() {
    let app = spawn_app().await;
    let (company, supplier) = audited_company(&app).await;
    let supplier_token = supplier.token;
    let advisor = app.advisor_of(&company).await;
    assert_eq!(
        ok_json(corridors(&app, &company, &advisor, "").await).await,
        expected_corridors()
    );
    // A supplier never sees the company's dashboards; another company, nor this one.
    assert_problem(corridors(&app, &company, &supplier_token, "").await, 404).await;
    let stranger = app.registered_company().await;
    assert_problem(corridors(&app, &company, &stranger.token, "").await, 404).await;
    assert_eq!(
        ok_json(corridors(&app, &stranger, &stranger.token, "").await).await,
        json!([])
    );
    let anonymous = app
        .get_api(&format!("/companies/{}/analytics/corridors", company.id), None)
        .await;
    assert_eq!(anonymous.status(), 401);
    for export in ["corridors.csv", "corridors.json"] {
        let path = format!("/companies/{}/exports/{export}", company.id);
        assert_problem(app.get_api(&path, Some(&stranger.token)).await, 404).await;
        assert_problem(app.get_api(&path, Some(&supplier_token)).await, 404).await;
    }
}

#[tokio::test]
async fn corridors_export_as_csv_and_json() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let csv = exported(&app, &company, "corridors.csv").await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[..6],
        [
            "origin,destination,sex,hire_month,workers,workers_who_paid,workers_with_indicator,recruitment_cost_indicator,mean_fees_usd",
            "BD,MY,,,1,1,1,1.50,900.00",
            "BD,MY,male,,1,1,1,1.50,900.00",
            "BD,MY,,2026-02,1,1,1,1.50,900.00",
            "NP,MY,,,3,2,3,0.45,133.33",
            "NP,MY,female,,2,1,2,0.50,165.00",
        ]
    );
    assert!(lines.contains(&"NP,TH,,,3,2,3,0.94,383.34"));
    assert!(lines.contains(&"NP,TH,,2026-04,1,0,1,0.00,0.00"));
    // The header, 3 corridors, their 1 + 2 + 3 sexes and 1 + 2 + 3 months, and the
    // empty rest after the last CRLF.
    assert_eq!(lines.len(), 1 + 3 + 6 + 6 + 1);
    assert_eq!(lines.last(), Some(&""));

    let filtered = exported(&app, &company, "corridors.json?from=2026-03-01&to=2026-03-31").await;
    assert_eq!(filtered.status(), 200);
    assert!(
        filtered.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("corridors.json")
    );
    let export: Value = filtered.json().await.unwrap();
    assert_eq!(
        (&export["from"], &export["to"]),
        (&json!("2026-03-01"), &json!("2026-03-31"))
    );
    let march =
        ok_json(corridors(&app, &company, &company.token, "?from=2026-03-01&to=2026-03-31").await).await;
    assert_eq!(export["corridors"], march);
    let bad = exported(&app, &company, "corridors.csv?to=soon").await;
    assert_eq!(assert_problem(bad, 422).await["errors"][0]["field"], json!("to"));
}
