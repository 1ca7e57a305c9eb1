//! Every mutating use case and its two doors, in one table: each portal form
//! (`web::POST_ROUTES`, `web::PUBLIC_POST_ROUTES`) with its API twin from
//! api-contract.md, or the reason it has none; and every mutating API operation of
//! `/api/openapi.json` that no form offers, with the reason. The table is checked
//! against both sides, so a new form or operation cannot slip past it, and then
//! driven: for every twin, the company's own supplier and another company's admin
//! get the same answer at both doors (403 or 404, never done), and nothing is
//! stored (issue #22). Valid and invalid input through both doors, with the stored
//! result compared, is `two_doors`.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};

use crate::{
    helpers::spawn_app,
    hostile_contract::{World, concrete_path, evidence_form, openapi_document, valid_csv, valid_json, world},
    portal_security::{form_for, send, shape, snapshot},
};

/// The API operation that does what a portal form does, or why there is none.
pub enum Twin {
    Api(&'static str),
    None(&'static str),
}

/// Each portal form and its twin (`METHOD /api/v1/...`, as the OpenAPI document
/// writes it).
pub const FORMS: &[(&str, Twin)] = &[
    ("/login", Twin::Api("POST /api/v1/auth/login")),
    ("/register", Twin::Api("POST /api/v1/auth/register")),
    (
        "/sso",
        Twin::None(
            "single sign-on happens in a browser at the company's identity provider; API callers use tokens or API keys",
        ),
    ),
    (
        "/logout",
        Twin::None(
            "the portal ends its own session and removes the cookie; an API client ends a session with DELETE /me/sessions/{id}, the twin of /account/sessions/{id}/end",
        ),
    ),
    ("/locale", Twin::Api("PATCH /api/v1/me/preferences")),
    ("/password-reset", Twin::Api("POST /api/v1/auth/password-reset")),
    (
        "/password-reset/{token}",
        Twin::Api("POST /api/v1/auth/password-reset/{token}"),
    ),
    ("/account/security/totp", Twin::Api("POST /api/v1/me/mfa/totp")),
    (
        "/account/security/totp/confirm",
        Twin::Api("POST /api/v1/me/mfa/totp/confirm"),
    ),
    (
        "/account/sessions/{id}/end",
        Twin::Api("DELETE /api/v1/me/sessions/{id}"),
    ),
    (
        "/invitations/{token}",
        Twin::Api("POST /api/v1/invitations/{token}/accept"),
    ),
    (
        "/assessments/{aid}/sections/{n}",
        Twin::Api("PUT /api/v1/assessments/{aid}/answers"),
    ),
    (
        "/assessments/{aid}/submit",
        Twin::Api("POST /api/v1/assessments/{aid}/submit"),
    ),
    (
        "/assessments/{aid}/review",
        Twin::Api("POST /api/v1/assessments/{aid}/review"),
    ),
    (
        "/companies/{cid}/suppliers/new",
        Twin::Api("POST /api/v1/companies/{cid}/suppliers"),
    ),
    (
        "/suppliers/{sid}/assessments",
        Twin::Api("POST /api/v1/companies/{cid}/assessments"),
    ),
    (
        "/suppliers/{sid}/profile",
        Twin::Api("PATCH /api/v1/suppliers/{sid}"),
    ),
    ("/actions/{id}", Twin::Api("PATCH /api/v1/actions/{id}")),
    (
        "/assessments/{aid}/findings",
        Twin::Api("POST /api/v1/assessments/{aid}/findings"),
    ),
    ("/findings/{fid}", Twin::Api("PATCH /api/v1/findings/{fid}")),
    (
        "/findings/{fid}/dismiss",
        Twin::None(
            "api-contract.md has no dismissal of a finding with a reason (PATCH /findings sets open/in_progress/closed only)",
        ),
    ),
    (
        "/findings/{fid}/confirm",
        Twin::None(
            "api-contract.md has no confirmation of a finding: the RBA CAP clock is a portal review step",
        ),
    ),
    (
        "/findings/{fid}/actions",
        Twin::Api("POST /api/v1/findings/{fid}/actions"),
    ),
    (
        "/assessments/{aid}/evidence",
        Twin::Api("POST /api/v1/assessments/{aid}/evidence"),
    ),
    (
        "/assessments/{aid}/reports",
        Twin::Api("POST /api/v1/assessments/{aid}/reports"),
    ),
    (
        "/companies/{cid}/team",
        Twin::Api("POST /api/v1/companies/{cid}/advisors"),
    ),
    (
        "/companies/{cid}/api-keys",
        Twin::Api("POST /api/v1/companies/{cid}/api-keys"),
    ),
    (
        "/companies/{cid}/api-keys/{id}/revoke",
        Twin::Api("DELETE /api/v1/api-keys/{id}"),
    ),
    (
        "/companies/{cid}/team/invitations/{id}/withdraw",
        Twin::Api("DELETE /api/v1/companies/{cid}/invitations/{id}"),
    ),
    (
        "/companies/{cid}/team/members/{id}/remove",
        Twin::Api("DELETE /api/v1/companies/{cid}/members/{uid}"),
    ),
    (
        "/suppliers/{sid}/fee-audits",
        Twin::Api("POST /api/v1/suppliers/{sid}/fee-audits"),
    ),
    (
        "/voice/cases/{id}/messages",
        Twin::Api("POST /api/v1/voice/cases/{id}/messages"),
    ),
    (
        "/voice/cases/{id}/status",
        Twin::Api("PATCH /api/v1/voice/cases/{id}"),
    ),
    (
        "/companies/{cid}/voice/promise",
        Twin::Api("PUT /api/v1/companies/{cid}/voice/promise"),
    ),
    (
        "/companies/{cid}/voice/messaging",
        Twin::Api("PUT /api/v1/companies/{cid}/voice/messaging"),
    ),
    (
        "/voice/cases/{id}/referrals",
        Twin::Api("POST /api/v1/voice/cases/{id}/referrals"),
    ),
    (
        "/voice/referrals/{id}/outcome",
        Twin::Api("PATCH /api/v1/voice/referrals/{id}"),
    ),
    (
        "/companies/{cid}/webhooks",
        Twin::Api("POST /api/v1/companies/{cid}/webhooks"),
    ),
    ("/webhooks/{id}/active", Twin::Api("PATCH /api/v1/webhooks/{id}")),
    (
        "/webhooks/{id}/test",
        Twin::Api("POST /api/v1/webhooks/{id}/test"),
    ),
    ("/webhooks/{id}/delete", Twin::Api("DELETE /api/v1/webhooks/{id}")),
    (
        "/companies/{cid}/risk-overrides",
        Twin::Api("PUT /api/v1/companies/{cid}/risk-overrides"),
    ),
    (
        "/companies/{cid}/fx-rates",
        Twin::Api("POST /api/v1/companies/{cid}/fx-rates"),
    ),
    (
        "/fee-audits/{id}/repayments",
        Twin::Api("POST /api/v1/fee-audits/{id}/repayments"),
    ),
    (
        "/companies/{cid}/questionnaires",
        Twin::Api("POST /api/v1/companies/{cid}/questionnaires"),
    ),
    (
        "/screening-hits/{id}",
        Twin::Api("PATCH /api/v1/screening-hits/{id}"),
    ),
    (
        "/companies/{cid}/products",
        Twin::Api("POST /api/v1/companies/{cid}/products"),
    ),
    ("/products/{id}", Twin::Api("PATCH /api/v1/products/{id}")),
    (
        "/products/{id}/links",
        Twin::Api("POST /api/v1/products/{id}/links"),
    ),
    (
        "/products/{id}/origins",
        Twin::Api("POST /api/v1/products/{id}/origins"),
    ),
    (
        "/suppliers/{sid}/sites",
        Twin::Api("POST /api/v1/suppliers/{sid}/sites"),
    ),
    ("/sites/{id}", Twin::Api("PATCH /api/v1/sites/{id}")),
    ("/sites/{id}/delete", Twin::Api("DELETE /api/v1/sites/{id}")),
    ("/recruiters/{id}", Twin::Api("PATCH /api/v1/recruiters/{id}")),
    (
        "/companies/{cid}/statements",
        Twin::Api("POST /api/v1/companies/{cid}/statements"),
    ),
    (
        "/statements/{id}/sections/{key}",
        Twin::Api("PATCH /api/v1/statements/{id}/sections/{key}"),
    ),
    (
        "/sites/{id}/os-hub/match",
        Twin::Api("POST /api/v1/sites/{id}/os-hub/match"),
    ),
    (
        "/a/account",
        Twin::None(
            "a supplier link's holder asks for an account; the link's cookie never reaches the API, whose door is the invitation accept itself",
        ),
    ),
    (
        "/assessments/{aid}/links",
        Twin::Api("POST /api/v1/assessments/{aid}/links"),
    ),
    (
        "/assessment-links/{id}/revoke",
        Twin::Api("DELETE /api/v1/assessment-links/{id}"),
    ),
    (
        "/suppliers/{sid}/evidence-packs",
        Twin::Api("POST /api/v1/suppliers/{sid}/evidence-packs"),
    ),
    ("/v/check", Twin::Api("POST /api/v1/voice/check")),
    ("/v/{token}", Twin::Api("POST /api/v1/voice/{token}/reports")),
    ("/v/{token}/pulse", Twin::Api("POST /api/v1/voice/{token}/pulse")),
];

/// The mutating API operations no portal form offers, and why.
pub const API_ONLY: &[(&str, &str)] = &[
    (
        "PUT /api/v1/companies/{cid}/sso",
        "single sign-on settings are set through the API for now; no portal settings page yet (README)",
    ),
    (
        "DELETE /api/v1/me/mfa/totp",
        "turning the second factor off is not in the portal yet (issue #24 part 1 left it to the API)",
    ),
    (
        "POST /api/v1/me/mfa/recovery-codes",
        "regenerating recovery codes is not in the portal yet (issue #24 part 1 left it to the API)",
    ),
    (
        "PUT /api/v1/companies/{cid}/security",
        "the company's sign-in policy has no portal form yet (issue #24 part 1 left it to the API)",
    ),
    (
        "POST /api/v1/companies/{cid}/rescore",
        "a batch operation for integrations after a risk-table update",
    ),
    (
        "POST /api/v1/companies/{cid}/suppliers/import",
        "bulk CSV import for integrations; the portal adds one supplier at a time",
    ),
    (
        "POST /api/v1/suppliers/{sid}/archive",
        "not yet in the portal (issue material for the supplier pages)",
    ),
    (
        "POST /api/v1/companies/{cid}/products/import",
        "bulk CSV import for integrations; the portal adds one product at a time",
    ),
    (
        "DELETE /api/v1/products/{id}",
        "not yet in the portal: products are deleted through the API",
    ),
    (
        "POST /api/v1/suppliers/{sid}/sub-suppliers",
        "not yet in the portal: sub-tier suppliers are linked through the API",
    ),
    (
        "POST /api/v1/companies/{cid}/sites/os-hub-import",
        "bulk CSV import of Open Supply Hub's download; the portal matches one site at a time",
    ),
    (
        "POST /api/v1/companies/{cid}/assessment-schedules",
        "schedules are API-only in api-contract.md",
    ),
    (
        "DELETE /api/v1/assessment-schedules/{id}",
        "schedules are API-only in api-contract.md",
    ),
    (
        "PUT /api/v1/assessments/{aid}/answers.csv",
        "the spreadsheet round trip is for suppliers' own tools",
    ),
    (
        "POST /api/v1/companies/{cid}/voice/channels",
        "worker-voice channels are opened through the API",
    ),
    (
        "POST /api/v1/voice/channels/{id}/posters",
        "posters are rendered through the API",
    ),
    (
        "POST /api/v1/voice/cases/{id}/findings",
        "the portal's case page records messages, status and referrals; a finding from a case is recorded through the API",
    ),
    (
        "POST /api/v1/companies/{cid}/referral-services",
        "the referral directory is kept through the API",
    ),
    (
        "PUT /api/v1/referral-services/{id}",
        "the referral directory is kept through the API",
    ),
    (
        "DELETE /api/v1/referral-services/{id}",
        "the referral directory is kept through the API",
    ),
    (
        "POST /api/v1/voice/inbound/twilio/{channel_token}",
        "Twilio's webhook: the provider calls it, no person does",
    ),
    (
        "POST /api/v1/voice/inbound/whatsapp/{channel_token}",
        "Meta's WhatsApp webhook: the provider calls it, no person does",
    ),
];

#[tokio::test]
async fn the_table_names_every_form_and_every_mutating_operation() {
    let app = spawn_app().await;
    let document = openapi_document(&app).await;
    let forms: BTreeSet<String> = web::POST_ROUTES
        .iter()
        .chain(web::PUBLIC_POST_ROUTES)
        .map(|r| shape(r))
        .collect();
    let listed: BTreeSet<String> = FORMS.iter().map(|(r, _)| shape(r)).collect();
    assert_eq!(forms, listed, "every portal form is in FORMS, once");
    assert_eq!(listed.len(), FORMS.len());

    let mut mutating = BTreeSet::new();
    for (route, item) in document["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if method != "get" {
                mutating.insert(format!("{} {route}", method.to_uppercase()));
            }
        }
    }
    for (route, twin) in FORMS {
        if let Twin::None(reason) = twin {
            assert!(reason.len() > 20, "{route}: say why it has no API twin");
        }
    }
    for (operation, reason) in API_ONLY {
        assert!(reason.len() > 20, "{operation}: say why no form offers it");
    }
    let twins: BTreeSet<String> = FORMS
        .iter()
        .filter_map(|(_, twin)| match twin {
            Twin::Api(operation) => Some(operation.to_string()),
            Twin::None(_) => None,
        })
        .collect();
    for twin in &twins {
        assert!(mutating.contains(twin), "{twin} is not in the OpenAPI document");
    }
    let api_only: BTreeSet<String> = API_ONLY.iter().map(|(o, _)| o.to_string()).collect();
    assert!(
        twins.is_disjoint(&api_only),
        "an operation is both a twin and API-only"
    );
    let named: BTreeSet<String> = twins.union(&api_only).cloned().collect();
    assert_eq!(
        mutating, named,
        "every mutating operation is a form's twin or listed in API_ONLY with a reason"
    );
}

/// How a door answered someone with no right, as one word both doors share.
fn refusal(status: StatusCode) -> &'static str {
    match status {
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not found",
        s if s.is_success() || s.is_redirection() => "done",
        _ => "other",
    }
}

/// The API twin of a form, sent as `token` with the body it accepts.
async fn through_api(app: &crate::helpers::TestApp, w: &World, operation: &str, token: &str) -> StatusCode {
    let (method, route) = operation.split_once(' ').unwrap();
    let path = concrete_path(w, route);
    let method: Method = method.parse().unwrap();
    let request = app
        .client
        .request(method.clone(), app.url(&path))
        .bearer_auth(token);
    let request = match operation {
        _ if method == Method::DELETE
            || ["/submit", "/test", "/os-hub/match"]
                .iter()
                .any(|end| route.ends_with(end)) =>
        {
            request
        }
        _ if route.ends_with("/evidence") => request.multipart(evidence_form("docs.policy", "policy.pdf")),
        _ if ["fx-rates", "fee-audits", "repayments"]
            .iter()
            .any(|end| route.ends_with(end)) =>
        {
            request
                .header("content-type", "text/csv")
                .body(valid_csv(app, w, operation).await)
        }
        _ => request.json(&valid_json(w, operation)),
    };
    request.send().await.unwrap().status()
}

/// Company forms whose twin lets the supplier's own users too, at both doors:
/// the supplier records what it repaid its workers (fee-audit.md says repayments
/// are recorded afterwards, not by whom; both doors agree on letting it).
const SUPPLIER_MAY: [&str; 1] = ["/fee-audits/{id}/repayments"];

/// For every form with a twin that names a company's resource: another company's
/// admin, and the company's own supplier user where the form is the company's,
/// get the same answer from both doors, and nothing is stored.
#[tokio::test]
async fn both_doors_refuse_the_same_callers_for_every_twin() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let other = app.registered_company().await;
    let stranger = crate::portal_flow::Portal::new(&app, "en");
    stranger.login(&other.email, "a-long-password-1").await;
    let before = snapshot(&app.db).await;
    let mut disagreements = Vec::new();
    for (route, twin) in FORMS {
        let Twin::Api(operation) = twin else { continue };
        if !route.contains('{') || route.contains("{token}") {
            continue;
        }
        let mut form = form_for(route, &w.s);
        let supplier_form = std::ptr::eq(form.who, &w.s.supplier);
        let mut callers = vec![(&stranger, other.token.as_str(), "another company's admin")];
        if !supplier_form && !SUPPLIER_MAY.contains(route) {
            callers.push((&w.s.supplier, w.s.supplier_token.as_str(), "the supplier"));
        }
        for (portal, token, who) in callers {
            form.who = portal;
            let csrf = portal.csrf().await;
            let page = send(&form, Some(&csrf)).await.status;
            let api = through_api(&app, &w, operation, token).await;
            if refusal(page) != refusal(api) || refusal(api) == "done" || refusal(api) == "other" {
                disagreements.push(format!("{route} / {operation}, {who}: portal {page}, API {api}"));
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "the doors disagree:\n{}",
        disagreements.join("\n")
    );
    assert!(
        before == snapshot(&app.db).await,
        "a refused caller changed what is stored"
    );
}
