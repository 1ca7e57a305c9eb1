//! Every kind of bad row, sent over HTTP: a 422 naming the row and column, and
//! nothing stored — not the audit, its lines, its workers, findings or recruiters.

use domain::entities::{fee_audit, fee_audit_line_chunk, fee_audit_worker_chunk, finding};

use super::{add_supplier, company_with_rates, count};
use crate::helpers::assert_problem;

const HEADER: &str = "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,loan,reimbursed,evidence";
const GOOD: &str = "W1,NP,Sunrise,NP,2026-02-01,1500,MYR,recruitment_fee,120000,NPR,2026-01-10,no,0,receipt";

/// (what is wrong, the bad line, the column the error must name).
const CASES: &[(&str, &str, &str)] = &[
    (
        "unknown category",
        "W2,NP,Sunrise,NP,2026-02-01,1500,MYR,bribes,100,NPR,2026-01-10,no,0,receipt",
        "category",
    ),
    (
        "unknown currency",
        "W2,NP,Sunrise,NP,2026-02-01,1500,MYR,medical,100,XYZ,2026-01-10,no,0,receipt",
        "currency",
    ),
    (
        "unknown country",
        "W2,QQ,Sunrise,NP,2026-02-01,1500,MYR,medical,100,NPR,2026-01-10,no,0,receipt",
        "nationality",
    ),
    (
        "bad date",
        "W2,NP,Sunrise,NP,2026-02-31,1500,MYR,medical,100,NPR,2026-01-10,no,0,receipt",
        "hire_date",
    ),
    (
        "future paid_on",
        "W2,NP,Sunrise,NP,2026-02-01,1500,MYR,medical,100,NPR,2999-01-10,no,0,receipt",
        "paid_on",
    ),
    (
        "none with an amount",
        "W2,NP,Sunrise,NP,2026-02-01,1500,MYR,none,100,NPR,2026-01-10,no,0,receipt",
        "amount",
    ),
    (
        "negative amount",
        "W2,NP,Sunrise,NP,2026-02-01,1500,MYR,medical,-5,NPR,2026-01-10,no,0,receipt",
        "amount",
    ),
    (
        "reimbursed above amount",
        "W2,NP,Sunrise,NP,2026-02-01,1500,MYR,medical,100,NPR,2026-01-10,no,200,receipt",
        "reimbursed",
    ),
    (
        "inconsistent worker fields",
        "W1,NP,Sunrise,NP,2026-02-01,1800,MYR,medical,100,NPR,2026-01-10,no,0,receipt",
        "monthly_wage",
    ),
    (
        "missing rate",
        "W2,NP,Sunrise,NP,2026-02-01,1500,MYR,medical,100,INR,2026-01-10,no,0,receipt",
        "currency",
    ),
];

#[tokio::test]
async fn each_kind_of_bad_row_is_refused_and_nothing_is_stored() {
    let app = crate::helpers::spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Bad Rows Ltd").await;
    for (what, line, column) in CASES {
        let csv = format!("{HEADER}\n{GOOD}\n{line}\n");
        let problem = assert_problem(app.upload_fee_audit(&sid, &company.token, &csv).await, 422).await;
        let errors = problem["errors"].as_array().unwrap();
        assert!(
            errors.iter().any(|e| e["row"] == 3 && e["column"] == *column),
            "{what}: expected row 3, column {column}, got {errors:?}"
        );
        assert_eq!(
            count::<fee_audit::Entity>(&app).await,
            0,
            "{what}: no audit stored"
        );
        assert_eq!(
            count::<fee_audit_line_chunk::Entity>(&app).await,
            0,
            "{what}: no line stored"
        );
        assert_eq!(
            count::<fee_audit_worker_chunk::Entity>(&app).await,
            0,
            "{what}: no worker stored"
        );
        assert_eq!(
            count::<finding::Entity>(&app).await,
            0,
            "{what}: no finding stored"
        );
    }
    // File-level problems.
    for (what, csv) in [
        ("empty file", String::new()),
        ("header only", format!("{HEADER}\n")),
        ("missing column", "worker_ref,nationality\nW1,NP\n".to_string()),
    ] {
        let problem = assert_problem(app.upload_fee_audit(&sid, &company.token, &csv).await, 422).await;
        assert!(!problem["errors"].as_array().unwrap().is_empty(), "{what}");
        assert_eq!(
            count::<fee_audit::Entity>(&app).await,
            0,
            "{what}: no audit stored"
        );
    }
}

#[tokio::test]
async fn more_than_200000_rows_is_refused() {
    let app = crate::helpers::spawn_app().await;
    let company = company_with_rates(&app).await;
    let (sid, _) = add_supplier(&app, &company, "Too Many Ltd").await;
    let mut csv = String::with_capacity(200_002 * 80);
    csv.push_str(HEADER);
    csv.push('\n');
    for n in 0..200_001 {
        csv.push_str(&format!(
            "W{n},NP,Sunrise,NP,2026-02-01,1500,MYR,none,0,NPR,2026-01-10,no,0,receipt\n"
        ));
    }
    let problem = assert_problem(app.upload_fee_audit(&sid, &company.token, &csv).await, 422).await;
    assert!(
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["row"] == 200_002)
    );
    assert_eq!(count::<fee_audit::Entity>(&app).await, 0);
    assert_eq!(count::<fee_audit_line_chunk::Entity>(&app).await, 0);
}
