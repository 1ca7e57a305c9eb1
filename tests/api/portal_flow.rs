//! The portal at work, through its forms: a supplier answers in Spanish (an error
//! beside the field, fixed, submitted), an advisor approves; another tenant's
//! pages are 404; user text is shown as text (CSRF: `portal_security`).

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    fixtures::small_definition,
    helpers::{TestApp, spawn_app},
};

/// A browser-like client of the portal: its own cookies, a language.
pub struct Portal {
    pub client: reqwest::Client,
    pub base: String,
    language: String,
}

/// A response's status, `Location` and body.
pub struct Page {
    pub status: StatusCode,
    pub location: String,
    pub body: String,
}

impl Portal {
    pub fn new(app: &TestApp, language: &str) -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap();
        Self {
            client,
            base: app.address.clone(),
            language: language.to_string(),
        }
    }

    async fn page(response: reqwest::Response) -> Page {
        let status = response.status();
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        Page {
            status,
            location,
            body: response.text().await.unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("accept-language", &self.language)
            .send()
            .await
            .unwrap();
        Self::page(response).await
    }

    /// The CSRF token of the visitor (from any page's form).
    pub async fn csrf(&self) -> String {
        let html = self.get("/invitations/x").await.body;
        csrf_from(&html)
    }

    /// POSTs a form as is (no CSRF field added).
    pub async fn post_raw(&self, path: &str, pairs: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("accept-language", &self.language)
            .form(pairs)
            .send()
            .await
            .unwrap();
        Self::page(response).await
    }

    /// POSTs a form with the visitor's CSRF token.
    pub async fn post(&self, path: &str, pairs: &[(&str, &str)]) -> Page {
        let token = self.csrf().await;
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(pairs);
        self.post_raw(path, &all).await
    }

    /// POSTs a `multipart/form-data` form as is (no CSRF field added).
    pub async fn post_multipart(&self, path: &str, form: reqwest::multipart::Form) -> Page {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("accept-language", &self.language)
            .multipart(form)
            .send()
            .await
            .unwrap();
        Self::page(response).await
    }

    pub async fn login(&self, email: &str, password: &str) {
        let done = self
            .post("/login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "login: {}", done.body);
    }
}

pub fn csrf_from(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("a csrf field") + marker.len();
    html[start..start + 64].to_string()
}

/// The HTML of one question's box.
fn question_box<'a>(html: &'a str, key_id: &str) -> &'a str {
    let start = html.find(&format!("id=\"{key_id}-box\"")).expect("the question");
    let rest = &html[start..];
    let end = rest[1..]
        .find("class=\"question")
        .map(|e| e + 1)
        .unwrap_or(rest.len());
    &rest[..end]
}

/// An advisor of `company`, signed in to the portal.
pub async fn advisor_portal(app: &TestApp, company: &crate::helpers::Company) -> Portal {
    let email = format!("advisor-{}@review.example", uuid::Uuid::new_v4().simple());
    assert_eq!(app.invite_advisor(company, &email).await.status(), 201);
    app.run_jobs().await;
    let code = app.last_code_for(&email);
    assert!(
        app.accept_invitation(&code, "advisor-password-1")
            .await
            .status()
            .is_success()
    );
    let portal = Portal::new(app, "en");
    portal.login(&email, "advisor-password-1").await;
    portal
}

pub struct Situation {
    pub company: crate::helpers::Company,
    pub supplier_id: String,
    pub supplier_email: String,
    pub supplier_token: String,
    pub assessment: String,
}

/// Those an officer/admin page must refuse, with the status each gets: another
/// company's officer and the company's own supplier (404: not theirs to know of),
/// the company's advisor (403: visible company, not their role).
pub async fn outsiders(app: &TestApp, s: &Situation) -> Vec<(Portal, StatusCode)> {
    let other = app.registered_company().await;
    let stranger = Portal::new(app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    let supplier = Portal::new(app, "en");
    supplier.login(&s.supplier_email, "supplier-password-1").await;
    vec![
        (stranger, StatusCode::NOT_FOUND),
        (supplier, StatusCode::NOT_FOUND),
        (advisor_portal(app, &s.company).await, StatusCode::FORBIDDEN),
    ]
}

pub async fn situation(app: &TestApp, supplier_name: &str) -> Situation {
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, supplier_name).await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small-check", 1))
        .await;
    let assessment = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    Situation {
        company,
        supplier_id: supplier.supplier_id,
        supplier_email: supplier.email,
        supplier_token: supplier.token,
        assessment,
    }
}

#[tokio::test]
async fn a_supplier_answers_in_spanish_fixes_an_error_and_submits_then_an_advisor_approves() {
    let app = spawn_app().await;
    let s = situation(&app, "Tejidos del Sur").await;
    let aid = s.assessment.as_str();
    let portal = Portal::new(&app, "es-ES,es;q=0.9");
    portal.login(&s.supplier_email, "supplier-password-1").await;

    let home = portal.get("/").await;
    let start = format!("/suppliers/{}/assessments", s.supplier_id);
    assert!(home.body.contains(&start), "{}", home.body);
    let list = portal.get(&start).await;
    assert!(list.body.contains("Mis evaluaciones"), "{}", list.body);
    assert!(list.body.contains("Enviada"));

    let entry = portal.get(&format!("/assessments/{aid}")).await;
    assert_eq!(entry.location, format!("/assessments/{aid}/sections/1"));
    let section = portal.get(&entry.location).await;
    assert_eq!(section.status, 200);
    assert!(section.body.contains("Sección 1 de 1"));
    assert!(
        question_box(&section.body, "q-fees-amount-known").contains(" hidden"),
        "the follow-up waits for its answer"
    );

    // A number out of range: the message is beside the field, in Spanish, and
    // what was typed is still there.
    let wrong = portal
        .post(
            &entry.location,
            &[
                ("a.fees.paid", "yes"),
                ("a.hours.max_weekly", "200"),
                ("go", "stay"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let hours = question_box(&wrong.body, "q-hours-max-weekly");
    assert!(hours.contains("Debe estar entre 0 y 168."), "{hours}");
    assert!(hours.contains("value=\"200\""), "{hours}");
    assert!(!question_box(&wrong.body, "q-fees-amount-known").contains(" hidden"));
    assert!(
        question_box(&wrong.body, "q-fees-paid").contains("value=\"yes\" checked"),
        "the valid answer was kept"
    );

    let fixed = portal
        .post(
            &entry.location,
            &[
                ("a.fees.paid", "yes"),
                ("a.fees.amount_known", "no"),
                ("a.hours.max_weekly", "48"),
                ("go", "check"),
            ],
        )
        .await;
    assert_eq!(fixed.status, StatusCode::SEE_OTHER, "{}", fixed.body);
    assert_eq!(fixed.location, format!("/assessments/{aid}/check"));
    let check = portal.get(&fixed.location).await;
    assert!(
        check.body.contains("Todas las preguntas obligatorias"),
        "{}",
        check.body
    );

    let submitted = portal.post(&format!("/assessments/{aid}/submit"), &[]).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    let after = portal.get(&submitted.location).await;
    assert!(after.body.contains("Gracias"));
    let api: Value = app
        .get_api(&format!("/assessments/{aid}"), Some(&s.supplier_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["status"], "submitted");
    assert_eq!(api["answers"]["hours.max_weekly"], 48);

    // The worker scores; an advisor (invited, accepting in the portal) approves.
    app.run_jobs().await;
    let advisor_email = format!("advisor-{}@review.example", uuid::Uuid::new_v4().simple());
    assert_eq!(app.invite_advisor(&s.company, &advisor_email).await.status(), 201);
    app.run_jobs().await;
    let code = app.last_code_for(&advisor_email);
    let advisor = Portal::new(&app, "en");
    let accepted = advisor
        .post(
            &format!("/invitations/{code}"),
            &[("name", "Ada Advisor"), ("password", "advisor-password-1")],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let queue = advisor.get(&format!("/companies/{}/reviews", s.company.id)).await;
    assert!(
        queue.body.contains(&format!("/assessments/{aid}")),
        "{}",
        queue.body
    );
    let review = advisor.get(&format!("/assessments/{aid}")).await;
    assert!(review.body.contains("Why this score"), "{}", review.body);
    assert!(review.body.contains("Did any worker pay a fee?"));
    assert!(review.body.contains("Workers paid recruitment fees"));
    let approved = advisor
        .post(
            &format!("/assessments/{aid}/review"),
            &[("decision", "approve"), ("comment", "")],
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert_eq!(approved.location, format!("/assessments/{aid}?done=approved"));
    let said = advisor.get(&approved.location).await;
    assert!(
        said.body
            .contains("Approved. The advisory report can now be requested."),
        "{}",
        said.body
    );
    let api: Value = app
        .get_api(&format!("/assessments/{aid}"), Some(&s.supplier_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["status"], "approved");

    // The advisor requests the report; once rendered it downloads as a PDF.
    let requested = advisor
        .post(&format!("/assessments/{aid}/reports"), &[("locale", "es")])
        .await;
    assert_eq!(requested.status, StatusCode::SEE_OTHER, "{}", requested.body);
    assert_eq!(
        requested.location,
        format!("/assessments/{aid}?done=report#reports")
    );
    let supplier_page = format!("/suppliers/{}", s.supplier_id);
    let waiting = advisor.get(&supplier_page).await;
    assert!(waiting.body.contains("being prepared"), "{}", waiting.body);
    app.run_jobs().await;
    let review = advisor.get(&format!("/assessments/{aid}")).await;
    let marker = "href=\"/reports/";
    let start = review.body.find(marker).expect("a download link") + "href=\"".len();
    let link = &review.body[start..start + review.body[start..].find('"').unwrap()];
    let pdf = advisor
        .client
        .get(format!("{}{link}", advisor.base))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let listed = advisor.get(&supplier_page).await;
    assert!(
        listed.body.contains(&format!("href=\"{link}\"")),
        "the supplier page lists the report: {}",
        listed.body
    );
    assert_eq!(
        portal.get(link).await.status,
        StatusCode::NOT_FOUND,
        "not for the supplier"
    );
}

#[tokio::test]
async fn another_tenants_pages_are_404() {
    let app = spawn_app().await;
    let s = situation(&app, "Hidden Supplier").await;
    let other = app.registered_company().await;
    let portal = Portal::new(&app, "fr");
    portal.login(&other.email, "a-long-password-1").await;
    let aid = &s.assessment;
    for path in [
        format!("/assessments/{aid}"),
        format!("/assessments/{aid}/sections/1"),
        format!("/assessments/{aid}/check"),
        format!("/suppliers/{}/assessments", s.supplier_id),
        format!("/suppliers/{}", s.supplier_id),
        format!("/suppliers/{}/findings", s.supplier_id),
        format!("/companies/{}", s.company.id),
        format!("/companies/{}/suppliers", s.company.id),
        format!("/companies/{}/reviews", s.company.id),
    ] {
        let page = portal.get(&path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            page.body.contains("Introuvable"),
            "an error page in French: {path}"
        );
    }
    let submit = portal.post(&format!("/assessments/{aid}/submit"), &[]).await;
    assert_eq!(submit.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn user_text_is_shown_as_text() {
    let app = spawn_app().await;
    let s = situation(&app, "<script>alert('s')</script>").await;
    let portal = Portal::new(&app, "en");
    portal.login(&s.supplier_email, "supplier-password-1").await;
    let list = portal
        .get(&format!("/suppliers/{}/assessments", s.supplier_id))
        .await;
    assert!(!list.body.contains("<script>alert"), "{}", list.body);
    assert!(list.body.contains("&#60;script&#62;alert"));
    let officer = Portal::new(&app, "en");
    officer.login(&s.company.email, "a-long-password-1").await;
    let suppliers = officer
        .get(&format!("/companies/{}/suppliers", s.company.id))
        .await;
    assert!(!suppliers.body.contains("<script>alert"));
    assert!(
        suppliers.body.contains("&#60;script&#62;alert"),
        "{}",
        suppliers.body
    );
}

#[tokio::test]
async fn the_language_switcher_stores_the_setting() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let portal = Portal::new(&app, "en");
    portal.login(&company.email, "a-long-password-1").await;
    let switched = portal
        .post("/locale", &[("locale", "es"), ("back", "https://evil.example/")])
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.location, "/", "never another site");
    // A fresh client (no cookie) of the same user gets Spanish from the setting.
    let fresh = Portal::new(&app, "fr");
    fresh.login(&company.email, "a-long-password-1").await;
    let dashboard = fresh.get(&format!("/companies/{}", company.id)).await;
    assert!(dashboard.body.contains("Panel"), "{}", dashboard.body);
}
