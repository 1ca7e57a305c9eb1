//! The same bad value through both doors of every use case that takes input: the
//! API answers 422 naming the field, the portal shows its form again (422) with
//! the message beside the same field, and nothing is stored (issue #22). The
//! forms and bodies are the valid ones of `portal_security` and
//! `hostile_contract`, with one value made bad.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    helpers::spawn_app,
    hostile_contract::{World, concrete_path, valid_json, world},
    portal_security::{form_for, send, snapshot},
    two_doors_catalogue::{FORMS, Twin},
};

/// A portal form, the field made bad, and the bad value (the API's twin gets the
/// same value in the field of the same name). The API names the field in its 422,
/// and so does the portal beside the field, except in [`PAGE_400`].
const BAD: &[(&str, &str, &str)] = &[
    ("/register", "email", "not-an-address"),
    ("/invitations/{token}", "password", "short"),
    ("/assessments/{aid}/review", "decision", "maybe"),
    ("/companies/{cid}/suppliers/new", "country", "XX"),
    ("/companies/{cid}/suppliers/new", "name", "two\nlines"),
    ("/suppliers/{sid}/profile", "workforce_size", "-5"),
    ("/actions/{id}", "status", "finished"),
    ("/assessments/{aid}/findings", "severity", "huge"),
    ("/assessments/{aid}/findings", "title", " "),
    ("/findings/{fid}", "title", ""),
    ("/findings/{fid}/actions", "description", ""),
    ("/companies/{cid}/team", "email", "not-an-address"),
    ("/companies/{cid}/api-keys", "name", "two\nlines"),
    ("/voice/cases/{id}/messages", "body", " "),
    ("/voice/cases/{id}/status", "status", "lost"),
    ("/companies/{cid}/webhooks", "url", "ftp://example.org/hook"),
    ("/screening-hits/{id}", "reason", " "),
    ("/suppliers/{sid}/sites", "country", "XX"),
    ("/suppliers/{sid}/sites", "name", "two\nlines"),
    ("/sites/{id}", "name", "two\nlines"),
    ("/companies/{cid}/products", "hs_code", "61A"),
    ("/products/{id}", "sku", " "),
    ("/products/{id}/links", "role", "weaving"),
    ("/products/{id}/origins", "country", "XX"),
    ("/sites/{id}", "address", " "),
];

/// Where the portal answers the bad value with its 400 page instead of the form
/// with the message beside the field. A decision, an action's or a case's status
/// is a closed choice (radio, select): a value the form never offers is a
/// tampered form.
const PAGE_400: [&str; 3] = [
    "/assessments/{aid}/review",
    "/actions/{id}",
    "/voice/cases/{id}/status",
];

/// How a door refused: naming a field, or with a bare status.
#[derive(Debug, PartialEq)]
enum Refusal {
    Field(String),
    Status(StatusCode),
}

async fn through_api(
    app: &crate::helpers::TestApp,
    w: &World,
    operation: &str,
    field: &str,
    bad: &str,
) -> Refusal {
    let (method, route) = operation.split_once(' ').unwrap();
    let path = concrete_path(w, route);
    let mut body = valid_json(w, operation);
    body[field] = json!(bad);
    let mut request = app
        .client
        .request(method.parse::<Method>().unwrap(), app.url(&path))
        .json(&body);
    if !route.starts_with("/api/v1/auth/") && !route.starts_with("/api/v1/invitations/") {
        let token = if route.starts_with("/api/v1/actions/") {
            &w.s.supplier_token
        } else {
            &w.s.company.token
        };
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let problem: Value = response.json().await.unwrap_or(Value::Null);
    match problem["errors"][0]["field"].as_str() {
        Some(named) if status == StatusCode::UNPROCESSABLE_ENTITY => Refusal::Field(named.to_string()),
        _ => Refusal::Status(status),
    }
}

/// The field whose message the form shows (`…{field}-error` ids), if `field` is.
fn beside(body: &str, field: &str) -> bool {
    body.match_indices("-error\"")
        .filter_map(|(at, _)| body[..at].rsplit("id=\"").next())
        .any(|id| id == field || id.ends_with(&format!("-{field}")) || id.split('-').any(|p| p == field))
}

#[tokio::test]
async fn both_doors_refuse_the_same_bad_value_at_the_same_field() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let before = snapshot(&app.db).await;
    let mut disagreements = Vec::new();
    for (route, field, bad) in BAD {
        let Some((_, Twin::Api(operation))) = FORMS.iter().find(|(r, _)| r == route) else {
            panic!("{route} has no API twin in two_doors_catalogue::FORMS");
        };
        let api = through_api(&app, &w, operation, field, bad).await;
        let mut form = form_for(route, &w.s);
        match form.fields.iter_mut().find(|(k, _)| k == field) {
            Some(pair) => pair.1 = bad.to_string(),
            None => form.fields.push((field, bad.to_string())),
        }
        let csrf = form.who.csrf().await;
        let page = send(&form, Some(&csrf)).await;
        let portal = if page.status == StatusCode::UNPROCESSABLE_ENTITY && beside(&page.body, field) {
            Refusal::Field(field.to_string())
        } else {
            Refusal::Status(page.status)
        };
        let expected = Refusal::Field(field.to_string());
        let portal_expected = match PAGE_400.contains(route) {
            true => Refusal::Status(StatusCode::BAD_REQUEST),
            false => Refusal::Field(field.to_string()),
        };
        if api != expected || portal != portal_expected {
            disagreements.push(format!(
                "{route} / {operation}, {field} = {bad:?}: API {api:?}, portal {portal:?}"
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "the doors do not refuse alike:\n{}",
        disagreements.join("\n")
    );
    assert!(
        before == snapshot(&app.db).await,
        "a refused value changed what is stored"
    );
}
