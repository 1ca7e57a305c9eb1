//! The recruiter registry as the company keeps it (issue #25): licences, origin
//! countries, IRIS status with its date and source, sub-agent links (no loops) and
//! the suppliers a recruiter works for, edited by officers and admins over the API
//! with every bad field named and nothing changed; the chain read both ways; the
//! fees workers paid it from fee audits beside what suppliers declare in their SAQ;
//! advisors read, another company gets 404.

use serde_json::{Value, json};

use crate::{
    corridors::audited_company,
    helpers::{Company, TestApp, assert_problem, spawn_app},
};

/// The registry id of a recruiter, by name.
pub(crate) async fn recruiter_named(app: &TestApp, company: &Company, name: &str) -> String {
    let list: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .and_then(|r| r["id"].as_str())
        .unwrap_or_else(|| panic!("{name} in {list}"))
        .to_string()
}

async fn patch(app: &TestApp, id: &str, token: &str, body: &Value) -> reqwest::Response {
    app.patch_json(&format!("/recruiters/{id}"), token, body).await
}

async fn read(app: &TestApp, id: &str, token: &str) -> reqwest::Response {
    app.get_api(&format!("/recruiters/{id}"), Some(token)).await
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_registry_records_licences_origins_and_iris_and_refuses_bad_fields_whole() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let sunrise = recruiter_named(&app, &company, "Sunrise Manpower").await;
    let before: Value = read(&app, &sunrise, &company.token).await.json().await.unwrap();

    // Every bad field named, nothing stored.
    let refused = patch(
        &app,
        &sunrise,
        &company.token,
        &json!({"origin_countries": ["NP", "XX"],
                "licences": [{"number": "", "issuing_country": "Nepal", "authority": "DoFE", "expires_on": "31/12/2027"}],
                "iris_status": "certified"}),
    )
    .await;
    let problem = assert_problem(refused, 422).await;
    assert_eq!(
        fields(&problem),
        [
            "origin_countries[1]",
            "licences[0].number",
            "licences[0].issuing_country",
            "licences[0].expires_on",
            "iris_status_on",
            "iris_source"
        ]
    );
    let unknown = patch(&app, &sunrise, &company.token, &json!({"iris_status": "gold"})).await;
    assert_eq!(fields(&assert_problem(unknown, 422).await), ["iris_status"]);
    let after: Value = read(&app, &sunrise, &company.token).await.json().await.unwrap();
    assert_eq!(after, before, "nothing changed");

    let saved = patch(
        &app,
        &sunrise,
        &company.token,
        &json!({"origin_countries": ["NP", "BD", "NP"],
                "licences": [
                    {"number": "1234/079/80", "issuing_country": "NP", "authority": "Department of Foreign Employment", "expires_on": "2027-07-15"},
                    {"number": "JTK-88", "issuing_country": "MY", "authority": "Jabatan Tenaga Kerja"}],
                "iris_status": "certified", "iris_status_on": "2026-05-01",
                "iris_source": "IOM IRIS list of certified recruiters, read 2026-05-03"}),
    )
    .await;
    assert_eq!(saved.status(), 200);
    let saved: Value = saved.json().await.unwrap();
    assert_eq!(saved["origin_countries"], json!(["NP", "BD"]));
    assert_eq!(
        saved["licences"][1],
        json!({"number": "JTK-88", "issuing_country": "MY",
        "authority": "Jabatan Tenaga Kerja", "expires_on": null})
    );
    assert_eq!(
        (
            &saved["iris_status"],
            &saved["iris_status_on"],
            &saved["iris_certified"]
        ),
        (&json!("certified"), &json!("2026-05-01"), &json!(true))
    );
    // The list's contract fields follow: the first licence, certified.
    let list: Value = app
        .list_recruiters(&company.id, &company.token)
        .await
        .json()
        .await
        .unwrap();
    let listed = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == sunrise.as_str())
        .unwrap();
    assert_eq!(
        (
            &listed["licence_number"],
            &listed["licence_expires_on"],
            &listed["iris_certified"]
        ),
        (&json!("1234/079/80"), &json!("2027-07-15"), &json!(true))
    );
    // Suspended later: the date and source stay until changed; `none` clears them.
    let suspended: Value = patch(
        &app,
        &sunrise,
        &company.token,
        &json!({"iris_status": "suspended"}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(
        (&suspended["iris_status"], &suspended["iris_certified"]),
        (&json!("suspended"), &json!(false))
    );
    assert_eq!(suspended["iris_source"], saved["iris_source"]);
    let cleared: Value = patch(&app, &sunrise, &company.token, &json!({"iris_status": "none"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (&cleared["iris_status_on"], &cleared["iris_source"]),
        (&Value::Null, &Value::Null)
    );
}

#[tokio::test]
async fn sub_agent_links_read_both_ways_and_never_loop() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let sunrise = recruiter_named(&app, &company, "Sunrise Manpower").await;
    let dhaka = recruiter_named(&app, &company, "Dhaka Links").await;
    let bangkok = recruiter_named(&app, &company, "Bangkok Staffing").await;
    // Dhaka Links works under Sunrise, Bangkok Staffing under Dhaka Links.
    for (child, parent) in [(&dhaka, &sunrise), (&bangkok, &dhaka)] {
        let linked = patch(&app, child, &company.token, &json!({"sub_agent_of": parent})).await;
        assert_eq!(linked.status(), 200);
    }
    let top: Value = read(&app, &sunrise, &company.token).await.json().await.unwrap();
    assert_eq!(top["works_under"], json!([]));
    let below: Vec<(String, u64)> = top["sub_agents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["name"].as_str().unwrap().to_string(),
                l["depth"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        below,
        [
            ("Dhaka Links".to_string(), 1),
            ("Bangkok Staffing".to_string(), 2)
        ]
    );
    let bottom: Value = read(&app, &bangkok, &company.token).await.json().await.unwrap();
    let above: Vec<&str> = bottom["works_under"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(above, ["Dhaka Links", "Sunrise Manpower"]);

    // Sunrise under Bangkok Staffing would close a loop, so would itself.
    for parent in [&bangkok, &sunrise] {
        let looped = patch(&app, &sunrise, &company.token, &json!({"sub_agent_of": parent})).await;
        let problem = assert_problem(looped, 422).await;
        assert_eq!(fields(&problem), ["sub_agent_of"]);
    }
    let still: Value = read(&app, &sunrise, &company.token).await.json().await.unwrap();
    assert_eq!(still["sub_agent_of"], Value::Null);
    // `null` unlinks.
    let unlinked: Value = patch(&app, &bangkok, &company.token, &json!({"sub_agent_of": null}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unlinked["works_under"], json!([]));
}

#[tokio::test]
async fn links_stay_inside_the_company_and_roles_are_least_privilege() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let sunrise = recruiter_named(&app, &company, "Sunrise Manpower").await;
    let (other, _) = audited_company(&app).await;
    let theirs = recruiter_named(&app, &other, "Dhaka Links").await;
    let their_supplier = app.supplier_with_user(&other, "Their Supplier").await;
    let ours = app.supplier_with_user(&company, "Our Works").await;

    // Another company's recruiter: 404 to read or change, and unknown as a link.
    assert_eq!(read(&app, &theirs, &company.token).await.status(), 404);
    assert_problem(
        patch(&app, &theirs, &company.token, &json!({"iris_status": "none"})).await,
        404,
    )
    .await;
    let refused = patch(
        &app,
        &sunrise,
        &company.token,
        &json!({"sub_agent_of": theirs, "works_for": [their_supplier.supplier_id]}),
    )
    .await;
    assert_eq!(
        fields(&assert_problem(refused, 422).await),
        ["sub_agent_of", "works_for"]
    );

    // Works for one of ours.
    let saved: Value = patch(
        &app,
        &sunrise,
        &company.token,
        &json!({"works_for": [ours.supplier_id]}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(saved["works_for"], json!([ours.supplier_id]));

    // An advisor reads but may not change; the supplier's own user sees nothing.
    let advisor = app.advisor_of(&company).await;
    assert_eq!(read(&app, &sunrise, &advisor).await.status(), 200);
    assert_problem(
        patch(&app, &sunrise, &advisor, &json!({"iris_status": "none"})).await,
        403,
    )
    .await;
    assert_eq!(read(&app, &sunrise, &ours.token).await.status(), 404);
}

/// A questionnaire with the SAQ v2 questions that name recruiters and fees.
fn saq_recruiter_questions() -> Value {
    let choice = |key: &str, values: &[&str]| {
        json!({"key": key, "type": "single_choice", "required": false, "text": {"en": key},
               "options": values.iter().map(|v| json!({"value": v, "label": {"en": v}})).collect::<Vec<_>>()})
    };
    json!({
        "key": "recruiters-and-fees",
        "version": 1,
        "title": {"en": "Recruiters and fees"},
        "default_locale": "en",
        "sections": [{
            "key": "rec",
            "title": {"en": "Recruiters"},
            "questions": [
                choice("rec.uses_recruiters", &["no", "yes", "unknown"]),
                {"key": "rec.recruiters_used", "type": "text", "required": false, "text": {"en": "List them"},
                 "show_if": {"question": "rec.uses_recruiters", "equals": "yes"}},
                choice("fees.workers_paid_any", &["no", "yes", "unknown"]),
                choice("fees.months_of_wages", &["under_half", "half_to_one", "one_to_three", "three_or_more", "unknown"]),
            ]
        }]
    })
}

#[tokio::test]
async fn a_recruiter_shows_the_fees_audited_and_what_suppliers_declare_in_their_saq() {
    let app = spawn_app().await;
    let (company, _) = audited_company(&app).await;
    let sunrise = recruiter_named(&app, &company, "Sunrise Manpower").await;
    let declaring = app.supplier_with_user(&company, "Johor Declares").await;
    let questionnaire = app
        .company_questionnaire(&company, &saq_recruiter_questions())
        .await;
    let aid = app
        .send_assessment(&company, &declaring.supplier_id, &questionnaire)
        .await;
    let answers = json!({"rec.uses_recruiters": "yes",
                         "rec.recruiters_used": "sunrise manpower; Nepal\nOther Agency; IN",
                         "fees.workers_paid_any": "yes", "fees.months_of_wages": "one_to_three"});
    assert_eq!(
        app.save_answers(&declaring.token, &aid, &answers).await.status(),
        200
    );
    // Not yet submitted: not a declaration.
    let before: Value = read(&app, &sunrise, &company.token).await.json().await.unwrap();
    assert_eq!(before["declared"], json!([]));
    assert_eq!(app.submit(&declaring.token, &aid).await.status(), 202);

    let body: Value = read(&app, &sunrise, &company.token).await.json().await.unwrap();
    // Audited, exact over both suppliers whose workers paid it: 1,150.01 + 330.00.
    assert_eq!(body["fees_usd"], "1480.01");
    assert_eq!(body["workers_who_paid"], 3);
    // Declared beside it, never added.
    assert_eq!(
        body["declared"],
        json!([{"supplier_id": declaring.supplier_id, "assessment_id": aid,
                "workers_paid_any": "yes", "months_of_wages": "one_to_three", "costs_paid": []}])
    );
    // Another recruiter the SAQ does not name has no declaration.
    let dhaka = recruiter_named(&app, &company, "Dhaka Links").await;
    let other: Value = read(&app, &dhaka, &company.token).await.json().await.unwrap();
    assert_eq!(other["declared"], json!([]));
}
