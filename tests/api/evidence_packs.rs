//! Evidence packs end to end (issue #21, acceptance 2): for the demo supplier,
//! with a product, a site and a sub-tier supplier added, a UFLPA pack is
//! requested, refused with 409 until the worker has rendered it, then read: the
//! PDF's contents page gives each section's page (and the section is on that
//! page), the PDF holds the fee totals and every finding title, the JSON says
//! the same, the ZIP's manifest hashes are those of its entries, and the
//! requester is emailed. Another company gets 404; a bad regime or locale gets
//! 422 and stores nothing.

use std::{io::Write as _, process::Command};

use domain::entities::{audit_event, finding, supplier};
use lopdf::Document;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use sha2_hmac::{Digest, Sha256};

use crate::helpers::{TestApp, assert_problem, spawn_app};

/// The section headings of an English pack, in order.
const SECTIONS: [&str; 10] = [
    "Executive summary",
    "What the authority asks",
    "Parties and their roles",
    "Supply-chain map",
    "Assessments and findings",
    "Recruitment fees and repayments",
    "Corrective actions",
    "Worker voice (aggregate)",
    "Forced-labour list screening",
    "Index of evidence files",
];

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// `1342.50` as an English document writes it: `1,342.50`.
fn english_amount(raw: &str) -> String {
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, "00"));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped}.{fraction}")
}

/// Every entry of a ZIP as `(name, bytes)`, read by Info-ZIP's `unzip`, which
/// checks every CRC with `-t` first.
fn unzip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
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
            let pattern = name.replace('[', "[[]");
            let out = Command::new("unzip")
                .args(["-p", &path, &pattern])
                .output()
                .unwrap();
            (name.to_string(), out.stdout)
        })
        .collect()
}

/// The demo company seeded, its officer's token, its id, and the demo supplier
/// with the fee audit (and another demo supplier, for a sub-tier link).
async fn demo(app: &TestApp) -> (String, String, String, String) {
    let files = domain::files::FileStore::from_url(&app.settings.storage_url).unwrap();
    fairhire::demo::seed(&app.db, "http://portal.test", &files)
        .await
        .unwrap();
    let login: Value = app
        .login("officer@northwind.example", "demo-password-2026")
        .await
        .json()
        .await
        .unwrap();
    let token = login["access_token"].as_str().expect("a token").to_string();
    let named = |name: &'static str| async move {
        supplier::Entity::find()
            .filter(supplier::Column::Name.eq(name))
            .one(&app.db)
            .await
            .unwrap()
            .expect("a demo supplier")
    };
    let dhaka = named("Dhaka Stitchworks Ltd").await;
    let selangor = named("Selangor Circuits Sdn Bhd").await;
    (
        token,
        dhaka.company_id.to_string(),
        dhaka.id.to_string(),
        selangor.id.to_string(),
    )
}

async fn created(app: &TestApp, path: &str, token: &str, body: &Value) -> Value {
    let response = app.post_json(path, Some(token), body).await;
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.json().await.unwrap()
}

async fn json_of(app: &TestApp, path: &str, token: &str) -> Value {
    let response = app.get_api(path, Some(token)).await;
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

async fn bytes_of(app: &TestApp, path: &str, token: &str) -> Vec<u8> {
    let response = app.get_api(path, Some(token)).await;
    assert_eq!(response.status(), 200, "{path}");
    response.bytes().await.unwrap().to_vec()
}

/// The chain the map draws: a product made by the supplier at a site, and a
/// sub-tier supplier; and a repayment, so "repaid to date" is not zero.
async fn chain_and_repayment(app: &TestApp, token: &str, cid: &str, sid: &str, sub: &str) -> String {
    let site = created(
        app,
        &format!("/suppliers/{sid}/sites"),
        token,
        &json!({"name": "Gazipur Unit 2", "address": "Plot 7, BSCIC", "country": "BD", "headcount": 640}),
    )
    .await;
    let product = created(
        app,
        &format!("/companies/{cid}/products"),
        token,
        &json!({"sku": "NW-TEE-01", "name": "Crew-neck Tee", "hs_code": "6109.10", "description": "Knitted cotton"}),
    )
    .await;
    let product = product["id"].as_str().unwrap();
    created(
        app,
        &format!("/products/{product}/links"),
        token,
        &json!({"supplier_id": sid, "site_id": site["id"], "role": "assembly"}),
    )
    .await;
    created(
        app,
        &format!("/suppliers/{sid}/sub-suppliers"),
        token,
        &json!({"supplier_id": sub, "material": "woven labels"}),
    )
    .await;
    let audits = json_of(app, &format!("/suppliers/{sid}/fee-audits"), token).await;
    let audit = audits["items"][0]["id"]
        .as_str()
        .expect("the demo fee audit")
        .to_string();
    let view = json_of(app, &format!("/fee-audits/{audit}"), token).await;
    let owed = view["workers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["remaining_usd"].as_str().is_some_and(|r| r != "0.00"))
        .expect("a worker still owed");
    let today = chrono::Utc::now().date_naive();
    let csv = format!(
        "worker_ref,amount,currency,paid_on\n{},25,USD,{today}\n",
        owed["worker_ref"].as_str().unwrap()
    );
    assert_eq!(app.upload_repayments(&audit, token, &csv).await.status(), 201);
    audit
}

/// The page (1-based) the contents page gives for each section, read from the
/// contents page's text: the title, then its number.
fn contents_pages(contents: &str) -> Vec<usize> {
    SECTIONS
        .iter()
        .map(|title| {
            let title = squeeze(title);
            let at = contents
                .find(&title)
                .unwrap_or_else(|| panic!("{title} in the contents: {contents}"));
            let digits: String = contents[at + title.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits
                .parse()
                .unwrap_or_else(|_| panic!("a page number after {title}"))
        })
        .collect()
}

#[tokio::test]
async fn a_pack_for_the_demo_supplier_is_indexed_hashed_and_announced() {
    let app = spawn_app().await;
    let (token, cid, sid, sub) = demo(&app).await;
    let audit = chain_and_repayment(&app, &token, &cid, &sid, &sub).await;

    let queued = app
        .post_json(
            &format!("/suppliers/{sid}/evidence-packs"),
            Some(&token),
            &json!({"regime": "uflpa", "locale": "en"}),
        )
        .await;
    assert_eq!(queued.status(), 202);
    let queued: Value = queued.json().await.unwrap();
    assert_eq!(queued["status"], "queued");
    let id = queued["id"].as_str().unwrap().to_string();
    for format in ["pdf", "json", "zip"] {
        let early = app
            .get_api(&format!("/evidence-packs/{id}/{format}"), Some(&token))
            .await;
        assert_problem(early, 409).await;
    }

    app.run_jobs().await;

    let pack = json_of(&app, &format!("/evidence-packs/{id}"), &token).await;
    assert_eq!(pack["status"], "ready", "{pack}");
    assert!(pack["ready_at"].is_string());
    let listed = json_of(&app, &format!("/suppliers/{sid}/evidence-packs"), &token).await;
    assert_eq!(listed["items"][0]["id"], id.as_str());
    assert_eq!(listed["total"], 1);

    // The PDF: contents with the right page numbers, fee totals, every finding.
    let pdf_bytes = bytes_of(&app, &format!("/evidence-packs/{id}/pdf"), &token).await;
    assert_eq!(pack["pdf"]["sha256"], sha256_hex(&pdf_bytes).as_str());
    let pdf = Document::load_mem(&pdf_bytes).unwrap();
    let numbers: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let page_text = |n: u32| squeeze(&pdf.extract_text(&[n]).unwrap());
    let total = numbers.len();
    let pages = contents_pages(&page_text(2));
    for (title, page) in SECTIONS.iter().zip(&pages) {
        assert!(*page > 2 && *page <= total, "{title} on page {page} of {total}");
        let text = page_text(*page as u32);
        assert!(
            text.contains(&squeeze(title)),
            "{title} is on page {page}: {text}"
        );
    }
    assert!(
        pages.windows(2).all(|w| w[0] < w[1]),
        "sections in order: {pages:?}"
    );
    let all = squeeze(&pdf.extract_text(&numbers).unwrap());
    assert!(
        all.contains(&format!("page{total}of{total}")),
        "page numbers in the footer"
    );
    let fees = json_of(&app, &format!("/fee-audits/{audit}"), &token).await;
    let repaid = &fees["repayments"];
    assert_eq!(repaid["total_repaid_usd"], "25.00");
    for key in ["total_outstanding_usd", "total_repaid_usd", "total_remaining_usd"] {
        let shown = english_amount(repaid[key].as_str().unwrap());
        assert!(all.contains(&shown), "{key} {shown} in the PDF");
    }
    let findings = finding::Entity::find()
        .filter(finding::Column::SupplierId.eq(sid.parse::<uuid::Uuid>().unwrap()))
        .all(&app.db)
        .await
        .unwrap();
    assert!(findings.len() >= 3, "the demo supplier has findings");
    for f in &findings {
        assert!(all.contains(&squeeze(&f.title)), "finding {} in the PDF", f.title);
    }
    for name in ["Gazipur Unit 2", "Crew-neck Tee", "Selangor Circuits Sdn Bhd"] {
        assert!(all.contains(&squeeze(name)), "{name} in the parties and the map");
    }

    // The JSON says the same.
    let contents: Value =
        serde_json::from_slice(&bytes_of(&app, &format!("/evidence-packs/{id}/json"), &token).await).unwrap();
    assert_eq!(contents["regime"], "uflpa");
    assert_eq!(
        contents["summary"]["fees_outstanding_usd"],
        repaid["total_outstanding_usd"]
    );
    assert_eq!(contents["summary"]["fees_repaid_usd"], "25.00");
    assert_eq!(contents["findings"].as_array().unwrap().len(), findings.len());
    let kinds: Vec<&str> = contents["map"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    for kind in ["product", "supplier", "site", "recruiter"] {
        assert!(kinds.contains(&kind), "a {kind} on the map: {kinds:?}");
    }
    let evidence = contents["evidence"].as_array().unwrap();
    assert!(!evidence.is_empty(), "the demo payslip sample is indexed");

    // The ZIP: the manifest's hashes are those of its entries.
    let zip_bytes = bytes_of(&app, &format!("/evidence-packs/{id}/zip"), &token).await;
    assert_eq!(pack["zip"]["sha256"], sha256_hex(&zip_bytes).as_str());
    let entries = unzip_entries(&zip_bytes);
    let manifest = entries
        .iter()
        .find(|(name, _)| name == "manifest.json")
        .expect("manifest.json");
    let manifest: Value = serde_json::from_slice(&manifest.1).unwrap();
    let listed = manifest["entries"].as_array().unwrap();
    assert_eq!(
        listed.len(),
        entries.len() - 1,
        "every entry but the manifest is listed"
    );
    for entry in listed {
        let path = entry["path"].as_str().unwrap();
        let (_, bytes) = entries.iter().find(|(name, _)| name == path).expect(path);
        assert_eq!(entry["sha256"], sha256_hex(bytes).as_str(), "{path}");
        assert_eq!(entry["size"], bytes.len(), "{path}");
    }
    let in_zip = |path: &str| entries.iter().find(|(n, _)| n == path).map(|(_, b)| b.clone());
    assert_eq!(in_zip("evidence-pack.pdf"), Some(pdf_bytes));
    for file in evidence {
        let bytes = in_zip(file["zip_path"].as_str().unwrap()).expect("the evidence file is in the ZIP");
        assert_eq!(file["sha256"], sha256_hex(&bytes).as_str());
    }

    // Announced, audited.
    assert!(
        app.outbox()
            .iter()
            .any(|e| e.contains("officer@northwind.example") && e.contains(&format!("/evidence-packs/{id}"))),
        "the officer is told the pack is ready, with its link"
    );
    let audited = |action: &'static str| {
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(action))
            .count(&app.db)
    };
    assert_eq!(audited("evidence_pack.requested").await.unwrap(), 1);
    assert_eq!(
        audited("evidence_pack.downloaded").await.unwrap(),
        3,
        "pdf, json, zip"
    );
}

#[tokio::test]
async fn other_companies_get_404_and_bad_input_gets_422_storing_nothing() {
    let app = spawn_app().await;
    let company = app.registered_company().await;
    let supplier: Value = created(
        &app,
        &format!("/companies/{}/suppliers", company.id),
        &company.token,
        &json!({"name": "Tiruppur Knits Pvt Ltd", "country": "IN", "sector": "apparel_textiles",
                "contact_email": "ops@tiruppur-knits.example"}),
    )
    .await;
    let sid = supplier["id"].as_str().unwrap();
    let packs = format!("/suppliers/{sid}/evidence-packs");

    let bad = app
        .post_json(
            &packs,
            Some(&company.token),
            &json!({"regime": "wro", "locale": "de"}),
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["regime", "locale"]);
    let missing = app.post_json(&packs, Some(&company.token), &json!({})).await;
    assert_problem(missing, 422).await;
    assert_eq!(
        json_of(&app, &packs, &company.token).await["total"],
        0,
        "nothing stored"
    );

    let queued = created(
        &app,
        &packs,
        &company.token,
        &json!({"regime": "eu_flr", "locale": "fr"}),
    )
    .await;
    let id = queued["id"].as_str().unwrap();
    app.run_jobs().await;
    let pack = json_of(&app, &format!("/evidence-packs/{id}"), &company.token).await;
    assert_eq!(
        pack["status"], "ready",
        "a supplier with no records still gets a pack: {pack}"
    );
    let text = squeeze(
        &Document::load_mem(&bytes_of(&app, &format!("/evidence-packs/{id}/pdf"), &company.token).await)
            .map(|d| {
                d.extract_text(&d.get_pages().keys().copied().collect::<Vec<_>>())
                    .unwrap()
            })
            .unwrap(),
    );
    assert!(
        text.contains("Synthèse") && text.contains("2024/3015"),
        "French headings, the EU regulation cited"
    );

    let other = app.registered_company().await;
    for path in [
        format!("/evidence-packs/{id}"),
        format!("/evidence-packs/{id}/pdf"),
        format!("/evidence-packs/{id}/json"),
        format!("/evidence-packs/{id}/zip"),
        packs.clone(),
    ] {
        let hidden = app.get_api(&path, Some(&other.token)).await;
        assert_problem(hidden, 404).await;
    }
    let foreign = app
        .post_json(&packs, Some(&other.token), &json!({"regime": "uflpa"}))
        .await;
    assert_problem(foreign, 404).await;
    assert_eq!(json_of(&app, &packs, &company.token).await["total"], 1);
}
