//! `/api/openapi.json` is OpenAPI 3.1 and lists every route the server serves.

use serde_json::Value;

use crate::helpers::spawn_app;

/// Every route the server serves, as (method, OpenAPI path). Keep in step with
/// `api::routes::configure`; the test fails if either side drifts.
const ROUTES: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("get", "/api/v1/me"),
    ("post", "/api/v1/invitations/{token}/accept"),
    ("post", "/api/v1/auth/password-reset"),
    ("post", "/api/v1/auth/password-reset/{token}"),
    ("post", "/api/v1/me/mfa/totp"),
    ("delete", "/api/v1/me/mfa/totp"),
    ("post", "/api/v1/me/mfa/totp/confirm"),
    ("post", "/api/v1/me/mfa/recovery-codes"),
    ("get", "/api/v1/me/sessions"),
    ("delete", "/api/v1/me/sessions/{id}"),
    ("get", "/api/v1/companies/{cid}/security"),
    ("put", "/api/v1/companies/{cid}/security"),
    ("get", "/api/v1/companies/{cid}"),
    ("post", "/api/v1/companies/{cid}/advisors"),
    ("delete", "/api/v1/companies/{cid}/invitations/{id}"),
    ("delete", "/api/v1/companies/{cid}/members/{uid}"),
    ("post", "/api/v1/companies/{cid}/rescore"),
    ("get", "/api/v1/companies/{cid}/sso"),
    ("put", "/api/v1/companies/{cid}/sso"),
    ("patch", "/api/v1/me/preferences"),
    ("get", "/api/v1/companies/{cid}/emails"),
    ("post", "/api/v1/companies/{cid}/fx-rates"),
    ("get", "/api/v1/companies/{cid}/fx-rates"),
    ("post", "/api/v1/suppliers/{sid}/fee-audits"),
    ("get", "/api/v1/suppliers/{sid}/fee-audits"),
    ("get", "/api/v1/fee-audits/{id}"),
    ("post", "/api/v1/fee-audits/{id}/repayments"),
    ("get", "/api/v1/companies/{cid}/recruiters"),
    ("get", "/api/v1/recruiters/{id}"),
    ("patch", "/api/v1/recruiters/{id}"),
    ("post", "/api/v1/companies/{cid}/suppliers"),
    ("post", "/api/v1/companies/{cid}/suppliers/import"),
    ("get", "/api/v1/companies/{cid}/suppliers"),
    ("get", "/api/v1/suppliers/{sid}"),
    ("patch", "/api/v1/suppliers/{sid}"),
    ("post", "/api/v1/suppliers/{sid}/archive"),
    ("post", "/api/v1/companies/{cid}/products"),
    ("get", "/api/v1/companies/{cid}/products"),
    ("post", "/api/v1/companies/{cid}/products/import"),
    ("get", "/api/v1/products/{id}"),
    ("patch", "/api/v1/products/{id}"),
    ("delete", "/api/v1/products/{id}"),
    ("post", "/api/v1/products/{id}/links"),
    ("post", "/api/v1/products/{id}/origins"),
    ("post", "/api/v1/suppliers/{sid}/sub-suppliers"),
    ("post", "/api/v1/suppliers/{sid}/sites"),
    ("get", "/api/v1/suppliers/{sid}/sites"),
    ("post", "/api/v1/companies/{cid}/sites/os-hub-import"),
    ("get", "/api/v1/sites/{id}"),
    ("patch", "/api/v1/sites/{id}"),
    ("delete", "/api/v1/sites/{id}"),
    ("post", "/api/v1/sites/{id}/os-hub/match"),
    ("get", "/api/v1/sites/{id}/os-hub"),
    ("get", "/api/v1/companies/{cid}/questionnaires"),
    ("post", "/api/v1/companies/{cid}/questionnaires"),
    ("get", "/api/v1/questionnaires/{qid}"),
    ("post", "/api/v1/companies/{cid}/assessments"),
    ("get", "/api/v1/companies/{cid}/assessments"),
    ("get", "/api/v1/suppliers/{sid}/assessments"),
    ("get", "/api/v1/assessments/{aid}"),
    ("put", "/api/v1/assessments/{aid}/answers"),
    ("post", "/api/v1/assessments/{aid}/submit"),
    ("get", "/api/v1/assessments/{aid}/answers.csv"),
    ("put", "/api/v1/assessments/{aid}/answers.csv"),
    ("post", "/api/v1/assessments/{aid}/evidence"),
    ("get", "/api/v1/assessments/{aid}/evidence"),
    ("get", "/api/v1/evidence/{id}"),
    ("post", "/api/v1/companies/{cid}/assessment-schedules"),
    ("get", "/api/v1/companies/{cid}/assessment-schedules"),
    ("delete", "/api/v1/assessment-schedules/{id}"),
    ("get", "/api/v1/assessments/{aid}/findings"),
    ("post", "/api/v1/assessments/{aid}/findings"),
    ("post", "/api/v1/assessments/{aid}/reports"),
    ("get", "/api/v1/assessments/{aid}/reports"),
    ("get", "/api/v1/reports/{rid}"),
    ("get", "/api/v1/reports/{rid}/pdf"),
    ("patch", "/api/v1/findings/{fid}"),
    ("post", "/api/v1/findings/{fid}/actions"),
    ("get", "/api/v1/findings/{fid}/actions"),
    ("patch", "/api/v1/actions/{id}"),
    ("post", "/api/v1/assessments/{aid}/review"),
    ("get", "/api/v1/reference/countries"),
    ("get", "/api/v1/reference/sectors"),
    ("get", "/api/v1/reference/indicators"),
    ("get", "/api/v1/reference/screening-lists"),
    ("get", "/api/v1/companies/{cid}/screening-hits"),
    ("post", "/api/v1/suppliers/{sid}/evidence-packs"),
    ("get", "/api/v1/suppliers/{sid}/evidence-packs"),
    ("get", "/api/v1/evidence-packs/{id}"),
    ("get", "/api/v1/evidence-packs/{id}/pdf"),
    ("get", "/api/v1/evidence-packs/{id}/json"),
    ("get", "/api/v1/evidence-packs/{id}/zip"),
    ("post", "/api/v1/companies/{cid}/statements"),
    ("get", "/api/v1/companies/{cid}/statements"),
    ("get", "/api/v1/statements/{id}"),
    ("patch", "/api/v1/statements/{id}/sections/{key}"),
    ("get", "/api/v1/statements/{id}/versions"),
    ("get", "/api/v1/statements/{id}/pdf"),
    ("get", "/api/v1/statements/{id}/docx"),
    ("patch", "/api/v1/screening-hits/{id}"),
    ("get", "/api/v1/companies/{cid}/risk-overrides"),
    ("put", "/api/v1/companies/{cid}/risk-overrides"),
    ("post", "/api/v1/companies/{cid}/webhooks"),
    ("get", "/api/v1/companies/{cid}/webhooks"),
    ("get", "/api/v1/webhooks/{id}/deliveries"),
    ("patch", "/api/v1/webhooks/{id}"),
    ("delete", "/api/v1/webhooks/{id}"),
    ("post", "/api/v1/webhooks/{id}/test"),
    ("post", "/api/v1/companies/{cid}/api-keys"),
    ("get", "/api/v1/companies/{cid}/api-keys"),
    ("delete", "/api/v1/api-keys/{id}"),
    ("get", "/api/v1/assessments/{aid}/links"),
    ("post", "/api/v1/assessments/{aid}/links"),
    ("delete", "/api/v1/assessment-links/{id}"),
    ("get", "/api/v1/companies/{cid}/exports/suppliers.csv"),
    ("get", "/api/v1/companies/{cid}/exports/findings.csv"),
    ("get", "/api/v1/assessments/{aid}/export.json"),
    ("get", "/api/v1/fee-audits/{id}/export.csv"),
    ("get", "/api/v1/companies/{cid}/exports/corridors.csv"),
    ("get", "/api/v1/companies/{cid}/exports/corridors.json"),
    ("get", "/api/v1/companies/{cid}/analytics/corridors"),
    ("get", "/api/v1/voice/languages"),
    ("post", "/api/v1/voice/check"),
    ("get", "/api/v1/voice/{token}"),
    ("post", "/api/v1/voice/{token}/reports"),
    ("post", "/api/v1/voice/{token}/pulse"),
    ("get", "/api/v1/voice/channels/{id}/pulse"),
    ("post", "/api/v1/companies/{cid}/voice/channels"),
    ("get", "/api/v1/companies/{cid}/voice/channels"),
    ("post", "/api/v1/voice/channels/{id}/posters"),
    ("get", "/api/v1/voice/posters/{id}"),
    ("get", "/api/v1/voice/posters/{id}/pdf"),
    ("get", "/api/v1/companies/{cid}/voice/cases"),
    ("get", "/api/v1/voice/cases/{id}"),
    ("patch", "/api/v1/voice/cases/{id}"),
    ("post", "/api/v1/voice/cases/{id}/messages"),
    ("post", "/api/v1/voice/cases/{id}/findings"),
    ("post", "/api/v1/voice/cases/{id}/referrals"),
    ("patch", "/api/v1/voice/referrals/{id}"),
    ("post", "/api/v1/companies/{cid}/referral-services"),
    ("get", "/api/v1/companies/{cid}/referral-services"),
    ("put", "/api/v1/referral-services/{id}"),
    ("delete", "/api/v1/referral-services/{id}"),
    ("get", "/api/v1/companies/{cid}/voice/metrics"),
    ("put", "/api/v1/companies/{cid}/voice/messaging"),
    ("get", "/api/v1/companies/{cid}/voice/messaging"),
    ("post", "/api/v1/voice/inbound/twilio/{channel_token}"),
    ("get", "/api/v1/voice/inbound/whatsapp/{channel_token}"),
    ("post", "/api/v1/voice/inbound/whatsapp/{channel_token}"),
    ("put", "/api/v1/companies/{cid}/voice/promise"),
    ("get", "/health/live"),
    ("get", "/health/ready"),
];

#[tokio::test]
async fn the_document_is_openapi_3_1_and_lists_every_route() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/api/openapi.json")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let document: Value = response.json().await.unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = document["paths"].as_object().unwrap();
    for (method, path) in ROUTES {
        assert!(
            paths.get(*path).and_then(|p| p.get(*method)).is_some(),
            "{method} {path} missing"
        );
    }
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(
        documented,
        ROUTES.len(),
        "the document has routes this test does not know"
    );

    // Every documented route is really served (not a 404 from the default service).
    for (method, path) in ROUTES {
        let concrete = path
            .replace("{cid}", &uuid::Uuid::nil().to_string())
            .replace("{token}", "x");
        let request = match *method {
            "get" => app.client.get(app.url(&concrete)),
            "put" => app.client.put(app.url(&concrete)).json(&serde_json::json!({})),
            "patch" => app.client.patch(app.url(&concrete)).json(&serde_json::json!({})),
            "delete" => app.client.delete(app.url(&concrete)),
            _ => app.client.post(app.url(&concrete)).json(&serde_json::json!({})),
        };
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        assert_ne!(status, 405, "{method} {path}");
        // A 404 must come from the route (a resource not found), not from routing.
        let body: Value = response.json().await.unwrap_or_default();
        assert!(
            !body["detail"]
                .as_str()
                .unwrap_or_default()
                .starts_with("no route"),
            "{method} {path} not served"
        );
    }

    // Validated against the OpenAPI 3.1 schema, always: the harness installs the
    // validator with pip when it is missing, and fails if it cannot.
    let file = app.settings.data_dir.join("openapi.json");
    std::fs::write(&file, document.to_string()).unwrap();
    require_openapi_validator();
    let output = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output()
        .expect("run python3 -m openapi_spec_validator");
    assert!(
        output.status.success(),
        "openapi-spec-validator rejected the document:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn openapi_validator_installed() -> bool {
    std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator", "--help"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `openapi-spec-validator`, installed with pip when missing (the README's test
/// command does its own set-up); a test that cannot have it fails, never skips.
fn require_openapi_validator() {
    if openapi_validator_installed() {
        return;
    }
    eprintln!("note: installing openapi-spec-validator with pip for the OpenAPI test");
    let installed = std::process::Command::new("python3")
        .args(["-m", "pip", "install", "-q", "openapi-spec-validator"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        installed && openapi_validator_installed(),
        "the OpenAPI test needs python3 with openapi-spec-validator (python3 -m pip install openapi-spec-validator)"
    );
}
