//! Recruitment-fee audits over HTTP (fee-audit.md): the upload and its hand-computed
//! figures, all-or-nothing rejection, repayments, the recruiter registry, and who may
//! see and do what. Also the fixtures the FX-rate tests share.

mod access;
mod bad_rows;
mod model_2;
mod recruiters;
mod repayments;
mod stored_forms;
mod upload;

use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::helpers::{Company, TestApp, invitation_code, parse_email};

/// NPR and MYR rates from the start of 2026: 1 NPR = 0.0075 USD, 1 MYR = 0.2 USD.
pub const RATES: &str = "currency,date,usd_per_unit\nNPR,2026-01-01,0.0075\nMYR,2026-01-01,0.2\n";

/// Four workers. By hand, at the rates above:
/// - W1 paid NPR 120,000 + 9,000 = USD 967.50 with a loan; wage MYR 1,500 = USD 300,
///   so 3.225 months (shown 3.23): at risk of debt bondage.
/// - W2 paid NPR 20,000 = USD 150.00, NPR 10,000 (USD 75.00) reimbursed: owed 75.00,
///   0.50 months.
/// - W3 paid nothing.
/// - W4 paid USD 300 on a USD 1,000 wage: 0.30 months.
///
/// Summary: 3 of 4 paid (0.7500); fees 1,417.50, reimbursed 75.00, outstanding 1,342.50;
/// median months among payers 0.50, max 3.23; one worker at risk.
pub const AUDIT: &str = "\
worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,loan,reimbursed,evidence
W1,NP,Sunrise Manpower,NP,2026-02-01,1500,MYR,recruitment_fee,120000,NPR,2026-01-10,yes,0,receipt
W1,NP,Sunrise Manpower,NP,2026-02-01,1500,MYR,medical,9000,NPR,2026-01-12,no,,testimony
W2,NP,Sunrise Manpower,NP,2026-02-01,1500,MYR,recruitment_fee,20000,NPR,2026-01-15,no,10000,bank_record
W3,BD,Dhaka Links,BD,2026-03-01,1500,MYR,none,0,USD,2026-02-20,,,
W4,BD,Dhaka Links,BD,2026-03-01,1000,USD,travel_lodging,300,USD,2026-02-25,no,0,estimate
";

/// A supplier and the token of its one user.
pub struct SupplierUser {
    /// The supplier id.
    pub id: String,
    /// Its user's access token.
    pub token: String,
}

/// Adds a supplier to the company through the API; returns its id and contact email.
pub async fn add_supplier(app: &TestApp, company: &Company, name: &str) -> (String, String) {
    let email = format!("contact-{}@example.org", uuid::Uuid::new_v4().simple());
    let body = json!({"name": name, "country": "MY", "sector": "apparel_textiles", "contact_email": email});
    let response = app
        .post_json(
            &format!("/companies/{}/suppliers", company.id),
            Some(&company.token),
            &body,
        )
        .await;
    assert_eq!(response.status(), 201, "create supplier");
    let created: Value = response.json().await.unwrap();
    (created["id"].as_str().unwrap().to_string(), email)
}

/// Accepts the invitation emailed to `email` and returns the new user's token.
pub async fn accept_invitation_sent_to(app: &TestApp, email: &str) -> String {
    app.run_jobs().await;
    let message = app
        .outbox()
        .iter()
        .map(|raw| parse_email(raw.as_bytes()))
        .find(|m| m.to.contains(email))
        .expect("an invitation email");
    let accepted = app
        .accept_invitation(&invitation_code(&message), "a-long-password-1")
        .await;
    assert_eq!(accepted.status(), 200, "accept invitation");
    let body: Value = accepted.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_string()
}

/// A supplier of the company with one user who accepted the invitation.
pub async fn supplier_with_user(app: &TestApp, company: &Company, name: &str) -> SupplierUser {
    let (id, email) = add_supplier(app, company, name).await;
    let token = accept_invitation_sent_to(app, &email).await;
    SupplierUser { id, token }
}

/// An advisor of the company; their token.
pub async fn advisor_token(app: &TestApp, company: &Company) -> String {
    let email = format!("advisor-{}@example.org", uuid::Uuid::new_v4().simple());
    assert_eq!(app.invite_advisor(company, &email).await.status(), 201);
    accept_invitation_sent_to(app, &email).await
}

/// A registered company with [`RATES`] stored.
pub async fn company_with_rates(app: &TestApp) -> Company {
    let company = app.registered_company().await;
    let response = app.upload_fx_rates(&company.id, &company.token, RATES).await;
    assert_eq!(response.status(), 201, "upload rates");
    company
}

/// Uploads [`AUDIT`] for the supplier and returns the audit.
pub async fn uploaded_audit(app: &TestApp, company: &Company, sid: &str) -> Value {
    let response = app.upload_fee_audit(sid, &company.token, AUDIT).await;
    assert_eq!(response.status(), 201, "upload audit");
    response.json().await.unwrap()
}

/// Rows in a table.
pub async fn count<E: EntityTrait>(app: &TestApp) -> u64
where
    E::Model: Sync,
{
    PaginatorTrait::count(E::find(), &app.db).await.unwrap()
}
