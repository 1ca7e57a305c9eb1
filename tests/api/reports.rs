//! Advisory reports end to end: request → the worker renders the PDF → the
//! officers are emailed → the PDF downloads, in the requested language, with
//! every text inside the page; 409 while queued, 404 for another company.

use chrono::Utc;
use domain::entities::finding;
use lopdf::{Document, Object};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde_json::{Value, json};

use crate::{
    fee_audits::{AUDIT, company_with_rates},
    fixtures::small_definition,
    helpers::{Company, TestApp, spawn_app},
};

/// A scored assessment with the four-worker fee audit; returns (company, supplier
/// id, assessment id, supplier name).
pub(crate) async fn scored(app: &TestApp, audit: &str) -> (Company, String, String, String) {
    let company = company_with_rates(app).await;
    let name = "Selangor Circuits Sdn Bhd";
    let (supplier, id) = app.small_assessment(&company, name).await;
    let answers = json!({"fees.paid": "yes", "fees.amount_known": "no", "hours.max_weekly": 66});
    assert_eq!(
        app.save_answers(&supplier.token, &id, &answers).await.status(),
        200
    );
    assert_eq!(app.submit(&supplier.token, &id).await.status(), 202);
    app.run_jobs().await;
    let uploaded = app
        .upload_fee_audit(&supplier.supplier_id, &company.token, audit)
        .await;
    assert_eq!(uploaded.status(), 201, "upload audit");
    app.run_jobs().await;
    (company, supplier.supplier_id, id, name.to_string())
}

async fn request(app: &TestApp, token: &str, aid: &str, body: &Value) -> reqwest::Response {
    app.post_json(&format!("/assessments/{aid}/reports"), Some(token), body)
        .await
}

/// The text of every page, whitespace removed (table cells wrap anywhere).
/// Requests a report of assessment `aid` in `locale`, runs the jobs, and gives the
/// PDF's text with the whitespace removed.
pub(crate) async fn rendered_text(app: &TestApp, company: &Company, aid: &str, locale: &str) -> String {
    let queued = app
        .post_json(
            &format!("/assessments/{aid}/reports"),
            Some(&company.token),
            &json!({"locale": locale}),
        )
        .await;
    assert_eq!(queued.status(), 202);
    let rid = queued.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.run_jobs().await;
    let pdf = app
        .get_api(&format!("/reports/{rid}/pdf"), Some(&company.token))
        .await;
    assert_eq!(pdf.status(), 200);
    squeezed_text(&Document::load_mem(&pdf.bytes().await.unwrap()).unwrap())
}

pub(crate) fn squeezed_text(pdf: &Document) -> String {
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pdf.extract_text(&pages).unwrap().split_whitespace().collect()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

#[tokio::test]
async fn a_report_is_rendered_in_the_requested_language_and_announced() {
    let app = spawn_app().await;
    let (company, _, aid, supplier_name) = scored(&app, AUDIT).await;
    let assessment: Value = app
        .get_api(&format!("/assessments/{aid}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();

    let response = request(&app, &company.token, &aid, &json!({"locale": "es"})).await;
    assert_eq!(response.status(), 202);
    let queued: Value = response.json().await.unwrap();
    assert_eq!(queued["status"], "queued");
    let rid = queued["id"].as_str().unwrap().to_string();
    let pdf = app
        .get_api(&format!("/reports/{rid}/pdf"), Some(&company.token))
        .await;
    assert_eq!(pdf.status(), 409, "not ready while queued");

    app.run_jobs().await;

    let report: Value = app
        .get_api(&format!("/reports/{rid}"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["status"], "ready");
    assert_eq!(report["locale"], "es");
    assert_eq!(report["assessment_id"], aid.as_str());
    assert!(report["ready_at"].is_string());
    let listed: Value = app
        .get_api(&format!("/assessments/{aid}/reports"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["id"], rid.as_str());

    let response = app
        .get_api(&format!("/reports/{rid}/pdf"), Some(&company.token))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment; filename=\"") && disposition.ends_with(".pdf\""));
    let bytes = response.bytes().await.unwrap();
    let pdf = Document::load_mem(&bytes).unwrap();
    let pages = pdf.get_pages().len();
    let text = squeezed_text(&pdf);

    assert!(text.contains(&squeeze(&supplier_name)), "supplier name");
    let band = match assessment["risk_band"].as_str().unwrap() {
        "low" => "bajo",
        "medium" => "medio",
        "high" => "alto",
        _ => "crítico",
    };
    assert!(text.to_lowercase().contains(band), "band {band} in Spanish");
    let score = format!("{:.1}", assessment["score"].as_f64().unwrap()).replace('.', ",");
    assert!(text.contains(&score), "score {score}");
    assert!(text.contains("1342,50"), "fees outstanding in Spanish form");
    assert!(text.contains("Resumenejecutivo"), "Spanish labels");
    assert!(pages >= 10, "a full report, not a stub: {pages} pages");
    for n in [2, pages] {
        assert!(
            text.contains(&format!("página{n}de{pages}")),
            "page {n} of {pages} in the footer"
        );
    }
    let findings: Value = app
        .get_api(&format!("/assessments/{aid}/findings"), Some(&company.token))
        .await
        .json()
        .await
        .unwrap();
    for f in findings.as_array().unwrap() {
        let title = squeeze(f["title"].as_str().unwrap());
        assert!(text.contains(&title), "finding {title}");
    }

    let emails = app.outbox();
    assert!(
        emails
            .iter()
            .any(|e| e.contains(&company.email) && e.contains(&format!("/reports/{rid}"))),
        "the admin is told the report is ready, with its link"
    );

    // Another company sees nothing.
    let other = app.registered_company().await;
    let hidden = app
        .get_api(&format!("/reports/{rid}/pdf"), Some(&other.token))
        .await;
    assert_eq!(hidden.status(), 404);
    assert_eq!(
        app.get_api(&format!("/reports/{rid}"), Some(&other.token))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn requests_are_checked() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier = app.supplier_with_user(&company, "Not Yet Ltd").await;
    let questionnaire = app
        .company_questionnaire(&company, &small_definition("small", 1))
        .await;
    let aid = app
        .send_assessment(&company, &supplier.supplier_id, &questionnaire)
        .await;
    assert_eq!(
        request(&app, &company.token, &aid, &json!({})).await.status(),
        409,
        "not scored"
    );
    let (company, _, aid, _) = scored(&app, AUDIT).await;
    assert_eq!(
        request(&app, &company.token, &aid, &json!({"locale": "de"}))
            .await
            .status(),
        422
    );
    let response = request(&app, &company.token, &aid, &json!({})).await;
    assert_eq!(response.status(), 202, "the assessment's locale by default");
    let other = app.registered_company().await;
    assert_eq!(request(&app, &other.token, &aid, &json!({})).await.status(), 404);
}

/// 500 workers with fees of 0–11 months of wages.
fn big_audit() -> String {
    let mut csv = String::from(
        "worker_ref,nationality,recruiter,recruiter_country,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,loan,reimbursed,evidence\n",
    );
    for n in 0..500 {
        let recruiter = format!("Agencia de Contratación Número {}", n % 23);
        let amount = (n % 12) * 300;
        let (category, amount_text) = if amount == 0 {
            ("none", "0".to_string())
        } else {
            ("recruitment_fee", amount.to_string())
        };
        csv.push_str(&format!(
            "W{n:04},NP,{recruiter},NP,2026-02-01,300,USD,{category},{amount_text},USD,2026-01-10,{},0,receipt\n",
            if n % 3 == 0 { "yes" } else { "no" }
        ));
    }
    csv
}

#[tokio::test]
async fn a_large_report_lays_out_inside_its_pages() {
    let app = spawn_app().await;
    let (company, sid, aid, _) = scored(&app, &big_audit()).await;
    let now = Utc::now();
    let mut titles = Vec::new();
    for n in 0..60 {
        let title = format!(
            "Hallazgo {n}: los trabajadores declararon comisiones pagadas a la agencia «Número {n}» (€ y ’)"
        );
        finding::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            company_id: Set(company.id.parse().unwrap()),
            supplier_id: Set(sid.parse().unwrap()),
            assessment_id: Set(Some(aid.parse().unwrap())),
            fee_audit_id: Set(None),
            severity: Set(["priority", "major", "minor"][n % 3].to_string()),
            zero_tolerance: Set(false),
            indicator: Set(
                ["debt_bondage", "deception", "retention_of_identity_documents"][n % 3].to_string(),
            ),
            question_key: Set(None),
            title: Set(title.clone()),
            detail: Set("Entrevistas con trabajadores y recibos. ".repeat(n % 7 + 1)),
            status: Set("open".into()),
            source: Set("manual".into()),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            confirmed_at: Set(None),
            confirmed_by: Set(None),
        }
        .insert(&app.db)
        .await
        .unwrap();
        titles.push(title);
    }
    // Strings with no break opportunity must wrap too, not run off the right edge.
    let unbroken = format!("Référence{}", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".repeat(6));
    let url = format!(
        "https://evidence.example/dossiers/{}/recu.pdf",
        "WWWWMMMM".repeat(20)
    );
    finding::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        company_id: Set(company.id.parse().unwrap()),
        supplier_id: Set(sid.parse().unwrap()),
        assessment_id: Set(Some(aid.parse().unwrap())),
        fee_audit_id: Set(None),
        severity: Set("major".into()),
        zero_tolerance: Set(false),
        indicator: Set("deception".into()),
        question_key: Set(None),
        title: Set(unbroken.clone()),
        detail: Set(url.clone()),
        status: Set("open".into()),
        source: Set("manual".into()),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        confirmed_at: Set(None),
        confirmed_by: Set(None),
    }
    .insert(&app.db)
    .await
    .unwrap();
    titles.push(unbroken.clone());
    let response = request(&app, &company.token, &aid, &json!({"locale": "fr"})).await;
    let rid = response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.run_jobs().await;
    let response = app
        .get_api(&format!("/reports/{rid}/pdf"), Some(&company.token))
        .await;
    assert_eq!(response.status(), 200);
    let downloaded = response.bytes().await.unwrap().to_vec();
    let pdf = Document::load_mem(&downloaded).unwrap();
    let pages = pdf.get_pages().len();
    let text = squeezed_text(&pdf);
    for title in &titles {
        assert!(text.contains(&squeeze(title)), "{title}");
    }
    assert!(text.contains("Synthèse") && text.contains("Frais"));
    // Fee totals in French form: 500 workers, 820 200,00 USD paid and outstanding
    // (fees of (n mod 12) × 300 USD, none reimbursed).
    assert!(text.contains("Travailleursaudités500"), "workers audited");
    assert!(text.contains("820200,00"), "total fees in French form");
    assert!(
        text.contains(&format!("page{pages}sur{pages}")),
        "the last page's footer counts {pages} pages"
    );

    // What the renderer placed, with each text's width measured from the embedded
    // font's glyph advances: nothing crosses a page edge (20 pt inside), left or
    // right, top or bottom.
    let data = domain::reports::load_report_data(&app.db, rid.parse().unwrap())
        .await
        .unwrap();
    let fresh = worker::report::render(&data).unwrap();
    let again = worker::report::render(&data).unwrap();
    assert!(
        fresh.bytes == again.bytes,
        "two renderings of the same data differ"
    );
    assert!(
        fresh.bytes == downloaded,
        "the stored PDF differs from a fresh rendering of the same data"
    );
    assert_eq!(fresh.pages.len(), pages);
    // The long URL is kept whole: its lines, in the order placed, are the URL, and
    // each is in the PDF's text. (Which line a page break falls after depends on
    // the font's metrics; when it falls inside the URL, the continued row's
    // repeated header comes between its lines in the text.)
    let url_lines: Vec<&str> = fresh
        .pages
        .iter()
        .flatten()
        .filter_map(|item| match item {
            worker::report::Item::Text { text, .. }
                if text.chars().count() >= 8 && url.contains(text.as_str()) =>
            {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(url_lines.concat(), url, "the long URL, whole");
    for line in &url_lines {
        assert!(text.contains(&squeeze(line)), "{line} is in the PDF's text");
    }
    let (page_w, page_h) = (worker::report::canvas::PAGE_W, worker::report::canvas::PAGE_H);
    let mut wrapped_pieces = 0;
    for (index, items) in fresh.pages.iter().enumerate() {
        for item in items {
            match item {
                worker::report::Item::Text {
                    x,
                    y,
                    width,
                    text,
                    style,
                } => {
                    assert!(
                        *x >= 20.0 && x + width <= page_w - 20.0,
                        "page {}: {text:?} spans x {x}..{} (page width {page_w})",
                        index + 1,
                        x + width
                    );
                    assert!(
                        y - style.size >= 20.0 && *y <= page_h - 20.0,
                        "page {}: {text:?} at y {y}",
                        index + 1
                    );
                    if text.chars().count() >= 8
                        && (unbroken.contains(text.as_str()) || url.contains(text.as_str()))
                    {
                        wrapped_pieces += 1;
                    }
                }
                worker::report::Item::Rect { x, y, w, h, .. } => {
                    assert!(
                        *x >= 0.0 && x + w <= page_w + 0.01 && *y >= 0.0 && y + h <= page_h,
                        "page {}: a rectangle off the page",
                        index + 1
                    );
                }
                worker::report::Item::Line { from, to, .. } => {
                    for (px, py) in [from, to] {
                        assert!(
                            (0.0..=page_w).contains(px) && (0.0..=page_h).contains(py),
                            "page {}: a line off the page",
                            index + 1
                        );
                    }
                }
            }
        }
    }
    assert!(
        wrapped_pieces >= 4,
        "the unbroken strings are split over several lines ({wrapped_pieces} pieces)"
    );

    // Every text position lies inside the page box, 20 pt from each edge.
    let mut positions = 0;
    for (page_index, (_, page_id)) in pdf.get_pages().into_iter().enumerate() {
        let mut in_pdf = Vec::new();
        let page = pdf.get_dictionary(page_id).unwrap();
        let media: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_float().unwrap())
            .collect();
        let content = pdf.get_and_decode_page_content(page_id).unwrap();
        for op in content
            .operations
            .iter()
            .filter(|op| op.operator == "Td" || op.operator == "Tm")
        {
            let n = op.operands.len();
            let (x, y) = (number(&op.operands[n - 2]), number(&op.operands[n - 1]));
            assert!(x >= media[0] + 20.0 && x <= media[2] - 20.0, "x {x} off the page");
            assert!(y >= media[1] + 20.0 && y <= media[3] - 20.0, "y {y} off the page");
            in_pdf.push((x, y));
            positions += 1;
        }
        // The content stream places exactly the texts the renderer measured, at
        // the same positions: the width check above holds for the PDF itself.
        let placed: Vec<(f32, f32)> = fresh.pages[page_index]
            .iter()
            .filter_map(|item| match item {
                worker::report::Item::Text { x, y, .. } => Some((*x, page_h - y)),
                _ => None,
            })
            .collect();
        assert_eq!(in_pdf.len(), placed.len(), "page {}", page_index + 1);
        for (a, b) in in_pdf.iter().zip(&placed) {
            assert!(
                (a.0 - b.0).abs() < 0.01 && (a.1 - b.1).abs() < 0.01,
                "page {}: {a:?} vs {b:?}",
                page_index + 1
            );
        }
        let shown = content
            .operations
            .iter()
            .filter(|op| op.operator == "Tj" || op.operator == "TJ")
            .count();
        assert_eq!(shown, placed.len(), "one text show per placed text");
    }
    assert!(positions > 1000);
    assert!(pages > 10);
}

/// The same input renders the same bytes (no clock, random id or hash order in
/// the file), and the job stores exactly that rendering.
#[tokio::test]
async fn the_same_report_renders_the_same_bytes() {
    let app = spawn_app().await;
    let (company, _, aid, _) = scored(&app, AUDIT).await;
    let response = request(&app, &company.token, &aid, &json!({"locale": "en"})).await;
    let rid = response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.run_jobs().await;
    let stored = app
        .get_api(&format!("/reports/{rid}/pdf"), Some(&company.token))
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec();
    let data = domain::reports::load_report_data(&app.db, rid.parse().unwrap())
        .await
        .unwrap();
    let first = worker::report::render(&data).unwrap().bytes;
    let second = worker::report::render(&data).unwrap().bytes;
    assert!(first == second, "two renderings differ");
    assert!(first == stored, "the stored PDF differs from a fresh rendering");
    let text = squeezed_text(&Document::load_mem(&first).unwrap());
    assert!(text.contains("Executivesummary") && text.contains("Corrective-actionplan"));
}

fn number(o: &Object) -> f32 {
    o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).unwrap()
}
