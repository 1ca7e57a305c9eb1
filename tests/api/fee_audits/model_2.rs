//! The additions of scoring model 2 over HTTP (fee-audit.md, "Additions"): the
//! recruitment cost indicator in the POST and GET bodies, stale and too-old rates,
//! the zero-tolerance finding for fees recovered through wages, payees that are no
//! recruiters, and bad values of the new columns (422, nothing stored).

use domain::entities::{fee_audit, fee_audit_line_chunk, fee_audit_worker_chunk, finding};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use super::{add_supplier, company_with_rates, count};
use crate::helpers::assert_problem;

const HEADER: &str = "worker_ref,nationality,recruiter,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,sex,monthly_earnings,deducted_from_wages,payee_type";

/// At the shared rates (NPR 0.0075, MYR 0.2 USD from 2026-01-01), for a supplier in
/// Malaysia, by hand:
/// - W1 (NP, female): NPR 40,000 fee (USD 300) + NPR 4,000 loan interest (USD 30);
///   earns MYR 1,500 = USD 300: (330 − 30) / 300 = 1.
/// - W2 (NP, male): USD 70 to a clinic; earnings not given, the wage MYR 1,000 = USD
///   200: 70 / 200 = 0.35.
/// - W3 (NP, female): paid nothing: 0.
/// - W4 (BD, male): USD 900 to a sub-agent, taken from wages; earns USD 600: 1.5.
///
/// Overall (1 + 0.35 + 0 + 1.5) / 4 = 0.7125 → 0.71; NP → MY 1.35 / 3 = 0.45; BD → MY
/// 1.50; female (1 + 0) / 2 = 0.50; male (0.35 + 1.5) / 2 = 0.925 → 0.93.
const AUDIT: &str = "\
W1,NP,Sunrise Manpower,2026-02-01,1000,MYR,recruitment_fee,40000,NPR,2026-01-05,female,1500,,recruiter
W1,NP,Sunrise Manpower,2026-02-01,1000,MYR,loan_interest,4000,NPR,2026-01-05,female,1500,no,
W2,NP,City Clinic,2026-02-01,1000,MYR,medical,70,USD,2026-01-05,male,,,clinic
W3,NP,Sunrise Manpower,2026-02-01,1000,MYR,none,0,USD,2026-01-05,female,1200,,
W4,BD,Sub Agent B,2026-02-10,500,USD,recruitment_fee,900,USD,2026-01-10,male,600,yes,sub_agent
";

fn upload(rows: &str) -> String {
    format!("{HEADER}\n{rows}")
}

#[tokio::test]
async fn the_indicator_is_in_the_bodies_and_deductions_raise_a_zero_tolerance_finding() {
    let app = crate::helpers::spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Model Two Ltd").await;
    let response = app.upload_fee_audit(&sid, &company.token, &upload(AUDIT)).await;
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    let read: Value = app.get_fee_audit(&id, &company.token).await.json().await.unwrap();

    for body in [&created, &read] {
        let s = &body["summary"];
        assert_eq!(s["recruitment_cost_indicator"], json!("0.71"));
        assert_eq!(
            s["by_corridor"],
            json!([
                {"origin": "BD", "destination": "MY", "workers": 1, "workers_who_paid": 1,
                 "recruitment_cost_indicator": "1.50"},
                {"origin": "NP", "destination": "MY", "workers": 3, "workers_who_paid": 2,
                 "recruitment_cost_indicator": "0.45"},
            ])
        );
        assert_eq!(
            s["by_sex"],
            json!([
                {"sex": "female", "workers": 2, "workers_who_paid": 1, "recruitment_cost_indicator": "0.50"},
                {"sex": "male", "workers": 2, "workers_who_paid": 2, "recruitment_cost_indicator": "0.93"},
            ])
        );
        assert_eq!(s["stale_rates"], json!([]));
        assert_eq!(s["workers_with_fees_deducted_from_wages"], json!(1));
        // The clinic is no recruiter; Sunrise: W1's 300 + 30, and W3.
        assert_eq!(
            s["by_recruiter"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (
                    r["recruiter"].clone(),
                    r["workers"].clone(),
                    r["fees_usd"].clone()
                ))
                .collect::<Vec<_>>(),
            [
                (json!("Sub Agent B"), json!(1), json!("900.00")),
                (json!("Sunrise Manpower"), json!(2), json!("330.00")),
            ]
        );
        let w1 = &body["workers"][0];
        assert_eq!(w1["worker_ref"], json!("W1"));
        assert_eq!(w1["sex"], json!("female"));
        assert_eq!(w1["recruitment_cost_indicator"], json!("1.00"));
        assert_eq!(w1["monthly_earnings_usd"], json!("300.00"));
        assert_eq!(body["workers"][3]["deducted_from_wages"], json!(true));
    }

    let stored = finding::Entity::find()
        .filter(finding::Column::FeeAuditId.eq(uuid::Uuid::parse_str(&id).unwrap()))
        .order_by_asc(finding::Column::CreatedAt)
        .order_by_asc(finding::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let kinds: Vec<_> = stored
        .iter()
        .map(|f| (f.indicator.as_str(), f.severity.as_str(), f.zero_tolerance))
        .collect();
    assert_eq!(
        kinds,
        [
            ("recruitment_fees", "priority", false),
            ("debt_bondage", "priority", false),
            ("debt_bondage", "priority", true),
        ]
    );
    assert!(
        stored[2]
            .title
            .contains("recovered through the wages of 1 worker")
    );
}

#[tokio::test]
async fn a_rate_32_days_old_is_flagged_and_one_367_days_old_refused() {
    let app = crate::helpers::spawn_app().await;
    let company = company_with_rates(&app).await;
    let older = "currency,date,usd_per_unit\nINR,2025-01-01,0.012\n";
    assert_eq!(
        app.upload_fx_rates(&company.id, &company.token, older)
            .await
            .status(),
        201
    );
    let (sid, _) = add_supplier(&app, &company, "Old Rates Ltd").await;

    // NPR from 2026-01-01, wanted 2026-02-02: 32 days. INR 2025-01-01 wanted
    // 2025-02-01: 31 days, not flagged.
    let stale = "\
W1,NP,Sunrise,2026-02-10,500,USD,recruitment_fee,1000,NPR,2026-02-02,,,,
W2,IN,Sunrise,2026-02-10,500,USD,recruitment_fee,1000,INR,2025-02-01,,,,
";
    let response = app.upload_fee_audit(&sid, &company.token, &upload(stale)).await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["summary"]["stale_rates"],
        json!([{"currency": "NPR", "wanted": "2026-02-02", "used": "2026-01-01"}])
    );
    // Used all the same: 1000 × 0.0075 = 7.50.
    assert_eq!(body["workers"][0]["fees_usd"], json!("7.50"));

    // INR wanted 2026-01-03: 367 days after 2025-01-01.
    let before = count::<fee_audit::Entity>(&app).await;
    let too_old = "W1,IN,Sunrise,2026-02-10,500,USD,recruitment_fee,1000,INR,2026-01-03,,,,\n";
    let problem = assert_problem(
        app.upload_fee_audit(&sid, &company.token, &upload(too_old)).await,
        422,
    )
    .await;
    assert_eq!(
        problem["errors"],
        json!([{"row": 2, "column": "currency",
                "message": "the latest USD rate for INR on or before 2026-01-03 is from 2025-01-01, more than 366 days earlier: add a rate closer to that date"}])
    );
    assert_eq!(count::<fee_audit::Entity>(&app).await, before, "nothing stored");
}

#[tokio::test]
async fn bad_values_of_the_new_columns_are_refused_with_row_and_column_and_nothing_stored() {
    let app = crate::helpers::spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Bad Values Ltd").await;
    let good = "W1,NP,Sunrise,2026-02-01,1000,MYR,recruitment_fee,10,USD,2026-01-05,female,1500,no,recruiter";
    // (the bad line, the column the error must name, words of its message).
    let cases = [
        (
            "W2,NP,Sunrise,2026-02-01,1000,MYR,medical,10,USD,2026-01-05,woman,,,",
            "sex",
            "'woman' is not a sex; use one of: female, male, other, unknown",
        ),
        (
            "W2,NP,Sunrise,2026-02-01,1000,MYR,medical,10,USD,2026-01-05,male,-3,,",
            "monthly_earnings",
            "'-3' must be more than 0",
        ),
        (
            "W2,NP,Sunrise,2026-02-01,1000,MYR,medical,10,USD,2026-01-05,male,,sometimes,",
            "deducted_from_wages",
            "'sometimes' is not yes or no",
        ),
        (
            "W2,NP,Sunrise,2026-02-01,1000,MYR,medical,10,USD,2026-01-05,male,,,broker",
            "payee_type",
            "'broker' is not a payee type; use one of: recruiter, sub_agent, employer_staff, clinic, training_centre, government, other",
        ),
        (
            "W1,NP,Sunrise,2026-02-01,1000,MYR,medical,10,USD,2026-01-05,male,1500,,",
            "sex",
            "differs from row 2 for worker W1, which gives female: a worker's sex must be the same on all of their rows",
        ),
        (
            "W1,NP,Sunrise,2026-02-01,1000,MYR,medical,10,USD,2026-01-05,female,1600,,",
            "monthly_earnings",
            "differs from row 2 for worker W1, which gives 1500: a worker's monthly_earnings must be the same",
        ),
    ];
    for (line, column, message) in cases {
        let csv = upload(&format!("{good}\n{line}\n"));
        let problem = assert_problem(app.upload_fee_audit(&sid, &company.token, &csv).await, 422).await;
        let errors = problem["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{column}: {errors:?}");
        assert_eq!(errors[0]["row"], json!(3), "{column}");
        assert_eq!(errors[0]["column"], json!(column));
        let text = errors[0]["message"].as_str().unwrap();
        assert!(text.starts_with(message), "{column}: {text}");
        assert_eq!(count::<fee_audit::Entity>(&app).await, 0, "{column}: no audit");
        assert_eq!(count::<fee_audit_line_chunk::Entity>(&app).await, 0);
        assert_eq!(count::<fee_audit_worker_chunk::Entity>(&app).await, 0);
        assert_eq!(count::<finding::Entity>(&app).await, 0);
    }
}

#[tokio::test]
async fn the_openapi_document_describes_the_new_summary_fields() {
    let app = crate::helpers::spawn_app().await;
    let response = app.client.get(app.url("/api/openapi.json")).send().await.unwrap();
    let document: Value = response.json().await.unwrap();
    let schemas = &document["components"]["schemas"];
    let summary = &schemas["FeeAuditSummarySchema"]["properties"];
    for field in [
        "recruitment_cost_indicator",
        "by_corridor",
        "by_sex",
        "stale_rates",
        "workers_with_fees_deducted_from_wages",
    ] {
        assert!(summary.get(field).is_some(), "{field} missing from {summary}");
    }
    assert!(schemas["StaleRateSchema"]["properties"].get("wanted").is_some());
    let worker = &schemas["WorkerResponse"]["properties"];
    assert!(worker.get("recruitment_cost_indicator").is_some());
    assert!(worker.get("sex").is_some());
}

/// [`AUDIT`] and W5 (unknown sex), who paid NPR 20,000 on 2026-02-02, 32 days after
/// the NPR rate: USD 150 on a USD 500 wage, 0.30. Overall (1 + 0.35 + 0 + 1.5 + 0.3)
/// / 5 = 0.63; NP → MY (1 + 0.35 + 0 + 0.3) / 4 = 0.4125 → 0.41; BD → MY 1.50; female
/// 0.50, male 0.93, not recorded 0.30.
fn with_a_stale_rate() -> String {
    upload(&format!(
        "{AUDIT}W5,NP,Sunrise Manpower,2026-02-10,500,USD,recruitment_fee,20000,NPR,2026-02-02,,,,\n"
    ))
}

#[tokio::test]
async fn the_portal_page_shows_the_indicator_by_corridor_and_sex_and_the_stale_rates() {
    use crate::portal_flow::Portal;
    let app = crate::helpers::spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Portal Two Ltd").await;
    let response = app
        .upload_fee_audit(&sid, &company.token, &with_a_stale_rate())
        .await;
    assert_eq!(response.status(), 201);
    let audit: Value = response.json().await.unwrap();
    let page = format!("/fee-audits/{}", audit["id"].as_str().unwrap());

    let officer = Portal::new(&app, "en");
    officer.login(&company.email, "a-long-password-1").await;
    let body = officer.get(&page).await.body;
    assert!(
        body.contains("Recruitment cost indicator (comparable to SDG 10.7.1)"),
        "{body}"
    );
    assert!(
        body.contains("<dt>All workers audited</dt><dd>0.63</dd>"),
        "{body}"
    );
    assert!(
        body.contains("<td>Nepal → Malaysia</td><td>4</td><td>3</td><td>0.41</td>"),
        "{body}"
    );
    assert!(body.contains("<td>Bangladesh → Malaysia</td><td>1</td><td>1</td><td>1.50</td>"));
    assert!(
        body.contains("<td>Male</td><td>2</td><td>2</td><td>0.93</td>"),
        "{body}"
    );
    assert!(body.contains("<td>Not recorded</td><td>1</td><td>1</td><td>0.30</td>"));
    assert!(
        body.contains("NPR: rate of 2026-01-01 used for 2026-02-02"),
        "{body}"
    );

    // In French: the label, country names and a decimal comma.
    let french = Portal::new(&app, "fr");
    french.login(&company.email, "a-long-password-1").await;
    french.post("/locale", &[("locale", "fr")]).await;
    let body = french.get(&page).await.body;
    assert!(
        body.contains("comparable à l&#x27;ODD 10.7.1") || body.contains("comparable à l&#39;ODD 10.7.1"),
        "{body}"
    );
    assert!(
        body.contains("<td>Népal → Malaisie</td><td>4</td><td>3</td><td>0,41</td>"),
        "{body}"
    );
}

#[tokio::test]
async fn the_report_shows_the_indicator_comparable_to_sdg_10_7_1() {
    let app = crate::helpers::spawn_app().await;
    let (company, _, aid, _) = crate::reports::scored(&app, &with_a_stale_rate()).await;
    let text = crate::reports::rendered_text(&app, &company, &aid, "es").await;
    assert!(
        text.contains("Indicadordelcostodecontratación(comparablealODS10.7.1)"),
        "{text}"
    );
    assert!(text.contains("Todoslostrabajadoresauditados0,63"), "{text}");
    assert!(text.contains("Nepal→Malasia430,41"), "{text}");
    assert!(text.contains("Bangladés→Malasia111,50"), "{text}");
    assert!(text.contains("Hombre220,93"), "{text}");
    assert!(
        text.contains("NPR:tipodel1deenerode2026usadoparael2defebrerode2026"),
        "{text}"
    );
}
