//! Ready-made situations for tests: a company with a supplier whose user has
//! accepted the invitation, an advisor, a sent assessment.

use serde_json::{Value, json};

use crate::helpers::{Company, TestApp, invitation_code, parse_email};

/// A supplier and a logged-in user of it.
pub struct SupplierUser {
    /// The supplier id.
    pub supplier_id: String,
    /// The supplier user's token.
    pub token: String,
    /// The contact email.
    pub email: String,
}

impl TestApp {
    /// `POST /companies/{cid}/suppliers`.
    pub async fn create_supplier(&self, company: &Company, body: &Value) -> reqwest::Response {
        self.post_json(
            &format!("/companies/{}/suppliers", company.id),
            Some(&company.token),
            body,
        )
        .await
    }

    /// The invitation code last sent to `email` (outbox transport).
    pub fn last_code_for(&self, email: &str) -> String {
        let found = self
            .outbox()
            .iter()
            .map(|raw| parse_email(raw.as_bytes()))
            .rfind(|m| m.to.contains(email) && m.text.contains("Invitation code: "))
            .unwrap_or_else(|| panic!("no invitation for {email}"));
        invitation_code(&found)
    }

    /// Adds a supplier in `country`/`sector` and has its contact accept the invitation.
    pub async fn supplier_with_user(&self, company: &Company, name: &str) -> SupplierUser {
        let email = format!("contact-{}@supplier.example", uuid::Uuid::new_v4().simple());
        let response = self
            .create_supplier(
                company,
                &json!({"name": name, "country": "MY", "sector": "electronics", "contact_email": email}),
            )
            .await;
        assert_eq!(response.status(), 201, "create supplier");
        let supplier: Value = response.json().await.unwrap();
        self.run_jobs().await;
        let code = self.last_code_for(&email);
        let accepted = self.accept_invitation(&code, "supplier-password-1").await;
        assert_eq!(accepted.status(), 200);
        let token: Value = accepted.json().await.unwrap();
        SupplierUser {
            supplier_id: supplier["id"].as_str().unwrap().to_string(),
            token: token["access_token"].as_str().unwrap().to_string(),
            email,
        }
    }

    /// Replaces the company's risk overrides (`PUT /companies/{cid}/risk-overrides`)
    /// with `figures` (`{"countries": {…}, "sectors": {…}}`), so a test's bands
    /// come from what it sets, not from the reference tables.
    pub async fn pin_risks(&self, company: &Company, figures: &Value) {
        let pinned = self
            .client
            .put(self.url(&format!("/api/v1/companies/{}/risk-overrides", company.id)))
            .bearer_auth(&company.token)
            .json(figures)
            .send()
            .await
            .unwrap();
        assert_eq!(pinned.status(), 200);
    }

    /// Invites an advisor and returns their token.
    pub async fn advisor_of(&self, company: &Company) -> String {
        let email = format!("advisor-{}@review.example", uuid::Uuid::new_v4().simple());
        assert_eq!(self.invite_advisor(company, &email).await.status(), 201);
        self.run_jobs().await;
        let code = self.last_code_for(&email);
        let token: Value = self
            .accept_invitation(&code, "advisor-password-1")
            .await
            .json()
            .await
            .unwrap();
        token["access_token"].as_str().unwrap().to_string()
    }

    /// The id of the built-in standard questionnaire.
    pub async fn standard_questionnaire(&self, company: &Company) -> String {
        let list: Value = self
            .get_api(
                &format!("/companies/{}/questionnaires", company.id),
                Some(&company.token),
            )
            .await
            .json()
            .await
            .unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .find(|q| q["key"] == "ethical-recruitment-saq")
            .expect("the standard SAQ")["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Sends `questionnaire` to the supplier, due in 30 days; returns the assessment id.
    pub async fn send_assessment(&self, company: &Company, supplier_id: &str, questionnaire: &str) -> String {
        let due = (chrono::Utc::now() + chrono::Duration::days(30))
            .date_naive()
            .to_string();
        let response = self
            .post_json(
                &format!("/companies/{}/assessments", company.id),
                Some(&company.token),
                &json!({"supplier_id": supplier_id, "questionnaire_id": questionnaire, "due_date": due}),
            )
            .await;
        assert_eq!(response.status(), 201, "send assessment");
        let body: Value = response.json().await.unwrap();
        body["id"].as_str().unwrap().to_string()
    }

    /// A supplier of `company` with a user, and an assessment sent to it on a
    /// small questionnaire (`small_definition`); returns both.
    pub async fn small_assessment(&self, company: &Company, supplier_name: &str) -> (SupplierUser, String) {
        let supplier = self.supplier_with_user(company, supplier_name).await;
        let questionnaire = self
            .company_questionnaire(company, &small_definition("small", 1))
            .await;
        let id = self
            .send_assessment(company, &supplier.supplier_id, &questionnaire)
            .await;
        (supplier, id)
    }

    /// `PUT /assessments/{aid}/answers`.
    pub async fn save_answers(&self, token: &str, assessment: &str, answers: &Value) -> reqwest::Response {
        self.client
            .put(self.url(&format!("/api/v1/assessments/{assessment}/answers")))
            .bearer_auth(token)
            .json(&json!({ "answers": answers }))
            .send()
            .await
            .unwrap()
    }

    /// `POST /assessments/{aid}/submit`.
    pub async fn submit(&self, token: &str, assessment: &str) -> reqwest::Response {
        self.post_json(
            &format!("/assessments/{assessment}/submit"),
            Some(token),
            &json!({}),
        )
        .await
    }

    /// Stores `definition` as the company's own questionnaire; returns its id.
    pub async fn company_questionnaire(&self, company: &Company, definition: &Value) -> String {
        let response = self
            .post_json(
                &format!("/companies/{}/questionnaires", company.id),
                Some(&company.token),
                definition,
            )
            .await;
        assert_eq!(response.status(), 201, "store questionnaire");
        let created: Value = response.json().await.unwrap();
        created["id"].as_str().unwrap().to_string()
    }

    /// `PATCH` a JSON body to an API path.
    pub async fn patch_json(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client
            .patch(self.url(&format!("/api/v1{path}")))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }
}

/// A minimal company questionnaire: two scored questions, a follow-up, a file.
pub fn small_definition(key: &str, version: i32) -> Value {
    json!({
        "key": key,
        "version": version,
        "title": {"en": "Small check", "es": "Control breve", "fr": "Contrôle bref"},
        "default_locale": "en",
        "sections": [{
            "key": "fees",
            "title": {"en": "Fees"},
            "questions": [
                {"key": "fees.paid", "type": "single_choice", "required": true,
                 "text": {"en": "Did any worker pay a fee?"},
                 "indicators": ["recruitment_fees"], "weight": 5,
                 "options": [
                    {"value": "no", "label": {"en": "No"}, "risk": 0},
                    {"value": "unknown", "label": {"en": "We do not know"}, "risk": 60},
                    {"value": "yes", "label": {"en": "Yes"}, "risk": 100}],
                 "red_flag": {"when": ["yes"], "severity": "priority", "zero_tolerance": true,
                              "finding": {"en": "Workers paid recruitment fees"}}},
                {"key": "fees.amount_known", "type": "yes_no", "required": true,
                 "text": {"en": "Do you know how much they paid?"},
                 "show_if": {"question": "fees.paid", "equals": "yes"}},
                {"key": "hours.max_weekly", "type": "number", "required": true, "min": 0, "max": 168,
                 "text": {"en": "Highest weekly hours"}, "indicators": ["excessive_overtime"], "weight": 3,
                 "risk_ranges": [{"max": 60, "risk": 0}, {"min": 60, "max": 72, "risk": 60}, {"min": 72, "risk": 100}],
                 "red_flag": {"min": 72, "severity": "major", "finding": {"en": "Weekly hours above 72"}}},
                {"key": "docs.policy", "type": "file", "required": false,
                 "text": {"en": "Upload your fee policy"}}
            ]
        }]
    })
}
