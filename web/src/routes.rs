//! Every portal path in one place, so links, form actions and redirects cannot
//! drift from the routes that serve them.

use uuid::Uuid;

/// Home: the login page, or the signed-in start page.
pub const HOME: &str = "/";
/// The login form.
pub const LOGIN: &str = "/login";
/// The company registration form.
pub const REGISTER: &str = "/register";
/// The logout form.
pub const LOGOUT: &str = "/logout";
/// The language switcher.
pub const LOCALE: &str = "/locale";
/// Where the account pages live (open to a member who must still enrol a factor).
pub const ACCOUNT_PREFIX: &str = "/account/";
/// The account-security page: the second factor and the sessions.
pub const ACCOUNT_SECURITY: &str = "/account/security";
/// POST: start enrolling a TOTP factor.
pub const ACCOUNT_TOTP: &str = "/account/security/totp";
/// POST: confirm the factor with a code.
pub const ACCOUNT_TOTP_CONFIRM: &str = "/account/security/totp/confirm";
/// "Forgot your password?": ask for a reset link.
pub const PASSWORD_RESET: &str = "/password-reset";
/// The emailed reset link's page.
pub fn password_reset(token: &str) -> String {
    format!("/password-reset/{token}")
}
/// POST: end one of the member's sessions.
pub fn end_session(session: Uuid) -> String {
    format!("/account/sessions/{session}/end")
}
/// The stylesheet.
pub const CSS: &str = "/static/app.css";
/// The script.
pub const JS: &str = "/static/app.js";

/// The invitation page.
pub fn invitation(token: &str) -> String {
    format!("/invitations/{token}")
}
/// A company's dashboard (officers, admins).
pub fn dashboard(company: Uuid) -> String {
    format!("/companies/{company}")
}
/// A company's suppliers.
pub fn suppliers(company: Uuid) -> String {
    format!("/companies/{company}/suppliers")
}
/// A company's products.
pub fn products(company: Uuid) -> String {
    format!("/companies/{company}/products")
}
/// The add-product form.
pub fn new_product(company: Uuid) -> String {
    format!("/companies/{company}/products/new")
}
/// A product's page.
pub fn product(id: Uuid) -> String {
    format!("/products/{id}")
}
/// A supplier's evidence packs.
pub fn evidence_packs(supplier: Uuid) -> String {
    format!("/suppliers/{supplier}/evidence-packs")
}
/// A product's map (its chain drawn).
pub fn product_map(id: Uuid) -> String {
    format!("/products/{id}/map")
}
/// The add-supplier form.
pub fn new_supplier(company: Uuid) -> String {
    format!("/companies/{company}/suppliers/new")
}
/// The company's questionnaires; POST uploads one of its own (officers, admins).
pub fn questionnaires(company: Uuid) -> String {
    format!("/companies/{company}/questionnaires")
}
/// The company's API keys (admins).
pub fn api_keys(company: Uuid) -> String {
    format!("/companies/{company}/api-keys")
}
/// Revoking one of a company's API keys.
pub fn api_key_revoke(company: Uuid, key: Uuid) -> String {
    format!("/companies/{company}/api-keys/{key}/revoke")
}
/// The company's people and invitations (officers, admins).
pub fn team(company: Uuid) -> String {
    format!("/companies/{company}/team")
}
/// The withdraw form of a pending invitation of the company.
pub fn team_withdraw(company: Uuid, invitation: Uuid) -> String {
    format!("/companies/{company}/team/invitations/{invitation}/withdraw")
}
/// The remove form of a membership of the company.
pub fn team_remove(company: Uuid, membership: Uuid) -> String {
    format!("/companies/{company}/team/members/{membership}/remove")
}
/// The review queue (advisors, officers).
pub fn reviews(company: Uuid) -> String {
    format!("/companies/{company}/reviews")
}
/// A supplier's page (company view).
pub fn supplier(id: Uuid) -> String {
    format!("/suppliers/{id}")
}
/// A supplier's assessments (the supplier's own start page); POST sends one.
pub fn supplier_assessments(id: Uuid) -> String {
    format!("/suppliers/{id}/assessments")
}
/// A supplier's findings and corrective actions.
pub fn supplier_findings(id: Uuid) -> String {
    format!("/suppliers/{id}/findings")
}
/// A supplier's fee-audit upload: GET the form (`…/new`), POST the file.
pub fn fee_audit_upload(supplier: Uuid) -> String {
    format!("/suppliers/{supplier}/fee-audits")
}
/// A fee audit's results.
pub fn fee_audit(id: Uuid) -> String {
    format!("/fee-audits/{id}")
}
/// A fee audit's repayments upload (POST).
pub fn fee_audit_repayments(id: Uuid) -> String {
    format!("/fee-audits/{id}/repayments")
}
/// An assessment: the questionnaire (supplier) or the review page (company).
pub fn assessment(id: Uuid) -> String {
    format!("/assessments/{id}")
}
/// One section of the questionnaire (1-based).
pub fn section(id: Uuid, number: usize) -> String {
    format!("/assessments/{id}/sections/{number}")
}
/// The before-you-submit page.
pub fn check(id: Uuid) -> String {
    format!("/assessments/{id}/check")
}
/// The submit form.
pub fn submit(id: Uuid) -> String {
    format!("/assessments/{id}/submit")
}
/// The review decision form.
pub fn review(id: Uuid) -> String {
    format!("/assessments/{id}/review")
}
/// A company's worker-voice cases (admins, officers, advisors).
pub fn voice_cases(company: Uuid) -> String {
    format!("/companies/{company}/voice")
}
/// The add-finding form of an assessment (reviewers).
pub fn assessment_findings(id: Uuid) -> String {
    format!("/assessments/{id}/findings")
}
/// A finding's edit form (reviewers).
pub fn finding(id: Uuid) -> String {
    format!("/findings/{id}")
}
/// A finding's dismiss form (reviewers).
pub fn finding_dismiss(id: Uuid) -> String {
    format!("/findings/{id}/dismiss")
}
/// A finding's add-corrective-action form (reviewers).
pub fn finding_actions(id: Uuid) -> String {
    format!("/findings/{id}/actions")
}
/// A corrective action's progress form.
pub fn action(id: Uuid) -> String {
    format!("/actions/{id}")
}

/// A company's own country and sector risk figures (officers, admins).
pub fn risk_overrides(company: Uuid) -> String {
    format!("/companies/{company}/risk-overrides")
}
/// A company's audit trail (officers, admins).
pub fn audit(company: Uuid) -> String {
    format!("/companies/{company}/audit")
}
/// A company's FX rates (officers, admins); POST uploads a CSV of them.
pub fn fx_rates(company: Uuid) -> String {
    format!("/companies/{company}/fx-rates")
}
/// A company's open screening hits (staff; officers and admins decide them).
pub fn screening(company: Uuid) -> String {
    format!("/companies/{company}/screening")
}
/// Where a reviewer confirms or dismisses a screening hit.
pub fn screening_hit(id: Uuid) -> String {
    format!("/screening-hits/{id}")
}
/// A company's webhooks (officers, admins); POST subscribes one.
pub fn webhooks(company: Uuid) -> String {
    format!("/companies/{company}/webhooks")
}
/// A webhook and its recent deliveries.
pub fn webhook(id: Uuid) -> String {
    format!("/webhooks/{id}")
}
/// The disable / re-enable form of a webhook.
pub fn webhook_active(id: Uuid) -> String {
    format!("/webhooks/{id}/active")
}
/// The send-test-event form of a webhook.
pub fn webhook_test(id: Uuid) -> String {
    format!("/webhooks/{id}/test")
}
/// The delete form of a webhook.
pub fn webhook_delete(id: Uuid) -> String {
    format!("/webhooks/{id}/delete")
}

/// A local path to return to after a form, or home: never another site.
pub fn local(back: &str) -> &str {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
        back
    } else {
        HOME
    }
}
/// A company's labour corridors (staff).
pub fn corridors(company: Uuid) -> String {
    format!("/companies/{company}/corridors")
}
/// One corridor of a company: its trend and recruiters.
pub fn corridor(company: Uuid, origin: &str, destination: &str) -> String {
    format!("/companies/{company}/corridors/{origin}/{destination}")
}
/// A recruiter of the registry and the suppliers whose workers paid it.
pub fn recruiter(id: Uuid) -> String {
    format!("/recruiters/{id}")
}

/// A supplier's production site.
pub fn site(id: Uuid) -> String {
    format!("/sites/{id}")
}

/// A company's modern-slavery statements and the form to draft one.
pub fn statements(company: Uuid) -> String {
    format!("/companies/{company}/statements")
}

/// A statement's page.
pub fn statement(id: Uuid) -> String {
    format!("/statements/{id}")
}

/// Where a section's text is edited.
pub fn statement_section(id: Uuid, key: &str) -> String {
    format!("/statements/{id}/sections/{key}")
}
