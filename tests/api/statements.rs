//! Modern-slavery statements over HTTP (api-contract.md, "Evidence packs and
//! statements"; issue #21): for each regime every area the law names is present in
//! order; every figure equals what the route it cites answers for the same period;
//! the PDF shows every section title and the DOCX is a ZIP whose XML parts parse
//! and hold the text; edits keep every version; advisors read but do not write;
//! another tenant gets 404; bad input is a 422 that stores nothing.

use std::{io::Write as _, process::Command};

use chrono::{DateTime, NaiveDate, Utc};
use lopdf::Document;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::{
    fee_audits::{company_with_rates, uploaded_audit},
    helpers::{Company, TestApp, assert_problem, spawn_app},
    reports::squeezed_text,
};

const START: &str = "2026-01-01";
const END: &str = "2026-12-31";

/// The keys of each regime's areas, in the law's order (regimes.rs cites them).
const UK: [&str; 6] = [
    "structure",
    "policies",
    "due_diligence",
    "risk",
    "effectiveness",
    "training",
];
const AU: [&str; 7] = [
    "identity",
    "operations",
    "risks",
    "actions",
    "assessing_effectiveness",
    "consultation",
    "other",
];
const CA: [&str; 9] = [
    "steps",
    "structure",
    "policies",
    "risk",
    "remediation",
    "income",
    "training",
    "effectiveness",
    "questionnaire",
];

/// A company with two suppliers, one fee audit (its findings), an assessment sent,
/// a manual finding and a corrective action on it.
async fn company_with_records(app: &TestApp) -> Company {
    let company = company_with_rates(app).await;
    let first = app.supplier_with_user(&company, "Tejidos del Norte").await;
    app.supplier_with_user(&company, "Penang Circuits").await;
    uploaded_audit(app, &company, &first.supplier_id).await;
    let questionnaire = app.standard_questionnaire(&company).await;
    let assessment = app
        .send_assessment(&company, &first.supplier_id, &questionnaire)
        .await;
    let finding = app
        .post_json(
            &format!("/assessments/{assessment}/findings"),
            Some(&company.token),
            &json!({"severity": "minor", "indicator": "deception", "title": "Contracts only in English",
                    "detail": "Seen on site"}),
        )
        .await;
    assert_eq!(finding.status(), 201, "manual finding");
    let fid = finding.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let action = app
        .post_json(
            &format!("/findings/{fid}/actions"),
            Some(&company.token),
            &json!({"description": "Translate the contracts", "due_date": "2030-01-31"}),
        )
        .await;
    assert_eq!(action.status(), 201, "action");
    app.run_jobs().await;
    company
}

async fn create(app: &TestApp, company: &Company, body: &Value) -> reqwest::Response {
    app.post_json(
        &format!("/companies/{}/statements", company.id),
        Some(&company.token),
        body,
    )
    .await
}

async fn json_of(app: &TestApp, path: &str, token: &str) -> Value {
    let response = app.get_api(path, Some(token)).await;
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

fn in_period(at: &str) -> bool {
    let at: DateTime<Utc> = at.parse().unwrap();
    let day = at.date_naive();
    day >= NaiveDate::parse_from_str(START, "%Y-%m-%d").unwrap()
        && day <= NaiveDate::parse_from_str(END, "%Y-%m-%d").unwrap()
}

/// The findings export's rows (header dropped).
async fn findings_rows(app: &TestApp, company: &Company) -> Vec<Vec<String>> {
    let response = app
        .get_api(
            &format!("/companies/{}/exports/findings.csv", company.id),
            Some(&company.token),
        )
        .await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// What the route a figure cites answers for the same period: computed here from
/// the API's own answers, never from the statement.
async fn api_value(app: &TestApp, company: &Company, key: &str) -> String {
    let cid = &company.id;
    let token = &company.token;
    let count_items = |list: &Value, field: &str| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| in_period(i[field].as_str().unwrap()))
            .count()
    };
    if key == "company.name" {
        return json_of(app, &format!("/companies/{cid}"), token).await["name"]
            .as_str()
            .unwrap()
            .to_string();
    }
    if key == "period" {
        return format!("{START} – {END}");
    }
    if key == "suppliers" {
        let list = json_of(app, &format!("/companies/{cid}/suppliers?per_page=200"), token).await;
        return list["items"].as_array().unwrap().len().to_string();
    }
    if let Some(status) = key.strip_prefix("assessments.") {
        let list = json_of(
            app,
            &format!("/companies/{cid}/assessments?status={status}&per_page=200"),
            token,
        )
        .await;
        return count_items(&list, "created_at").to_string();
    }
    if key == "screening.confirmed" {
        let list = json_of(
            app,
            &format!("/companies/{cid}/screening-hits?status=confirmed&per_page=200"),
            token,
        )
        .await;
        return count_items(&list, "created_at").to_string();
    }
    if let Some(field) = key.strip_prefix("fee_audits.") {
        let corridors = json_of(
            app,
            &format!("/companies/{cid}/analytics/corridors?from={START}&to={END}"),
            token,
        )
        .await;
        let sum: u64 = corridors
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[field].as_u64().unwrap())
            .sum();
        return sum.to_string();
    }
    if let Some(field) = key.strip_prefix("voice.") {
        let metrics = json_of(
            app,
            &format!("/companies/{cid}/voice/metrics?from={START}&to={END}"),
            token,
        )
        .await;
        let field = if field == "reports" {
            "total_reports"
        } else {
            field
        };
        return metrics[field].as_u64().unwrap().to_string();
    }
    // Findings and actions: the export, one line per finding and action.
    let rows: Vec<Vec<String>> = findings_rows(app, company)
        .await
        .into_iter()
        .filter(|r| in_period(&r[11]))
        .collect();
    let mut findings: Vec<&Vec<String>> = Vec::new();
    for row in &rows {
        if !findings.iter().any(|f| f[0] == row[0]) {
            findings.push(row);
        }
    }
    let actions = rows.iter().filter(|r| !r[12].is_empty());
    match key.split('.').collect::<Vec<_>>().as_slice() {
        ["findings", "severity", s] => findings.iter().filter(|f| f[5] == *s).count().to_string(),
        ["findings", "indicator", i] => findings.iter().filter(|f| f[6] == *i).count().to_string(),
        ["actions"] => actions.count().to_string(),
        ["actions", "closed"] => actions
            .filter(|r| r[16] == "done" || r[16] == "verified")
            .count()
            .to_string(),
        _ => panic!("a figure no test can check: {key}"),
    }
}

async fn statement_of(app: &TestApp, company: &Company, regime: &str, expected: &[&str]) -> Value {
    let response = create(
        app,
        company,
        &json!({"regime": regime, "period_start": START, "period_end": END, "locale": "en"}),
    )
    .await;
    assert_eq!(response.status(), 201, "{regime}");
    let created: Value = response.json().await.unwrap();
    assert_eq!(created["regime"], regime);
    let keys: Vec<&str> = created["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, expected, "{regime}: every area, in the law's order");
    for section in created["sections"].as_array().unwrap() {
        assert!(!section["title"].as_str().unwrap().is_empty());
        assert!(
            section["basis"].as_str().unwrap().contains("https://"),
            "{section}: cited"
        );
        assert!(!section["text"].as_str().unwrap().is_empty(), "a first draft");
        assert_eq!(section["version"], 1);
    }
    created
}

#[tokio::test]
async fn each_regime_has_every_area_and_every_figure_equals_the_api() {
    let app = spawn_app().await;
    let company = company_with_records(&app).await;
    let mut checked = 0;
    for (regime, expected) in [("uk_msa", &UK[..]), ("au_msa", &AU[..]), ("ca_s211", &CA[..])] {
        let created = statement_of(&app, &company, regime, expected).await;
        for section in created["sections"].as_array().unwrap() {
            for figure in section["figures"].as_array().unwrap() {
                let key = figure["key"].as_str().unwrap();
                assert!(!figure["label"].as_str().unwrap().is_empty());
                assert!(
                    figure["source"].as_str().unwrap().starts_with("GET /api/v1/") || key == "period",
                    "{figure}"
                );
                assert_eq!(
                    figure["value"].as_str().unwrap(),
                    api_value(&app, &company, key).await,
                    "{regime}: {key}"
                );
                checked += 1;
            }
        }
        // Read back: the same statement.
        let id = created["id"].as_str().unwrap();
        let read = json_of(&app, &format!("/statements/{id}"), &company.token).await;
        assert_eq!(read["sections"], created["sections"]);
    }
    assert!(checked > 20, "only {checked} figures");
    // The records are not empty: the comparisons compared something.
    let uk = statement_of(&app, &company, "uk_msa", &UK).await;
    let risk = &uk["sections"][3]["figures"];
    let minor = risk
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "findings.severity.minor")
        .unwrap();
    assert_eq!(minor["value"], "1");
    let structure = &uk["sections"][0]["figures"][0];
    assert_eq!(structure["value"], "2");
    // The fee audit's four workers, hired in the period; W1, W2 and W4 paid.
    let au = statement_of(&app, &company, "au_msa", &AU).await;
    let figure = |key: &str| {
        au["sections"][3]["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == key)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(figure("fee_audits.workers"), "4");
    assert_eq!(figure("fee_audits.workers_who_paid"), "3");
    // Ours and any the fee audit opened: compared with the export above.
    assert!(figure("actions").as_str().unwrap().parse::<u32>().unwrap() >= 1);
    let list = json_of(
        &app,
        &format!("/companies/{}/statements?per_page=2", company.id),
        &company.token,
    )
    .await;
    assert_eq!(list["total"], 5);
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
}

/// `(name, text)` of each part of a ZIP, read by Info-ZIP's `unzip` (which checks
/// every CRC with `-t` first).
fn unzip_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(bytes).unwrap();
    let path = file.path().to_str().unwrap().to_string();
    let test = Command::new("unzip")
        .args(["-t", &path])
        .output()
        .expect("unzip is installed");
    assert!(test.status.success(), "{}", String::from_utf8_lossy(&test.stdout));
    let list = Command::new("unzip").args(["-Z1", &path]).output().unwrap();
    String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .map(|name| {
            // `[` opens a wildcard class for unzip: `[[]` is the bracket itself.
            let pattern = name.replace('[', "[[]");
            let out = Command::new("unzip")
                .args(["-p", &path, &pattern])
                .output()
                .unwrap();
            (name.to_string(), String::from_utf8(out.stdout).unwrap())
        })
        .collect()
}

/// The text of a well-formed XML document (panics on a malformed one).
fn xml_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Text(t) => text.push_str(&t.decode().unwrap()),
            quick_xml::events::Event::GeneralRef(r) => {
                let name = r.decode().unwrap();
                text.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity {other}"),
                });
            }
            quick_xml::events::Event::Eof => return text,
            _ => {}
        }
    }
}

#[tokio::test]
async fn the_pdf_and_docx_show_every_section_and_edits_keep_every_version() {
    let app = spawn_app().await;
    let company = company_with_records(&app).await;
    let created = statement_of(&app, &company, "au_msa", &AU).await;
    let id = created["id"].as_str().unwrap().to_string();
    // Before the worker ran: not yet.
    assert_problem(
        app.get_api(&format!("/statements/{id}/pdf"), Some(&company.token))
            .await,
        409,
    )
    .await;
    app.run_jobs().await;

    let edited_text = "We map every recruiter & sub-agent <tier 2> of our suppliers.";
    let edit = app
        .patch_json(
            &format!("/statements/{id}/sections/actions"),
            &company.token,
            &json!({"text": edited_text}),
        )
        .await;
    assert_eq!(edit.status(), 200);
    let edited: Value = edit.json().await.unwrap();
    assert_eq!(edited["revision"], 2);
    assert_eq!(edited["sections"][3]["text"], edited_text);
    assert_eq!(edited["sections"][3]["version"], 2);
    // The old file is never served as the current one.
    assert_problem(
        app.get_api(&format!("/statements/{id}/docx"), Some(&company.token))
            .await,
        409,
    )
    .await;
    let second = "Second edit.";
    let edit = app
        .patch_json(
            &format!("/statements/{id}/sections/actions"),
            &company.token,
            &json!({"text": second}),
        )
        .await;
    assert_eq!(edit.status(), 200);
    app.run_jobs().await;

    let versions = json_of(&app, &format!("/statements/{id}/versions"), &company.token).await;
    let actions: Vec<&Value> = versions
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["section_key"] == "actions")
        .collect();
    assert_eq!(actions.len(), 3, "the draft and both edits");
    assert_eq!(actions[0]["text"], created["sections"][3]["text"]);
    assert_eq!(actions[1]["text"], edited_text);
    assert_eq!(actions[2]["text"], second);
    assert_eq!(versions.as_array().unwrap().len(), AU.len() + 2);
    let me = json_of(&app, "/me", &company.token).await;
    assert_eq!(actions[2]["author_id"], me["user"]["id"]);
    let trail = domain::entities::audit_event::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        trail
            .iter()
            .filter(|e| e.action == "statement.section_edited")
            .count(),
        2
    );

    let pdf = app
        .get_api(&format!("/statements/{id}/pdf"), Some(&company.token))
        .await;
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = squeezed_text(&Document::load_mem(&pdf.bytes().await.unwrap()).unwrap());
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    for section in edited["sections"].as_array().unwrap() {
        assert!(
            text.contains(&squeeze(section["title"].as_str().unwrap())),
            "PDF lacks {}",
            section["title"]
        );
    }
    assert!(text.contains(&squeeze(second)), "the PDF shows the latest text");

    let docx = app
        .get_api(&format!("/statements/{id}/docx"), Some(&company.token))
        .await;
    assert_eq!(docx.status(), 200);
    let parts = unzip_parts(&docx.bytes().await.unwrap());
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    let mut document = String::new();
    for (name, xml) in &parts {
        let text = xml_text(xml);
        if name == "word/document.xml" {
            document = text;
        }
    }
    for section in edited["sections"].as_array().unwrap() {
        assert!(
            document.contains(section["title"].as_str().unwrap()),
            "DOCX lacks {}",
            section["title"]
        );
    }
    assert!(document.contains(second));
    assert!(parts[0].1.contains("wordprocessingml.document.main+xml"));
}

#[tokio::test]
async fn advisors_read_others_get_404_and_bad_input_stores_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let created = statement_of(&app, &company, "ca_s211", &CA).await;
    let id = created["id"].as_str().unwrap();

    let advisor = app.advisor_of(&company).await;
    let read = app.get_api(&format!("/statements/{id}"), Some(&advisor)).await;
    assert_eq!(read.status(), 200);
    assert_problem(
        app.patch_json(
            &format!("/statements/{id}/sections/steps"),
            &advisor,
            &json!({"text": "x"}),
        )
        .await,
        403,
    )
    .await;
    assert_problem(
        app.post_json(
            &format!("/companies/{}/statements", company.id),
            Some(&advisor),
            &json!({"regime": "uk_msa", "period_start": START, "period_end": END}),
        )
        .await,
        403,
    )
    .await;

    let other = app.registered_company().await;
    for path in [
        format!("/statements/{id}"),
        format!("/statements/{id}/versions"),
        format!("/statements/{id}/pdf"),
        format!("/statements/{id}/docx"),
        format!("/companies/{}/statements", company.id),
    ] {
        assert_problem(app.get_api(&path, Some(&other.token)).await, 404).await;
    }
    assert_problem(
        app.patch_json(
            &format!("/statements/{id}/sections/steps"),
            &other.token,
            &json!({"text": "x"}),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        app.patch_json(
            &format!("/statements/{id}/sections/nope"),
            &company.token,
            &json!({"text": "x"}),
        )
        .await,
        404,
    )
    .await;
    let empty = assert_problem(
        app.patch_json(
            &format!("/statements/{id}/sections/steps"),
            &company.token,
            &json!({"text": "  "}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(empty["errors"][0]["field"], "text");

    let before = domain::entities::statement::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    for (body, fields) in [
        (
            json!({"regime": "uk_msa", "period_start": "2026-12-31", "period_end": "2026-01-01"}),
            vec!["period_end"],
        ),
        (
            json!({"regime": "uk_msa", "period_start": "2026-02-30", "period_end": "2026-12-31"}),
            vec!["period_start"],
        ),
        (
            json!({"regime": "uk_msa", "period_start": "2020-01-01", "period_end": "2026-12-31"}),
            vec!["period_end"],
        ),
        (
            json!({"regime": "us_msa", "period_start": "nope", "period_end": "", "locale": "de"}),
            vec!["regime", "period_start", "period_end", "locale"],
        ),
        (json!({}), vec!["regime", "period_start", "period_end"]),
    ] {
        let problem = assert_problem(create(&app, &company, &body).await, 422).await;
        let named: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(named, fields, "{body}");
    }
    assert_eq!(
        domain::entities::statement::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        before
    );
    let versions = domain::entities::statement_version::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(versions, CA.len() as u64, "only the first statement's drafts");
}

/// Edits of one statement sent at the same moment: each is saved as its own
/// version or refused with `409`, never a `5xx`, and the versions stay numbered
/// 1, 2, 3… without a gap or a repeat.
#[tokio::test]
async fn edits_at_the_same_moment_are_saved_or_refused_with_409_never_a_5xx() {
    let app = spawn_app().await;
    let company = company_with_records(&app).await;
    let created = statement_of(&app, &company, "uk_msa", &UK).await;
    let id = created["id"].as_str().unwrap().to_string();
    let path = format!("/statements/{id}/sections/policies");
    let edits = (0..8).map(|n| {
        let (app, path, token) = (&app, &path, &company.token);
        async move {
            app.patch_json(path, token, &json!({"text": format!("Edit number {n}.")}))
                .await
                .status()
        }
    });
    let statuses = futures_util::future::join_all(edits).await;
    let saved = statuses.iter().filter(|s| s.as_u16() == 200).count();
    assert!(saved >= 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| s.as_u16() == 200 || s.as_u16() == 409),
        "every edit is saved or refused as a conflict: {statuses:?}"
    );
    let versions = json_of(&app, &format!("/statements/{id}/versions"), &company.token).await;
    let numbers: Vec<i64> = versions
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["section_key"] == "policies")
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(
        numbers,
        (1..=saved as i64 + 1).collect::<Vec<_>>(),
        "the draft and each saved edit"
    );
}
